import { z } from 'zod'
import { defineBlock } from '#app/pages/blocks/block'
import css from './spacer.css?raw'

export const SpacerPropsSchema = z.object({
  size: z.enum(['small', 'medium', 'large', 'xlarge'], { error: 'expected small, medium, large or xlarge' }),
})
export type SpacerProps = z.infer<typeof SpacerPropsSchema>

function Spacer({ size }: SpacerProps) {
  return <div className={`sf-spacer sf-spacer--${size}`} aria-hidden="true" />
}

export const SpacerBlock = defineBlock<SpacerProps>({
  type: 'Spacer',
  label: 'Spacer',
  category: 'layout',
  fields: {
    size: {
      type: 'select',
      label: 'Height',
      options: [
        { label: 'Small', value: 'small' },
        { label: 'Medium', value: 'medium' },
        { label: 'Large', value: 'large' },
        { label: 'Extra large', value: 'xlarge' },
      ],
    },
  },
  defaultProps: { size: 'medium' },
  propsSchema: SpacerPropsSchema,
  render: Spacer,
  css,
})
