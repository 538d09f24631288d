import { describe, expect, test } from 'vitest'
import { followerPause } from '#app/kpis/follower-pace'

describe('followerPause', () => {
  test('a full batch: the next one after twice its time, so the rollups take about a third of a connection', () => {
    expect(followerPause({ counted: 1000, batchSize: 1000, tookMs: 40, loopUtilization: 0.2 })).toBe(80)
  })

  test('while the process is busy serving pages, eight times its time: about a ninth', () => {
    expect(followerPause({ counted: 1000, batchSize: 1000, tookMs: 40, loopUtilization: 0.9 })).toBe(320)
    expect(followerPause({ counted: 1000, batchSize: 1000, tookMs: 40, loopUtilization: 0.75 })).toBe(80)
  })

  test('a partial batch (caught up): the next tick, unless pacing asks for longer', () => {
    expect(followerPause({ counted: 10, batchSize: 1000, tookMs: 5, loopUtilization: 0.9 })).toBe(1000)
    expect(followerPause({ counted: 0, batchSize: 1000, tookMs: 300, loopUtilization: 0.9, everyMs: 1000 })).toBe(2400)
    expect(followerPause({ counted: 0, batchSize: 1000, tookMs: 300, loopUtilization: 0.1, everyMs: 500 })).toBe(600)
  })
})
