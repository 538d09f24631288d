import { FormDefinitionSchema, type FormDefinition } from '#app/forms/definition'

// Form definitions shared by unit and integration tests. Pure: no database.

/** A form with every field type and every setting each type has. */
export const EVERYTHING: FormDefinition = FormDefinitionSchema.parse({
  purpose: 'demo_request',
  conversionType: 'soft', // overridden: the preset for a demo request is hard
  fields: [
    { type: 'email', key: 'email', label: 'Work email', placeholder: 'you@co.com', help: 'We never share it', required: true, prefillParam: 'email', defaultValue: 'a@b.co' },
    {
      type: 'text',
      key: 'code',
      label: 'Code',
      placeholder: 'AB1234',
      required: false,
      minLength: 2,
      maxLength: 6,
      pattern: '[A-Z]{2}[0-9]{4}',
      patternMessage: 'Two letters, four digits',
      defaultValue: 'AB1234',
    },
    { type: 'textarea', key: 'message', label: 'Message', minLength: 10, maxLength: 500, defaultValue: 'Hello there' },
    { type: 'phone', key: 'phone', label: 'Phone', defaultValue: '+49 30 123456' },
    { type: 'number', key: 'seats', label: 'Seats', min: 1, max: 500, defaultValue: 10 },
    {
      type: 'select',
      key: 'size',
      label: 'Size',
      options: [
        { value: 's', label: 'Small' },
        { value: 'l', label: 'Large' },
      ],
      defaultValue: 'l',
    },
    {
      type: 'radio',
      key: 'plan',
      label: 'Plan',
      options: [
        { value: 'a', label: 'A' },
        { value: 'b', label: 'B' },
      ],
      defaultValue: 'a',
    },
    {
      type: 'checkboxes',
      key: 'topics',
      label: 'Topics',
      options: [
        { value: 'x', label: 'X' },
        { value: 'y', label: 'Y' },
      ],
      defaultValue: ['y'],
    },
    { type: 'consent', key: 'consent', label: 'Consent', consentText: 'I agree to be contacted.' },
    { type: 'date', key: 'when', label: 'When', min: '2026-01-01', max: '2026-12-31', defaultValue: '2026-06-01' },
    { type: 'hidden', key: 'campaign', label: 'Campaign', prefillParam: 'utm_campaign', defaultValue: 'none' },
    { type: 'heard_about', key: 'heard_about', label: 'How did you hear about us?' },
  ],
  steps: [
    { title: 'You', fieldKeys: ['email', 'code', 'message', 'phone', 'seats', 'size'] },
    { title: 'Your request', fieldKeys: ['plan', 'topics', 'consent', 'when', 'campaign', 'heard_about'] },
  ],
  success: { type: 'asset', assetId: '0b6f3a52-8f0e-4c4e-9d8a-3c7f1e2d4b5a', label: 'Get the guide', nextStep: { text: 'Want a demo?', url: '/p/demo' } },
  submitLabel: 'Send',
  minFillSeconds: 3,
})
