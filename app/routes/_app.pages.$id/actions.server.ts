import { data } from '@remix-run/node'
import { z } from 'zod'
import type { Member } from '#app/auth/session.server'
import { badRequest } from '#app/http/form-data.server'
import { createVariant, publishPage, renameVariant, revertToVersion, updatePage } from '#app/pages/queries.server'
import { PageLocaleSchema, PageNameSchema, PageSettingsSchema, SlugSchema, VariantNameSchema } from '#app/pages/schema'

export const PageActionSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('rename'), name: PageNameSchema }),
    z.object({ intent: z.literal('archive') }),
    z.object({ intent: z.literal('restore') }),
    z.object({ intent: z.literal('publish') }),
    z.object({ intent: z.literal('duplicate'), copyFrom: z.string().regex(/^[A-Z]{1,2}$/, 'Unknown variant') }),
    z.object({ intent: z.literal('renameVariant'), key: z.string().regex(/^[A-Z]{1,2}$/, 'Unknown variant'), name: VariantNameSchema }),
    z.object({ intent: z.literal('revert'), number: z.coerce.number().int().positive('Unknown version') }),
    z.object({
      intent: z.literal('settings'),
      slug: SlugSchema,
      // Optional: a post without it (an older form, a script) keeps the page's language.
      locale: PageLocaleSchema.optional(),
      title: z.string(),
      description: z.string(),
      socialImage: z.string(),
      favicon: z.string(),
      noindex: z.literal('on').optional(),
      brandColor: z.string(),
      font: z.string(),
      logo: z.string(),
    }),
  ],
  { error: 'Unknown action' },
)
type PageAction = z.infer<typeof PageActionSchema>

const notFound = () => new Response('No such page in this workspace', { status: 404 })

/** Carries out one action on the page; returns what the route answers. */
export async function runPageAction(input: PageAction, { member, pageId }: { member: Member; pageId: string }) {
  const workspaceId = member.workspace.id
  switch (input.intent) {
    case 'rename':
    case 'archive':
    case 'restore': {
      const changes = input.intent === 'rename' ? { name: input.name } : { archivedAt: input.intent === 'archive' ? new Date() : null }
      const result = await updatePage({ workspaceId, id: pageId, changes })
      if (!result.ok && result.status === 404) throw notFound()
      return { done: input.intent }
    }
    case 'settings': {
      const settings = PageSettingsSchema.safeParse({
        title: input.title,
        description: input.description,
        socialImage: input.socialImage,
        favicon: input.favicon,
        noindex: input.noindex === 'on',
        theme: { brandColor: input.brandColor, font: input.font, logo: input.logo },
      })
      if (!settings.success) {
        const fieldErrors: Record<string, string[]> = {}
        for (const issue of settings.error.issues) (fieldErrors[String(issue.path.at(-1))] ??= []).push(issue.message)
        return badRequest({ fieldErrors })
      }
      const result = await updatePage({ workspaceId, id: pageId, changes: { slug: input.slug, ...(input.locale ? { locale: input.locale } : {}), settings: settings.data } })
      if (!result.ok && result.status === 404) throw notFound()
      if (!result.ok && result.status === 400) return badRequest({ fieldErrors: { slug: [result.message] } })
      return { done: 'settings' as const }
    }
    case 'duplicate': {
      const result = await createVariant({ workspaceId, pageId, copyFrom: input.copyFrom })
      if (!result.ok) {
        if (result.status === 404) throw notFound()
        return badRequest({ formErrors: [result.message] })
      }
      return { done: 'duplicate' as const, variant: result.variant }
    }
    case 'renameVariant':
      if (!(await renameVariant({ workspaceId, pageId, key: input.key, name: input.name }))) throw notFound()
      return { done: 'renameVariant' as const }
    case 'publish':
    case 'revert': {
      const result =
        input.intent === 'publish' ? await publishPage({ workspaceId, pageId, userId: member.user.id }) : await revertToVersion({ workspaceId, pageId, number: input.number, userId: member.user.id })
      if (result.ok) return { done: input.intent, version: result.version.number }
      if (result.status === 404) throw notFound()
      return data({ errors: { fieldErrors: {}, formErrors: result.errors } }, { status: result.status })
    }
  }
}
