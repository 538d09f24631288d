import { defineChatTemplate } from '../template'
import { experimentAlert, experimentUrl, ExperimentAlertData, HEADLINES } from './experiment-alert'

// An experiment alert for the workspace's chat webhook (Slack or Teams incoming webhook, decision 088): one JSON
// object whose `text` both accept and show as is, as the lead alerts' chat post (lead-alert-chat.ts). docs/email.md
// documents the format.

export const experimentAlertChat = defineChatTemplate({
  name: 'experiment-alert-chat',
  description: 'An experiment alert (SRM, a winner called or shipped, no traffic for 24 h, minimum runtime), posted to the workspace’s chat webhook',
  data: ExperimentAlertData,
  preview: experimentAlert.preview,
  subject: ({ event, experimentName }) => `${HEADLINES[event].subject}: ${experimentName}`,
  body: (data, { appUrl }) => {
    const lines = [
      `${HEADLINES[data.event].subject}: ${data.experimentName}`,
      HEADLINES[data.event].body,
      ...(data.variantKey ? [`Variant: ${data.variantKey}`] : []),
      `Open the experiment: ${experimentUrl(appUrl, data.experimentId)}`,
    ]
    return { text: lines.join('\n') }
  },
})
