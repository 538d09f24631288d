import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { englishTranslator } from '#app/i18n/i18n'
import { richText, Trans } from '#app/i18n/provider'

/** A link as the screens pass one (`<Link to=… />`): its words come from the message. */
const Anchor = ({ href, children }: { href: string; children?: ReactNode }) => <a href={href}>{children}</a>

// The words inside a message's tag go inside its element: an empty link is what axe caught on the experiments list.

test('a tag becomes its component with the words inside, interpolated values included', () => {
  const values = { name: 'Demo page', split: 'A 50% / B 50%', partial: 'no', coverage: '' }
  const html = renderToStaticMarkup(<Trans i18nKey="experiments.list.onPage" values={values} components={{ link: <Anchor href="/pages/1" /> }} />)
  expect(html).toBe('on <a href="/pages/1">Demo page</a> · A 50% / B 50%')
  expect(renderToStaticMarkup(<Trans i18nKey="auth.signup.haveAccount" t={englishTranslator.t} components={{ link: <Anchor href="/login" /> }} />)).toBe(
    'Already have an account? <a href="/login">Log in</a>',
  )
})

test('nested tags, several tags, a tag without a component, and text that only looks like markup', () => {
  const html = renderToStaticMarkup(<>{richText('<b>Bold <link>and linked</link></b>, <i>plain</i> & <strong>x</strong> < y', { b: <b />, link: <Anchor href="/x" />, strong: <strong /> })}</>)
  expect(html).toBe('<b>Bold <a href="/x">and linked</a></b>, plain &amp; <strong>x</strong> &lt; y')
})
