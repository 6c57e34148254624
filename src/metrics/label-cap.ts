/**
 * A label whose values come from outside (a pasted link's host, a Slack method or error code) could
 * grow a metric without bound: each new value is a new time series in Prometheus. A cap keeps the
 * first `max` distinct values and counts every later one as `other`. Values are trimmed to 64
 * characters of `[a-z0-9_.:-]`.
 */
export type LabelCap = (value: string) => string;

export function createLabelCap(max: number): LabelCap {
  const seen = new Set<string>();
  return (value) => {
    const clean = value
      .toLowerCase()
      .replace(/[^a-z0-9_.:-]/g, '_')
      .slice(0, 64);
    if (clean.length === 0) return 'unknown';
    if (seen.has(clean)) return clean;
    if (seen.size >= max) return 'other';
    seen.add(clean);
    return clean;
  };
}
