import { and, desc, eq } from 'drizzle-orm'
import { db } from '#app/db.server'
import type { SuccessAction } from '#app/forms/definition'
import { assets } from '#db/schema'

export type AssetInfo = { id: string; filename: string; contentType: string; size: number; createdAt: Date }

const infoColumns = { id: assets.id, filename: assets.filename, contentType: assets.contentType, size: assets.size, createdAt: assets.createdAt }

export async function createAsset({
  workspaceId,
  filename,
  contentType,
  data,
  createdBy,
}: {
  workspaceId: string
  filename: string
  contentType: string
  data: Uint8Array
  createdBy: string | null
}): Promise<AssetInfo> {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  const [row] = await db.insert(assets).values({ workspaceId, filename, contentType, size: bytes.byteLength, data: bytes, createdBy }).returning(infoColumns)
  return row!
}

/** The asset with its bytes if it belongs to this workspace, else null (callers answer 404). */
export async function getAsset({ workspaceId, id }: { workspaceId: string; id: string }) {
  const [row] = await db
    .select({ ...infoColumns, data: assets.data })
    .from(assets)
    .where(and(eq(assets.id, id), eq(assets.workspaceId, workspaceId)))
  // postgres-js hands bytea back as a Buffer, PGlite as a plain Uint8Array.
  return row ? { ...row, data: Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength) } : null
}

/** The workspace's uploads, newest first, without their bytes. */
export function listAssets({ workspaceId }: { workspaceId: string }): Promise<AssetInfo[]> {
  return db.select(infoColumns).from(assets).where(eq(assets.workspaceId, workspaceId)).orderBy(desc(assets.createdAt))
}

/**
 * The errors of a success action whose uploaded file is not this workspace's (the definition schema can only
 * check that it looks like an id), keyed like validateFormDefinition's; null when there is nothing to say.
 */
export async function checkSuccessAsset({ workspaceId, success }: { workspaceId: string; success: SuccessAction }) {
  if (success.type !== 'asset' || !success.assetId) return null
  const [row] = await db
    .select({ id: assets.id })
    .from(assets)
    .where(and(eq(assets.id, success.assetId), eq(assets.workspaceId, workspaceId)))
  return row ? null : { 'success.assetId': ['No such uploaded file in this workspace: upload it again'] }
}
