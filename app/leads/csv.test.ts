import { expect, test } from 'vitest'
import { toCsv } from './csv'

const body = (csv: string) => csv.slice(1) // without the BOM

test('starts with a BOM for Excel and uses CRLF line endings', () => {
  const csv = toCsv(['email', 'name'], [['ada@example.com', 'Ada']])
  expect(csv.charCodeAt(0)).toBe(0xfeff)
  expect(body(csv)).toBe('email,name\r\nada@example.com,Ada\r\n')
})

test('formats every cell type', () => {
  const created = new Date(Date.UTC(2025, 0, 31, 9, 30))
  expect(body(toCsv(['a', 'b', 'c', 'd', 'e', 'f', 'g'], [[42, -5, true, false, null, created, new Date('nope')]]))).toBe('a,b,c,d,e,f,g\r\n42,-5,true,false,,2025-01-31T09:30:00.000Z,\r\n')
  expect(body(toCsv(['n'], [[Number.NaN], [Infinity], [0.1]]))).toBe('n\r\n\r\n\r\n0.1\r\n')
  expect(body(toCsv(['only'], []))).toBe('only\r\n')
})

test('quotes commas, quotes and line breaks (RFC 4180)', () => {
  expect(body(toCsv(['x'], [['Lovelace, Ada'], ['say "hi"'], ['line\nbreak'], ['cr\rhere'], ['plain']]))).toBe('x\r\n"Lovelace, Ada"\r\n"say ""hi"""\r\n"line\nbreak"\r\n"cr\rhere"\r\nplain\r\n')
})

test.each([
  ['=1+1', "'=1+1"],
  ['=HYPERLINK("https://evil.example","Click")', `"'=HYPERLINK(""https://evil.example"",""Click"")"`],
  ['+44 20 7946 0000', "'+44 20 7946 0000"],
  ['-2+3', "'-2+3"],
  ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
  ['\t=cmd', "'\t=cmd"],
  ['\r=cmd', `"'\r=cmd"`],
  ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
  ['a=b', 'a=b'],
  [' =1', ' =1'],
])('defuses hostile cell %j', (cell, expected) => {
  expect(body(toCsv(['x'], [[cell]]))).toBe(`x\r\n${expected}\r\n`)
})

test('headers are cells too: a hostile field label is defused', () => {
  expect(body(toCsv(['=evil', 'ok'], []))).toBe("'=evil,ok\r\n")
})

test('unicode passes through untouched', () => {
  expect(body(toCsv(['name'], [['Zoë 🦊 Åström']]))).toBe('name\r\nZoë 🦊 Åström\r\n')
})
