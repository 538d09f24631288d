import { data } from '@remix-run/node'
import { z } from 'zod'
import { assetContentTypeFor, cleanFilename, MAX_ASSET_BYTES, MAX_ASSET_MB } from '#app/assets/files'
import { createAsset } from '#app/assets/asset.server'
import type { Member } from '#app/auth/session.server'
import { archiveForm, checkFormInput, getForm, updateForm } from '#app/forms/form.server'
import { readBodyBytes } from '#app/http/body.server'
import { badRequest, parseForm } from '#app/http/form-data.server'
import { parseJsonText } from '#app/http/json.server'

export const FormActionSchema = z.discriminatedUnion(
  'intent',
  [
    // The builder posts the whole definition as JSON; it is parsed and validated here again, never trusted.
    z.object({ intent: z.literal('save'), name: z.string(), definition: z.string().max(1_000_000, 'The form is larger than 1 MB') }),
    z.object({ intent: z.literal('archive') }),
    z.object({ intent: z.literal('restore') }),
  ],
  { error: 'Unknown action' },
)

const notFound = () => new Response('No such form in this workspace', { status: 404 })

/** Carries out one builder action on the form; an upload is the one multipart post. */
export async function runFormAction(request: Request, { member, formId }: { member: Member; formId: string }) {
  const workspaceId = member.workspace.id
  if (!(await getForm({ workspaceId, id: formId }))) throw notFound()
  if (request.headers.get('Content-Type')?.startsWith('multipart/form-data')) return uploadAsset(request, member)
  const parsed = await parseForm(request, FormActionSchema)
  if (!parsed.ok) return parsed.response
  const input = parsed.data
  if (input.intent === 'archive' || input.intent === 'restore') {
    if (!(await archiveForm({ workspaceId, id: formId, archived: input.intent === 'archive' }))) throw notFound()
    return { done: input.intent }
  }
  return saveForm({ workspaceId, formId, name: input.name, json: input.definition })
}

async function saveForm({ workspaceId, formId, name, json }: { workspaceId: string; formId: string; name: string; json: string }) {
  const posted = parseJsonText(json)
  if (!posted.ok)
    return badRequest(posted.unsafe ? { fieldErrors: { [`definition.${posted.unsafe.path}`]: [posted.unsafe.message] } } : { formErrors: ['The builder sent a damaged form; reload and try again'] })
  const checked = await checkFormInput({ workspaceId, name, definition: posted.value })
  if (!checked.ok) return badRequest({ fieldErrors: checked.errors })
  if (!(await updateForm({ workspaceId, id: formId, name: checked.name, definition: checked.definition }))) throw notFound()
  return { done: 'save' as const, savedAt: new Date().toISOString() }
}

// Room for the multipart boundaries and headers around the file.
const MULTIPART_OVERHEAD = 64 * 1024
const tooLarge = () => data({ errors: { fieldErrors: { file: [`The file is larger than ${MAX_ASSET_MB} MB`] }, formErrors: [] } }, { status: 413 })

async function uploadAsset(request: Request, member: Member) {
  // Counted while reading (readBodyBytes), so nothing past the cap is ever buffered.
  const body = await readBodyBytes(request, MAX_ASSET_BYTES + MULTIPART_OVERHEAD)
  if (!body) return tooLarge()
  let formData: FormData
  try {
    formData = await new Request(request.url, { method: 'POST', headers: { 'Content-Type': request.headers.get('Content-Type')! }, body: body as Uint8Array<ArrayBuffer> }).formData()
  } catch {
    return badRequest({ formErrors: ['The upload could not be read; try again'] })
  }
  const file = formData.get('file')
  if (!(file instanceof File) || file.size === 0) return badRequest({ fieldErrors: { file: ['Choose a file to upload'] } })
  if (file.size > MAX_ASSET_BYTES) return tooLarge()
  const filename = cleanFilename(file.name)
  const contentType = assetContentTypeFor(filename)
  if (!contentType) {
    return badRequest({
      fieldErrors: { file: ['This type of file is not allowed: upload a PDF, ZIP, EPUB, image (PNG, JPG, GIF, WebP), Word, Excel or PowerPoint (.docx, .xlsx, .pptx), TXT or CSV file'] },
    })
  }
  const asset = await createAsset({ workspaceId: member.workspace.id, filename, contentType, data: new Uint8Array(await file.arrayBuffer()), createdBy: member.user.id })
  return { done: 'upload' as const, asset: { id: asset.id, filename: asset.filename, size: asset.size, contentType: asset.contentType } }
}
