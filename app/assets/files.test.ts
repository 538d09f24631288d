import { describe, expect, test } from 'vitest'
import { ASSET_ACCEPT, ASSET_TYPES, assetContentTypeFor, attachmentDisposition, cleanFilename, servableContentType } from './files'

describe('allowed uploads', () => {
  test('the type comes from the extension, case-insensitively', () => {
    expect(assetContentTypeFor('Guide.PDF')).toBe('application/pdf')
    expect(assetContentTypeFor('deck.pptx')).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation')
    expect(assetContentTypeFor('leads.csv')).toBe('text/csv; charset=utf-8')
    expect(assetContentTypeFor('book.epub')).toBe('application/epub+zip')
    expect(ASSET_ACCEPT.split(',')).toContain('.docx')
  })

  test.each(['page.html', 'page.htm', 'logo.svg', 'feed.xml', 'run.exe', 'script.js', 'noextension', 'archive.pdf.html', 'x.'])('refuses %s', (name) => {
    expect(assetContentTypeFor(name)).toBeNull()
  })

  test('nothing allowed is something a browser renders as a page', () => {
    for (const type of Object.values(ASSET_TYPES)) expect(type).not.toMatch(/html|svg|javascript|[/+]xml\b/)
  })

  test('a stored type outside the list is served as raw bytes', () => {
    expect(servableContentType('application/pdf')).toBe('application/pdf')
    expect(servableContentType('text/html')).toBe('application/octet-stream')
  })
})

describe('file names', () => {
  test('keep the base name only, without control or path characters', () => {
    expect(cleanFilename('C:\\Users\\ada\\Q3 report.pdf')).toBe('Q3 report.pdf')
    expect(cleanFilename('../../etc/passwd')).toBe('passwd')
    expect(cleanFilename('a"b\u0000c<d>.pdf')).toBe('a_b_c_d_.pdf')
    expect(cleanFilename('.hidden.pdf')).toBe('hidden.pdf')
    expect(cleanFilename('')).toBe('download')
    const long = cleanFilename(`${'x'.repeat(300)}.pdf`)
    expect(long).toHaveLength(200)
    expect(long.endsWith('.pdf')).toBe(true)
  })

  test('Content-Disposition is always attachment, with an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('Leitfaden für Käufer.pdf')).toBe(`attachment; filename="Leitfaden fur Kaufer.pdf"; filename*=UTF-8''Leitfaden%20f%C3%BCr%20K%C3%A4ufer.pdf`)
    expect(attachmentDisposition('a"; filename=evil.html')).toMatch(/^attachment; filename="a__ filename=evil.html"; filename\*=UTF-8''/)
    expect(attachmentDisposition('报告.pdf')).toContain(`filename="__.pdf"`)
  })
})
