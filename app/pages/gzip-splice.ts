import { constants, crc32, deflateRawSync } from 'node:zlib'

// A page with a form differs per request only in a few dozen bytes (idempotency key, timestamp, dynamic text),
// yet compressing 15 KB per request would cost more than everything else the request does. Deflate lets us
// splice instead: each static piece is compressed once, ending on a byte boundary (sync flush) without
// back-references into the next piece, and the per-request values go between them as "stored" (uncompressed)
// blocks. The pieces concatenated are one valid deflate stream; gzip adds a header and a CRC-32 trailer,
// computed per request over the raw bytes (a few microseconds for a page).

export type SplicedPage = { compressed: Buffer[]; raw: Buffer[] }

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff])
// An empty stored block with BFINAL set: ends the deflate stream.
const FINAL_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff])
const MAX_STORED = 0xffff

/** Compresses the static pieces once. `pieces` alternate with the per-request values: s0 v0 s1 v1 … sN. */
export function prepareSplice(pieces: string[]): SplicedPage {
  const raw = pieces.map((piece) => Buffer.from(piece))
  const compressed = raw.map((buf) =>
    buf.length === 0 ? Buffer.alloc(0) : deflateRawSync(buf, { level: 9, finishFlush: constants.Z_SYNC_FLUSH }),
  )
  return { compressed, raw }
}

function storedBlocks(value: Buffer): Buffer[] {
  const blocks: Buffer[] = []
  for (let offset = 0; offset < value.length; offset += MAX_STORED) {
    const chunk = value.subarray(offset, offset + MAX_STORED)
    const header = Buffer.from([0x00, chunk.length & 0xff, chunk.length >> 8, ~chunk.length & 0xff, (~chunk.length >> 8) & 0xff])
    blocks.push(header, chunk)
  }
  return blocks
}

/** The gzip body, as buffers to write in order, for this request's values (one fewer than the pieces). */
export function spliceGzip(page: SplicedPage, values: string[]): Buffer[] {
  const out: Buffer[] = [GZIP_HEADER]
  let crc = 0
  let size = 0
  for (let i = 0; i < page.raw.length; i++) {
    out.push(page.compressed[i]!)
    crc = crc32(page.raw[i]!, crc)
    size += page.raw[i]!.length
    if (i < values.length && values[i]) {
      const value = Buffer.from(values[i]!)
      out.push(...storedBlocks(value))
      crc = crc32(value, crc)
      size += value.length
    }
  }
  const trailer = Buffer.alloc(8)
  trailer.writeUInt32LE(crc >>> 0, 0)
  trailer.writeUInt32LE(size >>> 0, 4)
  out.push(FINAL_BLOCK, trailer)
  return out
}
