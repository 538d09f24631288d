import { z } from 'zod'
import { useT } from '#app/i18n/provider'
import { DynamicText, dynamicTextFallback } from '#app/pages/dynamic-text'
import { defineBlock, PlainText, RequiredText, UrlText } from '#app/pages/blocks/block'
import { videoEmbedUrl } from '#app/pages/blocks/video-url'
import css from './video.css?raw'

export const VideoPropsSchema = z.object({
  url: UrlText,
  title: RequiredText(200),
  caption: PlainText(300),
})
export type VideoProps = z.infer<typeof VideoPropsSchema>

// Not a YouTube or Vimeo URL: nothing is rendered (the editor shows a hint instead of an empty gap).
function Video({ url, title, caption, puck }: VideoProps & { puck?: { isEditing?: boolean } }) {
  const src = videoEmbedUrl(url)
  if (!src) return puck?.isEditing ? <EditorHint /> : null
  return (
    <div className="sf-block sf-video">
      <figure className="sf-wrap">
        <div className="sf-video__frame">
          <iframe
            src={src}
            title={dynamicTextFallback(title)}
            loading="lazy"
            allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; fullscreen"
            allowFullScreen
            referrerPolicy="strict-origin-when-cross-origin"
          />
        </div>
        {caption.trim() ? (
          <figcaption>
            <DynamicText value={caption} />
          </figcaption>
        ) : null}
      </figure>
    </div>
  )
}

// Only the editor shows it, so it speaks the admin's language.
function EditorHint() {
  const t = useT()
  return <p className="sf-wrap sf-video__hint">{t('pages.editor.videoHint')}</p>
}

export const VideoBlock = defineBlock<VideoProps, VideoProps & { puck?: { isEditing?: boolean } }>({
  type: 'Video',
  label: 'Video',
  category: 'media',
  fields: {
    url: { type: 'text', label: 'YouTube or Vimeo link' },
    title: { type: 'text', label: 'Title (read by screen readers)' },
    caption: { type: 'text', label: 'Caption (optional)' },
  },
  defaultProps: { url: '', title: 'Product walkthrough', caption: '' },
  propsSchema: VideoPropsSchema,
  render: Video,
  css,
})
