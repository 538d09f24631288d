import { z } from 'zod'
import { DynamicText } from '#app/pages/dynamic-text'
import { defineBlock, Dimension, PlainText, RequiredText, UrlText } from '#app/pages/blocks/block'
import { ButtonLink } from '#app/pages/blocks/button-link'
import { PageImage } from '#app/pages/blocks/page-image'
import { Tone, TONE_OPTIONS, toneClass } from '#app/pages/blocks/tone'
import css from './hero.css?raw'

export const HeroPropsSchema = z
  .object({
    eyebrow: PlainText(120),
    headline: RequiredText(200),
    subheadline: PlainText(600),
    ctaLabel: PlainText(80),
    ctaLink: UrlText,
    secondaryLabel: PlainText(80),
    secondaryLink: UrlText,
    imageUrl: UrlText,
    imageAlt: PlainText(300),
    imageWidth: Dimension,
    imageHeight: Dimension,
    layout: z.enum(['split', 'centered'], { error: 'expected split or centered' }),
    background: Tone,
  })
  .refine((props) => !props.imageUrl.trim() || props.imageAlt.trim() !== '', {
    message: 'an image needs a description (alt text)',
    path: ['imageAlt'],
  })
export type HeroProps = z.infer<typeof HeroPropsSchema>

function Hero(props: HeroProps) {
  const hasImage = props.layout === 'split' && props.imageUrl.trim() !== ''
  return (
    <section className={`sf-block sf-hero sf-hero--${hasImage ? 'split' : 'centered'}${toneClass(props.background)}`}>
      <div className="sf-wrap sf-hero__grid">
        <div className="sf-hero__text">
          {props.eyebrow.trim() ? (
            <p className="sf-hero__eyebrow">
              <DynamicText value={props.eyebrow} />
            </p>
          ) : null}
          <h1>
            <DynamicText value={props.headline} />
          </h1>
          {props.subheadline.trim() ? (
            <p className="sf-lead">
              <DynamicText value={props.subheadline} />
            </p>
          ) : null}
          {props.ctaLabel.trim() || props.secondaryLabel.trim() ? (
            <div className="sf-hero__actions">
              <ButtonLink label={props.ctaLabel} href={props.ctaLink} variant="primary" />
              <ButtonLink label={props.secondaryLabel} href={props.secondaryLink} variant="secondary" />
            </div>
          ) : null}
        </div>
        {hasImage ? (
          <div className="sf-hero__media">
            <PageImage src={props.imageUrl} alt={props.imageAlt} width={props.imageWidth} height={props.imageHeight} isPriority />
          </div>
        ) : null}
      </div>
    </section>
  )
}

export const HeroBlock = defineBlock<HeroProps>({
  type: 'Hero',
  label: 'Hero',
  category: 'layout',
  fields: {
    eyebrow: { type: 'text', label: 'Eyebrow (small text above the headline)' },
    headline: { type: 'text', label: 'Headline' },
    subheadline: { type: 'textarea', label: 'Subheadline' },
    ctaLabel: { type: 'text', label: 'Button label' },
    ctaLink: { type: 'text', label: 'Button link (#form scrolls to the form)' },
    secondaryLabel: { type: 'text', label: 'Second button label (optional)' },
    secondaryLink: { type: 'text', label: 'Second button link' },
    imageUrl: { type: 'text', label: 'Image URL' },
    imageAlt: { type: 'text', label: 'Image description (alt text)' },
    imageWidth: { type: 'number', label: 'Image width (px)', min: 0, max: 10000 },
    imageHeight: { type: 'number', label: 'Image height (px)', min: 0, max: 10000 },
    layout: {
      type: 'radio',
      label: 'Layout',
      options: [
        { label: 'Text and image', value: 'split' },
        { label: 'Centered text', value: 'centered' },
      ],
    },
    background: { type: 'select', label: 'Background', options: TONE_OPTIONS },
  },
  defaultProps: {
    eyebrow: '',
    headline: 'The headline that says what you offer',
    subheadline: 'One or two sentences on who it is for and the result they get.',
    ctaLabel: 'Get started',
    ctaLink: '#form',
    secondaryLabel: '',
    secondaryLink: '',
    imageUrl: '/images/templates/hero-dashboard.svg',
    imageAlt: 'Illustration of a product dashboard',
    imageWidth: 560,
    imageHeight: 420,
    layout: 'split',
    background: 'light',
  },
  propsSchema: HeroPropsSchema,
  render: Hero,
  css,
})
