/**
 * Text from outside (a job page, a member's input, a payload) without the characters no reader
 * wants and PostgreSQL refuses: NUL (`invalid byte sequence for encoding "UTF8": 0x00`, also in
 * jsonb) loses the whole write, and the other C0/C1 controls and unpaired surrogates only garble.
 * Applied where such text enters (the Slack edge readers) and before a posting summary is stored.
 */

/** C0 and C1 controls (DEL included) except tab and newline. */
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const unpairedSurrogates = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * `text` without NUL, control characters (tab and newline stay; `\r\n` and a lone `\r` become
 * `\n`) and unpaired surrogates.
 */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(controls, '').replace(unpairedSurrogates, '');
}

/** `value` with every string in it (object values and array items, at any depth) cleaned. */
export function cleanTextDeep<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => cleanTextDeep(item)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, cleanTextDeep(item)]),
    ) as T;
  }
  return value;
}
