// Script-injection payloads, shared by the sanitiser's unit tests and the e2e test that stores them in every
// text field and watches Chromium for any of them running. `call` is the script each payload tries to run:
// `alert(1)` in unit tests, `top.__xss(<id>)` in the browser (top: from the editor's canvas iframe too).
// The first four ran in the page editor before rich text was sanitised on save (issue 14).

export type XssPayload = { name: string; html: (call: string) => string }

export const XSS_PAYLOADS: readonly XssPayload[] = [
  { name: 'img onerror', html: (call) => `<img src=x onerror=${call}>` },
  { name: 'iframe javascript: src', html: (call) => `<iframe src="javascript:${call}"></iframe>` },
  // In a browser with scripting on, <noscript> holds raw text, so the </noscript> inside the attribute ends it.
  { name: 'noscript mutation XSS', html: (call) => `<noscript><p title="</noscript><img src=x onerror=${call}>">` },
  { name: 'details ontoggle', html: (call) => `<details open ontoggle=${call}>` },
  { name: 'script element', html: (call) => `<script>${call}</script>` },
  { name: 'javascript: link', html: (call) => `<a href="javascript:${call}">x</a>` },
  { name: 'javascript: URL', html: (call) => `javascript:${call}` },
  { name: 'entity-encoded javascript: link', html: (call) => `<a href="jav&#x09;ascript:${call}">x</a>` },
  { name: 'svg onload', html: (call) => `<svg onload=${call}>` },
  { name: 'svg animate onbegin', html: (call) => `<svg><animate onbegin=${call} attributeName=x dur=1s>` },
  // MathML mutation XSS: <style> under <mglyph> is foreign content in a browser (markup) but raw text to most sanitisers.
  { name: 'math mutation XSS', html: (call) => `<math><mtext><table><mglyph><style><img src=x onerror=${call}>` },
  { name: 'math comment mutation XSS', html: (call) => `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=${call}&gt;">` },
  { name: 'input autofocus onfocus', html: (call) => `<input autofocus onfocus=${call}>` },
  { name: 'attribute break (double quote)', html: (call) => `"><img src=x onerror=${call}>` },
  { name: 'attribute break (single quote)', html: (call) => `'><img src=x onerror=${call}>` },
  { name: 'raw-text break (textarea, title, style)', html: (call) => `</textarea></title></style><img src=x onerror=${call}>` },
  { name: 'dynamic-text token fallback', html: (call) => `{{q|<img src=x onerror=${call}>}}` },
  { name: 'alert dialog', html: (call) => `<img src=x onerror=${call.replace(/^top\.__xss/, 'alert')}>` },
]
