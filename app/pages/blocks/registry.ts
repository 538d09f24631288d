import type { AnyBlockDefinition } from '#app/pages/blocks/block'
import { ColumnsBlock } from '#app/pages/blocks/columns'
import { CountdownBlock } from '#app/pages/blocks/countdown'
import { CtaButtonBlock } from '#app/pages/blocks/cta-button'
import { DividerBlock } from '#app/pages/blocks/divider'
import { FaqBlock } from '#app/pages/blocks/faq'
import { FeaturesGridBlock } from '#app/pages/blocks/features-grid'
import { FooterBlock } from '#app/pages/blocks/footer'
import { FormBlock } from '#app/pages/blocks/form'
import { HeroBlock } from '#app/pages/blocks/hero'
import { ImageBlock } from '#app/pages/blocks/image'
import { LogoStripBlock } from '#app/pages/blocks/logo-strip'
import { RichTextBlock } from '#app/pages/blocks/rich-text'
import { SectionBlock } from '#app/pages/blocks/section'
import { SpacerBlock } from '#app/pages/blocks/spacer'
import { StatsBlock } from '#app/pages/blocks/stats'
import { TestimonialsBlock } from '#app/pages/blocks/testimonials'
import { VideoBlock } from '#app/pages/blocks/video'

/** Every block, in the order the editor lists them and their CSS is emitted. */
export const BLOCK_DEFINITIONS: readonly AnyBlockDefinition[] = [
  HeroBlock,
  SectionBlock,
  ColumnsBlock,
  SpacerBlock,
  DividerBlock,
  FooterBlock,
  RichTextBlock,
  FeaturesGridBlock,
  TestimonialsBlock,
  LogoStripBlock,
  FaqBlock,
  StatsBlock,
  ImageBlock,
  VideoBlock,
  CtaButtonBlock,
  CountdownBlock,
  FormBlock,
]

const BY_TYPE = new Map(BLOCK_DEFINITIONS.map((definition) => [definition.type, definition]))

/** The definition of a block type, or undefined for a type this version does not know. */
export function getBlockDefinition(type: string): AnyBlockDefinition | undefined {
  return BY_TYPE.get(type)
}
