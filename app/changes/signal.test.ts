import { expect, test } from 'vitest'
import { changed, onChange, type Change } from '#app/changes/signal'

test('every subscriber hears each change, in order, until it unsubscribes', () => {
  const first: Change[] = []
  const second: Change[] = []
  const stopFirst = onChange((change) => first.push(change))
  const stopSecond = onChange((change) => second.push(change))
  changed({ kind: 'form', id: 'f1' })
  stopFirst()
  changed({ kind: 'page', slug: 'spring-offer' })
  stopSecond()
  changed({ kind: 'webhooks', workspaceId: 'w1' })
  expect(first).toEqual([{ kind: 'form', id: 'f1' }])
  expect(second).toEqual([
    { kind: 'form', id: 'f1' },
    { kind: 'page', slug: 'spring-offer' },
  ])
})
