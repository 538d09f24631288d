import { data, type ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { requireMember } from '#app/auth/session.server'
import { createPurposeForm } from '#app/forms/purpose-form.server'
import { PURPOSE_IDS } from '#app/forms/purposes'
import { badRequest, parseForm } from '#app/http/form-data.server'
import { requireIdParam } from '#app/http/json.server'
import { fixFormBlockAndPublish } from '#app/pages/form-block-fix.server'

// The page editor's requests about Form blocks: a new form for the block's picker ("Create a form"), and the
// one-click fixes when publishing was refused because a Form block has no form (publish-refusal.tsx).

const Purpose = z.enum(PURPOSE_IDS, { error: 'Choose what the form is for' })
const Target = { key: z.string().trim().min(1).max(10), blockId: z.string().trim().min(1, 'Which block?').max(200) }
const FormBlocksSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('newForm'), purpose: Purpose }),
    z.object({ intent: z.literal('attach'), ...Target, formId: z.uuid('Choose a form') }),
    z.object({ intent: z.literal('create'), ...Target, purpose: Purpose }),
    z.object({ intent: z.literal('remove'), ...Target }),
  ],
  { error: 'Unknown action' },
)

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, { role: 'editor' })
  const workspaceId = member.workspace.id
  const pageId = requireIdParam(params.pageId, 'page')
  const parsed = await parseForm(request, FormBlocksSchema)
  if (!parsed.ok) return parsed.response
  const input = parsed.data
  if (input.intent === 'newForm') return { form: await createPurposeForm({ workspaceId, purpose: input.purpose }) }
  const fix = input.intent === 'attach' ? { kind: input.intent, formId: input.formId } : input.intent === 'create' ? { kind: input.intent, purpose: input.purpose } : { kind: input.intent }
  const result = await fixFormBlockAndPublish({ workspaceId, pageId, key: input.key, blockId: input.blockId, fix, userId: member.user.id })
  if (result.ok) return { fixed: { key: input.key, draft: result.draft }, publishedVersion: result.version.number, url: `/p/${result.slug}` }
  if (result.status === 404) throw new Response('No such page or variant in this workspace', { status: 404 })
  if (result.status === 409)
    return data({ errors: { fieldErrors: {}, formErrors: result.errors }, fixed: { key: input.key, draft: result.draft }, emptyFormBlocks: result.emptyFormBlocks }, { status: 409 })
  return badRequest({ formErrors: result.errors })
}
