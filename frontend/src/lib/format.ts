/** A timestamp from the API (`DateTime`, RFC 3339) in the user's locale, or a dash. */
export function formatDateTime(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}
