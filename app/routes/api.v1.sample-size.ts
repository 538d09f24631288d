import { createPublicJsonEndpoint } from '#app/http/public-api.server'
import { computeSampleSize } from '#app/statistics/sample-size'
import { SampleSizeRequestSchema } from '#app/statistics/schema'

const endpoint = createPublicJsonEndpoint({
  schema: SampleSizeRequestSchema,
  compute: computeSampleSize,
  usage: '{ "baselineRate", "relativeMde", "alpha"?, "power"?, "variants"?, "dailyVisitors"?, "sequential"? }',
})
export const loader = endpoint.loader
export const action = endpoint.action
