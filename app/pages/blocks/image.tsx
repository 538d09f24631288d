import { z } from 'zod'
import { DynamicText } from '#app/pages/dynamic-text'
import { defineBlock, Dimension, PlainText, RequiredText, UrlText } from '#app/pages/blocks/block'
import { PageImage } from '#app/pages/blocks/page-image'
import css from './image.css?raw'

export const ImagePropsSchema = z.object({
  url: UrlText.refine((url) => url.trim() !== '', 'required'),
  alt: RequiredText(300),
  width: Dimension,
  height: Dimension,
  caption: PlainText(300),
  size: z.enum(['narrow', 'wide'], { error: 'expected narrow or wide' }),
})
export type ImageProps = z.infer<typeof ImagePropsSchema>

function Image({ url, alt, width, height, caption, size }: ImageProps) {
  return (
    <div className={`sf-block sf-image sf-image--${size}`}>
      <figure className="sf-wrap">
        <PageImage src={url} alt={alt} width={width} height={height} />
        {caption.trim() ? (
          <figcaption>
            <DynamicText value={caption} />
          </figcaption>
        ) : null}
      </figure>
    </div>
  )
}

export const ImageBlock = defineBlock<ImageProps>({
  type: 'Image',
  label: 'Image',
  category: 'media',
  fields: {
    url: { type: 'text', label: 'Image URL' },
    alt: { type: 'text', label: 'Description (alt text, required)' },
    width: { type: 'number', label: 'Width (px, 0 if unknown)', min: 0, max: 10000 },
    height: { type: 'number', label: 'Height (px, 0 if unknown)', min: 0, max: 10000 },
    caption: { type: 'text', label: 'Caption (optional)' },
    size: {
      type: 'radio',
      label: 'Size',
      options: [
        { label: 'Narrow', value: 'narrow' },
        { label: 'Wide', value: 'wide' },
      ],
    },
  },
  defaultProps: {
    url: '/images/templates/hero-dashboard.svg',
    alt: 'Illustration of a product dashboard',
    width: 560,
    height: 420,
    caption: '',
    size: 'narrow',
  },
  propsSchema: ImagePropsSchema,
  render: Image,
  css,
})
