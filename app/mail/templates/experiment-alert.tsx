import { Button } from '@react-email/button'
import { Heading } from '@react-email/heading'
import { Text } from '@react-email/text'
import { z } from 'zod'
import { defineEmailTemplate } from '../template'
import { MailLayout, mailStyles } from './layout'

// An experiment alert (app/experiments/alerts.server.ts) to its creator or a watcher: one event, once. The same
// words go to the workspace's chat webhook (experiment-alert-chat.ts).

export const EXPERIMENT_ALERT_EVENTS = ['srm', 'winner_called', 'auto_shipped', 'no_traffic', 'min_runtime'] as const
export type ExperimentAlertEvent = (typeof EXPERIMENT_ALERT_EVENTS)[number]

export const HEADLINES: Record<ExperimentAlertEvent, { subject: string; body: string }> = {
  srm: { subject: 'Sample ratio mismatch', body: 'The variants’ visitor counts do not match their weights (a sample ratio mismatch): the results cannot be trusted until the cause is found.' },
  winner_called: { subject: 'A winner is called', body: 'The results call a winner on the primary metric.' },
  auto_shipped: { subject: 'A winner was shipped', body: 'Auto-ship declared the winner and now serves it to every visitor.' },
  no_traffic: { subject: 'No traffic for 24 hours', body: 'No visitor has entered the experiment for 24 hours. Is the page still linked, and is it published?' },
  min_runtime: { subject: 'Minimum runtime reached', body: 'The experiment has run for its minimum runtime: its results can now be read.' },
}

export const ExperimentAlertData = z.object({
  event: z.enum(EXPERIMENT_ALERT_EVENTS),
  experimentId: z.string(),
  experimentName: z.string(),
  variantKey: z.string().nullable(),
})

export const experimentUrl = (appUrl: string, experimentId: string) => `${appUrl}/experiments/${experimentId}`

export const experimentAlert = defineEmailTemplate({
  name: 'experiment-alert',
  description: 'To an experiment’s creator and watchers: SRM, a winner called or shipped, no traffic for 24 h, minimum runtime reached',
  data: ExperimentAlertData,
  preview: { event: 'winner_called', experimentId: '00000000-0000-0000-0000-000000000000', experimentName: 'Pricing page headline', variantKey: 'b' },
  subject: ({ event, experimentName }) => `${HEADLINES[event].subject}: ${experimentName}`,
  Body: ({ data, appUrl }) => (
    <MailLayout preview={HEADLINES[data.event].subject} footer="You get this alert because you created or watch this experiment. Unwatch it on its page.">
      <Heading as="h1" style={mailStyles.heading}>
        {HEADLINES[data.event].subject}: {data.experimentName}
      </Heading>
      <Text style={mailStyles.text}>{HEADLINES[data.event].body}</Text>
      {data.variantKey ? <Text style={mailStyles.text}>Variant: {data.variantKey}</Text> : null}
      <Button href={experimentUrl(appUrl, data.experimentId)} style={mailStyles.button}>
        Open the experiment
      </Button>
    </MailLayout>
  ),
})
