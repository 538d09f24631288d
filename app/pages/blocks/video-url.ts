// A YouTube or Vimeo page URL → the provider's privacy-enhanced embed URL (no tracking cookies until play),
// or null for anything else. Only ids of the expected shape are accepted, so nothing else reaches the iframe.

const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'music.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com'])
const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/
const VIMEO_ID = /^\d{1,12}$/
const VIMEO_HASH = /^[0-9a-f]{6,20}$/i

export function videoEmbedUrl(input: string): string | null {
  let url: URL
  try {
    url = new URL(input.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  const host = url.hostname.toLowerCase()
  const segments = url.pathname.split('/').filter(Boolean)

  if (host === 'youtu.be') return youtube(segments[0])
  if (YOUTUBE_HOSTS.has(host)) {
    if (segments[0] === 'watch') return youtube(url.searchParams.get('v'))
    if (segments[0] === 'embed' || segments[0] === 'shorts' || segments[0] === 'live' || segments[0] === 'v') return youtube(segments[1])
    return null
  }
  if (host === 'vimeo.com' || host === 'www.vimeo.com' || host === 'player.vimeo.com') {
    // vimeo.com/ID, vimeo.com/ID/HASH (unlisted), vimeo.com/channels/x/ID, player.vimeo.com/video/ID?h=HASH
    const index = segments.findIndex((segment) => VIMEO_ID.test(segment))
    if (index < 0) return null
    const hash = url.searchParams.get('h') ?? segments[index + 1]
    const embed = new URL(`https://player.vimeo.com/video/${segments[index]}`)
    if (hash && VIMEO_HASH.test(hash)) embed.searchParams.set('h', hash)
    embed.searchParams.set('dnt', '1')
    return embed.href
  }
  return null
}

function youtube(id: string | null | undefined) {
  return id && YOUTUBE_ID.test(id) ? `https://www.youtube-nocookie.com/embed/${id}` : null
}
