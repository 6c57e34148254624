/**
 * Retry-After as milliseconds from `now`: delay-seconds or an HTTP date; null when absent or unreadable.
 * @see https://httpwg.org/specs/rfc9110.html#field.retry-after
 */
export function retryAfterMs(header: string | undefined, now: number): number | null {
  if (header === undefined) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
