import { randomBytes } from 'node:crypto'
import { crc32, gunzipSync } from 'node:zlib'
import { expect, test } from 'vitest'
import { combineCrc32, crcShift, prepareSplice, spliceGzip } from './gzip-splice'

const gunzip = (body: Buffer) => gunzipSync(body).toString()

test('spliced gzip decodes to the static pieces with the values in between', () => {
  const pieces = ['<html><body><form><input name="_idem" value="', '"><input name="_t" value="', '"></form>' + 'x'.repeat(20_000) + '</body></html>']
  const page = prepareSplice(pieces)
  for (const values of [
    ['abc123', '1700000000.sig'],
    ['', ''],
    ['é✓ 𝄞', 'ü'],
  ]) {
    expect(gunzip(spliceGzip(page, values))).toBe(pieces[0] + values[0] + pieces[1] + values[1] + pieces[2])
  }
})

test('values longer than one stored block (64 KiB) and empty static pieces still decode', () => {
  const page = prepareSplice(['', 'middle', ''])
  const long = 'y'.repeat(70_000)
  expect(gunzip(spliceGzip(page, [long, 'z']))).toBe(`${long}middlez`)
})

test('the static pieces are really compressed', () => {
  const page = prepareSplice(['a'.repeat(10_000), 'b'.repeat(10_000)])
  const size = spliceGzip(page, ['v']).length
  expect(size).toBeLessThan(200)
})

test('CRC-32s combine like the CRC of the concatenation, for any lengths', () => {
  for (const [a, b] of [
    [0, 0],
    [0, 5],
    [7, 0],
    [1, 1],
    [100, 20_000],
    [65_535, 65_537],
    [3, 1_000_003],
  ]) {
    const [left, right] = [randomBytes(a!), randomBytes(b!)]
    expect(combineCrc32(crc32(left), crc32(right), crcShift(right.length))).toBe(crc32(Buffer.concat([left, right])))
  }
})

test('the gzip trailer carries the CRC and size of the whole page (gunzip checks both)', () => {
  const pieces = Array.from({ length: 6 }, (_, i) => randomBytes(500 + i * 997).toString('base64'))
  const page = prepareSplice(pieces)
  const values = ['', 'k'.repeat(70_000), 'é', '', '1700000000.sig']
  const body = spliceGzip(page, values)
  expect(body.readUInt32LE(body.length - 8)).toBe(crc32(pieces.map((piece, i) => piece + (values[i] ?? '')).join('')))
  expect(gunzip(body)).toBe(pieces.map((piece, i) => piece + (values[i] ?? '')).join(''))
})
