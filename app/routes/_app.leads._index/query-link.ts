/** The current query string with some parameters set or (null) removed; changing anything but the cursor restarts paging. */
export function linkWith(search: string, changes: Record<string, string | null>) {
  const params = new URLSearchParams(search)
  if (!('cursor' in changes)) params.delete('cursor')
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) params.delete(name)
    else params.set(name, value)
  }
  const text = params.toString()
  return text ? `?${text}` : '?'
}
