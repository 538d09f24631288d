import { gunzipSync } from 'node:zlib'
import { expect, test } from 'vitest'
import { prepareSplice, spliceGzip } from './gzip-splice'

const gunzip = (buffers: Buffer[]) => gunzipSync(Buffer.concat(buffers)).toString()

test('spliced gzip decodes to the static pieces with the values in between', () => {
  const pieces = ['<html><body><form><input name="_idem" value="', '"><input name="_t" value="', '"></form>' + 'x'.repeat(20_000) + '</body></html>']
  const page = prepareSplice(pieces)
  for (const values of [['abc123', '1700000000.sig'], ['', ''], ['é✓ 𝄞', 'ü']]) {
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
  const size = Buffer.concat(spliceGzip(page, ['v'])).length
  expect(size).toBeLessThan(200)
})
