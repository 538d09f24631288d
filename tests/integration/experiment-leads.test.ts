import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '#app/db.server'
import { writeExperimentConversions, type ExperimentConversionRow } from '#app/experiments/counting.server'
import { readLeadStages } from '#app/experiments/results/lead-stages.server'
import { changeLeadStage } from '#app/leads/stage.server'
import { experimentLeads, type LeadStage } from '#db/schema'
import { insertConversion, insertForm, insertLead, insertPage, insertWorkspace } from '#tests/factories/lead-rows'

// experiment_leads: written with the experiment conversions, then kept current by the trigger on leads, so lead
// quality never joins conversions and leads at read time. "Reached" is the furthest stage the lead ever got to.

async function setting() {
  const workspaceId = await insertWorkspace('Experiment leads')
  const form = await insertForm({ workspaceId })
  const page = await insertPage({ workspaceId })
  return { workspaceId, formId: form.id, pageId: page.id, experimentId: randomUUID() }
}

type Setting = Awaited<ReturnType<typeof setting>>

/** A lead that converted as a visitor of `variantKey`, its experiment conversion written like the batch writer does. */
async function convert(s: Setting, variantKey: string, { leadId, stage }: { leadId?: string; stage?: LeadStage } = {}) {
  const lead = leadId ?? (await insertLead({ workspaceId: s.workspaceId, ...(stage ? { stage } : {}) })).id
  const visitorId = randomUUID()
  const conversion = await insertConversion({ workspaceId: s.workspaceId, leadId: lead, formId: s.formId, pageId: s.pageId, variantKey, experimentId: s.experimentId, visitorId })
  const row = (metric: string): ExperimentConversionRow => ({
    experimentId: s.experimentId,
    visitorId,
    metric,
    variantKey,
    conversionId: conversion.id,
    device: 'desktop',
    channel: 'direct',
    convertedAt: new Date(),
  })
  await writeExperimentConversions([row('any'), row('soft'), row(`form:${s.formId}`)])
  return lead
}

const move = (s: Setting, leadId: string, toStage: LeadStage, dealValue?: number) =>
  changeLeadStage(db, { workspaceId: s.workspaceId, leadId, toStage, dealValue, changedBy: null, source: 'api' }).then((r) => expect(r.ok).toBe(true))

const rowOf = async (leadId: string) => await db.select().from(experimentLeads).where(eq(experimentLeads.leadId, leadId))

describe('experiment_leads', () => {
  test('one row per experiment, variant and lead; a second visitor with the same lead adds none', async () => {
    const s = await setting()
    const lead = await convert(s, 'A')
    await convert(s, 'A', { leadId: lead })
    await convert(s, 'B', { leadId: lead })
    expect((await rowOf(lead)).map((r) => [r.variantKey, r.reached, r.isLost, r.pipelineValue]).sort()).toEqual([
      ['A', 0, false, 0],
      ['B', 0, false, 0],
    ])
  })

  test('stage and deal value changes follow; reached only rises; lost keeps how far it got', async () => {
    const s = await setting()
    const lead = await convert(s, 'B')
    await move(s, lead, 'sql')
    expect(await rowOf(lead)).toMatchObject([{ reached: 2, isLost: false, pipelineValue: 0 }])
    await move(s, lead, 'opportunity', 12000)
    expect(await rowOf(lead)).toMatchObject([{ reached: 3, pipelineValue: 12000 }])
    await move(s, lead, 'opportunity', 15000)
    expect(await rowOf(lead)).toMatchObject([{ reached: 3, pipelineValue: 15000 }])
    await move(s, lead, 'lost')
    expect(await rowOf(lead)).toMatchObject([{ reached: 3, isLost: true, pipelineValue: 0 }])
    await move(s, lead, 'mql')
    expect(await rowOf(lead)).toMatchObject([{ reached: 3, isLost: false, pipelineValue: 0 }])
  })

  test('a lead that moved before its experiment conversion was written starts where it is, history included', async () => {
    const s = await setting()
    const earlier = await insertLead({ workspaceId: s.workspaceId })
    await move(s, earlier.id, 'sql')
    await move(s, earlier.id, 'lost')
    await convert(s, 'A', { leadId: earlier.id })
    const customer = await convert(s, 'A', { stage: 'customer' })
    expect(await rowOf(earlier.id)).toMatchObject([{ reached: 2, isLost: true }])
    expect(await rowOf(customer)).toMatchObject([{ reached: 4, isLost: false }])
  })

  test('readLeadStages counts per variant', async () => {
    const s = await setting()
    const a1 = await convert(s, 'A')
    const a2 = await convert(s, 'A')
    await convert(s, 'A')
    const b1 = await convert(s, 'B')
    await move(s, a1, 'customer', 30000)
    await move(s, a2, 'sql')
    await move(s, a2, 'lost')
    await move(s, b1, 'mql')
    const stages = await readLeadStages({ experimentId: s.experimentId })
    expect(stages.sort((x, y) => x.variantKey.localeCompare(y.variantKey))).toEqual([
      { variantKey: 'A', leads: 3, mql: 2, sql: 2, opportunity: 1, customer: 1, lost: 1, pipelineValue: 30000 },
      { variantKey: 'B', leads: 1, mql: 1, sql: 0, opportunity: 0, customer: 0, lost: 0, pipelineValue: 0 },
    ])
  })
})
