import { createPublicJsonEndpoint } from '#app/http/public-api.server'
import { analyze } from '#app/statistics/analyze'
import { AnalyzeRequestSchema } from '#app/statistics/schema'

const endpoint = createPublicJsonEndpoint({
  schema: AnalyzeRequestSchema,
  compute: analyze,
  usage: '{ "variants": [{ "key", "visitors", "conversions" }, …], "control"?, "confidence"?, "weights"?, "sequential"?, "plannedVisitorsPerVariant"?, "dailyVisitors"? }',
})
export const loader = endpoint.loader
export const action = endpoint.action
