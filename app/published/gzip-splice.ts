import { constants, crc32, deflateRawSync } from 'node:zlib'

// A page with a form differs per request only in a few dozen bytes (idempotency key, timestamp, dynamic text),
// yet compressing 15 KB per request would cost more than everything else the request does. Deflate lets us
// splice instead: each static piece is compressed once, ending on a byte boundary (sync flush) without
// back-references into the next piece, and the per-request values go between them as "stored" (uncompressed)
// blocks. The pieces concatenated are one valid deflate stream; gzip adds a header and a CRC-32 trailer.
//
// The CRC is over the whole raw page, but only the values are new: each static piece's CRC is computed once and
// combined per request (zlib's crc32_combine: the running CRC times x^(8·length) modulo the CRC polynomial, then
// XOR the piece's own CRC). Running crc32 over a 20 KB page cost ~4.5 µs a request, measured here.

export type SplicedPage = {
  compressed: Buffer[]
  raw: Buffer[]
  /** CRC-32 of each raw piece, and the operator that moves a CRC past that many bytes (x^(8·length) mod P). */
  crcs: number[]
  shifts: number[]
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff])
// An empty stored block with BFINAL set: ends the deflate stream.
const FINAL_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff])
const MAX_STORED = 0xffff
const STORED_HEADER = 5
const TRAILER = 8

/** Compresses the static pieces once. `pieces` alternate with the per-request values: s0 v0 s1 v1 … sN. */
export function prepareSplice(pieces: string[]): SplicedPage {
  const raw = pieces.map((piece) => Buffer.from(piece))
  const compressed = raw.map((buf) => (buf.length === 0 ? Buffer.alloc(0) : deflateRawSync(buf, { level: 9, finishFlush: constants.Z_SYNC_FLUSH })))
  return { compressed, raw, crcs: raw.map((buf) => crc32(buf)), shifts: raw.map((buf) => crcShift(buf.length)) }
}

/**
 * The gzip body for this request's values (one fewer than the pieces), as one buffer: measured here, writing a
 * ~6 KB body of 16 pieces as one buffer cost ~2.4 µs a request less than writing the pieces corked.
 */
export function spliceGzip(page: SplicedPage, values: string[]): Buffer {
  const encoded = values.map((value) => (value ? Buffer.from(value) : null))
  let length = GZIP_HEADER.length + FINAL_BLOCK.length + TRAILER
  for (const piece of page.compressed) length += piece.length
  for (const value of encoded) if (value) length += value.length + STORED_HEADER * Math.ceil(value.length / MAX_STORED)
  const out = Buffer.allocUnsafe(length)
  let at = GZIP_HEADER.copy(out, 0)
  let crc = 0
  let size = 0
  for (let i = 0; i < page.raw.length; i++) {
    at += page.compressed[i]!.copy(out, at)
    crc = combineCrc32(crc, page.crcs[i]!, page.shifts[i]!)
    size += page.raw[i]!.length
    const value = encoded[i]
    if (value) {
      for (let offset = 0; offset < value.length; offset += MAX_STORED) {
        const n = Math.min(MAX_STORED, value.length - offset)
        out[at++] = 0x00 // a stored block, not the last
        at = out.writeUInt16LE(n, at)
        at = out.writeUInt16LE(~n & 0xffff, at)
        at += value.copy(out, at, offset, offset + n)
      }
      crc = crc32(value, crc)
      size += value.length
    }
  }
  at += FINAL_BLOCK.copy(out, at)
  at = out.writeUInt32LE(crc >>> 0, at)
  out.writeUInt32LE(size >>> 0, at)
  return out
}

// ── CRC-32 combination (after zlib's crc32_combine; polynomials in the reflected bit order CRC-32 uses) ──

const POLY = 0xedb88320
const X0 = 0x80000000 // the polynomial 1

/** a(x)·b(x) modulo the CRC-32 polynomial. */
function multiplyModP(a: number, b: number): number {
  let m = X0
  let p = 0
  while (m !== 0) {
    if (a & m) {
      p ^= b
      if ((a & (m - 1)) === 0) break
    }
    m >>>= 1
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1
  }
  return p >>> 0
}

// x^(2^k) modulo P, for k = 0…31.
const X_POW_2K: number[] = [X0 >>> 1]
for (let k = 1; k < 32; k++) X_POW_2K.push(multiplyModP(X_POW_2K[k - 1]!, X_POW_2K[k - 1]!))

/** x^(8·bytes) modulo P: multiplying a CRC by it moves the CRC past `bytes` bytes. */
export function crcShift(bytes: number): number {
  let p = X0
  for (let n = bytes, k = 3; n > 0; n = Math.floor(n / 2), k++) if (n & 1) p = multiplyModP(X_POW_2K[k & 31]!, p)
  return p
}

/** The CRC-32 of A followed by B, from the CRC of each and B's shift, `crcShift(B's length)`. */
export const combineCrc32 = (crcA: number, crcB: number, shiftB: number) => (multiplyModP(shiftB, crcA) ^ crcB) >>> 0
