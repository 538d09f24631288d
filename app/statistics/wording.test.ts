import { describe, expect, test } from 'vitest'
import danish from '#app/i18n/catalogues/da.json'
import swedish from '#app/i18n/catalogues/sv.json'
import { sayIn, speakerIn, type Speaker } from '#app/i18n/sentences'
import { decideOutcome, type DecisionInput } from './decision'
import { pipelineWording, pipelineWordingIn } from './mean-wording'
import { conversionWording, conversionWordingIn, type Arm } from './wording'

// The decision's sentences in Swedish, whole sentences from the catalogue: a winner, a losing variant (the control
// wins) and an inconclusive result; and English unchanged as the API and auto-ship say it.

const sv = conversionWordingIn(sayIn('sv', swedish), 'sv')
const arm = (key: string, rate: number, lift: number | null, ci: [number, number] | null, visitors = 12_345): Arm => ({ key, visitors, rate, relativeLift: lift, relativeLiftCi: ci })
const control = arm('A', 0.1, null, null)

describe('the statistics sentences in Swedish', () => {
  test('a winner, with the number of winners as an ICU plural', () => {
    expect(sv.describeWinner(arm('B', 0.12, 0.2, [0.05, 0.36]), control, 1, '95\u00a0%')).toBe(
      'B konverterar 20\u00a0% bättre än A (95\u00a0%-intervall +5\u00a0% till +36\u00a0%); tryggt att rulla ut.',
    )
    expect(sv.describeWinner(arm('C', 0.12, 0.2, [0.05, 12]), control, 3, '95\u00a0%')).toBe(
      'C konverterar 20\u00a0% bättre än A (95\u00a0%-intervall +5\u00a0% till mer än +1\u00a0000\u00a0%), den bästa av de 3 varianter som slår A; tryggt att rulla ut.',
    )
    // A control at 0%: the rates instead of an undefined relative change.
    expect(sv.describeWinner({ ...arm('B', 0.015, null, [0.2, 0.5]) }, { ...control, rate: 0 }, 1, '90\u00a0%')).toBe(
      'B konverterar bättre (1,5\u00a0% mot 0\u00a0%) än A (90\u00a0%-intervall +20\u00a0% till +50\u00a0%); tryggt att rulla ut.',
    )
  })

  test('a losing variant: the control wins', () => {
    expect(sv.describeControlWin([arm('B', 0.08, -0.2, [-0.31, -0.07])], control, '95\u00a0%')).toBe(
      'A konverterar bättre än B: B är 20\u00a0% sämre (95\u00a0%-intervall −31\u00a0% till −7\u00a0%); behåll A.',
    )
    expect(sv.describeControlWin([arm('B', 0.08, -0.2, null), arm('C', 0.09, -0.123, null)], control, '95\u00a0%')).toBe(
      'A konverterar bättre än alla varianter (B 20\u00a0% sämre, C 12\u00a0% sämre); behåll A.',
    )
  })

  test('an inconclusive result, before and after the planned sample', () => {
    expect(sv.describeOpenQuestion([arm('B', 0.1, 0.012, [-0.034, 0.061]), arm('C', 0.1, 0, null)], control, '95\u00a0%')).toBe(
      'Ingen tydlig skillnad mot A ännu (B: −3,4\u00a0% till +6,1\u00a0%; C: inte tillgängligt ännu, 95\u00a0%-intervall); fortsätt samla data.',
    )
    expect(sv.describeNoDifference([arm('B', 0.1, 0.01, [-0.02, 0.04], 50_000)], { ...control, visitors: 48_000 }, '95\u00a0%')).toBe(
      'Efter 48\u00a0000 besökare per variant konverterar B och A ungefär lika bra: effekten ligger mellan −2\u00a0% och +4\u00a0% (95\u00a0%-intervall), så en större skillnad kan uteslutas.',
    )
    expect(sv.describeEarlyLook(arm('B', 0.12, 0.2, [0.01, 0.4]), control, true, 20_000)).toBe(
      'B ser ut att konvertera 20\u00a0% bättre än A, men ett test med fast horisont gäller först vid de planerade 20\u00a0000 besökarna per variant; fortsätt samla data.',
    )
  })

  test('English stays the decision’s default, word for word as before', () => {
    const input: DecisionInput = {
      arms: [
        { ...control, visitors: 20_000, conversions: 2_000, significant: false, absoluteLift: null },
        { ...arm('B', 0.12, 0.2, [0.1, 0.3], 20_000), conversions: 2_400, significant: true, absoluteLift: 0.02 },
      ],
      controlIndex: 0,
      weights: [0.5, 0.5],
      srm: { detected: false } as DecisionInput['srm'],
      confidence: 0.95,
      sequential: true,
    }
    expect(decideOutcome(input).reason).toBe('B converts 20% better than A (95% interval +10% to +30%); safe to ship.')
    expect(conversionWording.describeWinner(arm('C', 0.12, 0.2, [0.05, 12]), control, 3, '95%')).toBe(
      'C converts 20% better than A (95% interval +5% to more than +1,000%), the best of the 3 variants that beat A; safe to ship.',
    )
  })
})

const decisionArm = (key: string, visitors: number, conversions: number, extra: Partial<DecisionInput['arms'][number]> = {}) => ({
  ...arm(key, visitors ? conversions / visitors : 0, null, null, visitors),
  conversions,
  significant: false,
  absoluteLift: null,
  ...extra,
})
/** A decision's input with `arms` (A the control), said by `speaker`. */
const inputFor =
  (speaker: Speaker) =>
  (arms: DecisionInput['arms'], extra: Partial<DecisionInput> = {}): DecisionInput => ({
    arms,
    controlIndex: 0,
    weights: arms.map(() => 1),
    srm: { detected: false } as DecisionInput['srm'],
    confidence: 0.95,
    sequential: true,
    speaker,
    ...extra,
  })

describe("the decision's other sentences and pipeline's, in Swedish through a speaker", () => {
  const swedishSpeaker = speakerIn('sv', swedish)
  const base = inputFor(swedishSpeaker)

  test('no visitors, too few, a broken split, and how far the plan still is', () => {
    expect(decideOutcome(base([decisionArm('A', 0, 0), decisionArm('B', 0, 0)])).reason).toBe('Inga besökare ännu; resultaten visas när trafiken börjar komma in.')
    expect(decideOutcome(base([decisionArm('A', 40, 4), decisionArm('B', 0, 0)])).reason).toMatch(/^B har inga besökare ännu; kontrollera att den är live\./)
    const thin = decideOutcome(base([decisionArm('A', 50, 5), decisionArm('B', 60, 6)], { plannedVisitorsPerVariant: 20_000, dailyVisitors: 1_000 })).reason
    expect(thin).toBe(
      'För tidigt att avgöra: varje variant behöver minst 100 besökare (A har 50). Det behövs ungefär 39\u00a0900 besökare till (ungefär 40 dagar) för att nå de planerade 20\u00a0000 per variant.',
    )
    const srm = decideOutcome(base([decisionArm('A', 6000, 600), decisionArm('B', 4000, 400)], { srm: { detected: true, pValue: 0.00001 } as DecisionInput['srm'] })).reason
    expect(srm).toBe(
      'Trafikfördelningen stämmer inte: A fick 60\u00a0% av besökarna i stället för 50\u00a0% (p < 0,0001), så resultaten går inte att lita på; kontrollera tilldelningen och eventuella omdirigeringar.',
    )
    const unreachable = decideOutcome(base([decisionArm('A', 500, 50), decisionArm('B', 500, 50)], { plannedVisitorsPerVariant: 1_000_000, dailyVisitors: 10 })).reason
    expect(unreachable).toContain('De planerade 1\u00a0000\u00a0000 per variant går inte att nå med nuvarande trafik (det skulle ta mer än ett år).')
  })

  test('pipeline per visitor: a winner and a control without pipeline yet', () => {
    const pipeline = pipelineWordingIn(swedishSpeaker.say, 'sv')
    expect(pipeline.describeWinner(arm('B', 12, 0.25, [0.05, 0.5]), control, 1, '95\u00a0%')).toBe(
      'B ger 25\u00a0% mer pipeline per besökare än A (95\u00a0%-intervall +5\u00a0% till +50\u00a0%); tryggt att rulla ut.',
    )
    expect(pipeline.describeEarlyLook(arm('B', 12, null, null), control, false, 4_000)).toBe(
      'B ser ut att ge mindre (A har ingen ännu) pipeline per besökare än A, men ett test med fast horisont gäller först vid de planerade 4\u00a0000 besökarna per variant; fortsätt samla data.',
    )
    expect(pipelineWording.describeControlWin([arm('B', 8, -0.2, null), arm('C', 9, null, null)], control, '95%')).toBe(
      'A brings more pipeline per visitor than every variant (B 20% less, C less (A has none yet)); keep A.',
    )
  })
})

describe('the statistics sentences in Danish, sentence by sentence', () => {
  const da = conversionWordingIn(sayIn('da', danish), 'da')
  const danishSpeaker = speakerIn('da', danish)
  // Danish numbers: a point between thousands, a decimal comma, a no-break space before "%" (read here as a space).
  const plain = (text: string) => text.replaceAll('\u00a0', ' ')

  test('a winner, the control winning, and an open question', () => {
    expect(da.describeWinner(arm('B', 0.12, 0.2, [0.05, 0.36]), control, 1, '95\u00a0%')).toBe(
      'B konverterer 20\u00a0% bedre end A (95\u00a0%-interval +5\u00a0% til +36\u00a0%); klar til at rulle ud.',
    )
    expect(plain(da.describeWinner(arm('C', 0.12, 0.2, [0.05, 12]), control, 3, '95\u00a0%'))).toBe(
      'C konverterer 20 % bedre end A (95 %-interval +5 % til mere end +1.000 %), den bedste af de 3 varianter, der slår A; klar til at rulle ud.',
    )
    expect(plain(da.describeWinner({ ...arm('B', 0.015, null, [0.2, 0.5]) }, { ...control, rate: 0 }, 1, '90\u00a0%'))).toBe(
      'B konverterer bedre (1,5 % mod 0 %) end A (90 %-interval +20 % til +50 %); klar til at rulle ud.',
    )
    expect(plain(da.describeControlWin([arm('B', 0.08, -0.2, [-0.31, -0.07])], control, '95\u00a0%'))).toBe('A konverterer bedre end B: B er 20 % dårligere (95 %-interval −31 % til −7 %); behold A.')
    expect(plain(da.describeControlWin([arm('B', 0.08, -0.2, null), arm('C', 0.09, -0.123, null)], control, '95\u00a0%'))).toBe(
      'A konverterer bedre end alle varianter (B 20 % dårligere, C 12 % dårligere); behold A.',
    )
    expect(plain(da.describeOpenQuestion([arm('B', 0.1, 0.012, [-0.034, 0.061]), arm('C', 0.1, 0, null)], control, '95\u00a0%'))).toBe(
      'Endnu ingen tydelig forskel fra A (B: −3,4 % til +6,1 %; C: ikke tilgængeligt endnu, 95 %-interval); bliv ved med at indsamle data.',
    )
    expect(plain(da.describeNoDifference([arm('B', 0.1, 0.01, [-0.02, 0.04], 50_000)], { ...control, visitors: 48_000 }, '95\u00a0%'))).toBe(
      'Efter 48.000 besøgende per variant konverterer B og A omtrent lige godt: effekten ligger mellem −2 % og +4 % (95 %-interval), så en større forskel kan udelukkes.',
    )
    expect(plain(da.describeEarlyLook(arm('B', 0.12, 0.2, [0.01, 0.4]), control, true, 20_000))).toBe(
      'B ser ud til at konvertere 20 % bedre end A, men en test med fast horisont gælder først ved de planlagte 20.000 besøgende per variant; bliv ved med at indsamle data.',
    )
  })

  test('through a speaker: too few visitors and the plan, a broken split, pipeline', () => {
    const base = inputFor(danishSpeaker)
    expect(plain(decideOutcome(base([decisionArm('A', 50, 5), decisionArm('B', 60, 6)], { plannedVisitorsPerVariant: 20_000, dailyVisitors: 1_000 })).reason)).toBe(
      'For tidligt at afgøre: hver variant skal have mindst 100 besøgende (A har 50). Der skal ca. 39.900 besøgende mere til (ca. 40 dage) for at nå de planlagte 20.000 per variant.',
    )
    const srm = decideOutcome(base([decisionArm('A', 6000, 600), decisionArm('B', 4000, 400)], { srm: { detected: true, pValue: 0.00001 } as DecisionInput['srm'] })).reason
    expect(plain(srm)).toBe(
      'Trafikfordelingen stemmer ikke: A fik 60 % af de besøgende i stedet for 50 % (p < 0,0001), så resultaterne er ikke til at stole på; tjek tildelingen og eventuelle omdirigeringer.',
    )
    const pipeline = pipelineWordingIn(danishSpeaker.say, 'da')
    expect(plain(pipeline.describeWinner(arm('B', 12, 0.25, [0.05, 0.5]), control, 1, '95\u00a0%'))).toBe(
      'B giver 25 % mere pipeline per besøgende end A (95 %-interval +5 % til +50 %); klar til at rulle ud.',
    )
  })
})
