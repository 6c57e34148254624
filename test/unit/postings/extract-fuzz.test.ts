import { describe, expect, it } from 'vitest';
import { extractPosting } from '../../../src/postings/extract-posting.js';
import { postingSummarySchema } from '../../../src/postings/posting-summary.js';

/** Deterministic PRNG so a failure reproduces (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  '<h3>Requirements</h3>',
  '<ul>',
  '</ul>',
  '<li>',
  '</li>',
  '<p><strong>',
  '</strong></p>',
  '8+ years of experience',
  '$150k–$200k per year',
  '€',
  '&lt;p&gt;',
  '&amp;',
  '&#x2B;',
  '&#99999999;',
  '&',
  '<script type="application/ld&#x2B;json">',
  '{"@type":"JobPosting","title":',
  '"',
  '</script>',
  'remote',
  'not remote',
  'hybrid',
  'unable to sponsor',
  '<br>',
  'Responsibilities:',
  '<h1>',
  '</h1>',
  '<meta property="og:title" content="',
  '">',
  'window.__appData = {',
  '}',
  '<div class="posting-header"><h2>',
  '</div>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '\u0000',
  '\uFFFD',
  '🙂',
  '年収',
];

function randomDocument(next: () => number): string {
  const parts: string[] = [];
  const n = Math.floor(next() * 60);
  for (let i = 0; i < n; i += 1) {
    const r = next();
    if (r < 0.7) parts.push(FRAGMENTS[Math.floor(next() * FRAGMENTS.length)]!);
    else if (r < 0.9) parts.push(String.fromCharCode(Math.floor(next() * 0xffff)));
    else parts.push(' '.repeat(Math.floor(next() * 20)));
  }
  return parts.join('');
}

function randomBytes(next: () => number, size: number): Buffer {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) b[i] = Math.floor(next() * 256);
  return b;
}

/** Extracts and checks the contract: no throw, a valid summary, within the hang budget. */
function check(
  body: string | Buffer,
  url = 'https://example.com/jobs/1',
  contentType: string | null = null,
): void {
  const started = performance.now();
  const summary = extractPosting({ url, body, contentType });
  const elapsed = performance.now() - started;
  expect(postingSummarySchema.safeParse(summary).success).toBe(true);
  // A hang detector, not a benchmark: the margin is wide on purpose (shared 2-core machines).
  expect(elapsed).toBeLessThan(1000);
}

describe('extractPosting never throws and never hangs', () => {
  it('survives thousands of random documents built from job-page fragments', () => {
    const next = rng(42);
    for (let i = 0; i < 2000; i += 1) {
      const doc = randomDocument(next);
      check(
        doc,
        i % 2 === 0 ? 'https://job-boards.greenhouse.io/acme/jobs/123' : 'https://example.com/careers/x',
      );
    }
  });

  it('survives random bytes, as JSON and as HTML', () => {
    const next = rng(7);
    for (let i = 0; i < 300; i += 1) {
      const bytes = randomBytes(next, Math.floor(next() * 4096));
      check(bytes, 'https://example.com/a', i % 2 === 0 ? 'application/json' : 'text/html');
    }
  });

  it.each([
    ['100k levels of nested divs', '<div>'.repeat(100_000)],
    ['100k levels of nested lists with text', '<ul><li>x'.repeat(100_000)],
    ['1 MB of one character', 'a'.repeat(1024 * 1024)],
    ['1 MB of digits', '9'.repeat(1024 * 1024)],
    ['1 MB of spaces and dollar signs', '$ '.repeat(512 * 1024)],
    ['broken entities', '&#;&#x;&amp&lt&#xFFFFFFFFFF;&#0;&nbsp'.repeat(20_000)],
    ['a huge attribute', `<meta property="og:title" content="${'x'.repeat(1024 * 1024)}">`],
    ['an unclosed script tag', `<script>${'var a = 1;'.repeat(100_000)}`],
    [
      'an unclosed JSON-LD script',
      `<script type="application/ld+json">{"@type":"JobPosting","title":"${'t'.repeat(500_000)}`,
    ],
    ['a repeated years phrase', '8+ years of '.repeat(100_000)],
    ['a repeated salary phrase', '$1,000,000 - '.repeat(80_000)],
    ['a long heading', `<h2>${'What you will do '.repeat(50_000)}</h2>`],
    ['many list items', `<h3>Requirements</h3><ul>${'<li>Python and SQL</li>'.repeat(50_000)}</ul>`],
    ['an empty body', ''],
    ['whitespace', ' \n\t '.repeat(1000)],
  ])('survives %s', (_name, body) => {
    check(body);
  });

  it.each([
    ['deeply nested JSON arrays', '['.repeat(100_000) + ']'.repeat(100_000)],
    ['deeply nested JSON objects', `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`],
    ['unterminated JSON', '{"jobs":[{"title":"x"'],
    ['a JSON string of 2 MB', JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024) })],
    [
      'a Greenhouse-like job with hostile content',
      JSON.stringify({ id: 1, title: 'T', absolute_url: 'x', content: '&lt;ul&gt;'.repeat(100_000) }),
    ],
    [
      'an Ashby board with 10k jobs',
      JSON.stringify({
        jobs: Array.from({ length: 10_000 }, (_, i) => ({
          id: `${i}`,
          title: 't',
          jobUrl: 'u',
          isListed: true,
        })),
      }),
    ],
  ])('survives %s', (_name, body) => {
    check(body, 'https://jobs.ashbyhq.com/acme/1', 'application/json');
  });

  it('survives several megabytes of HTML', () => {
    const page = `<html><body><main><h1>Engineer</h1>${'<p>We build things. You will build them too.</p>'.repeat(100_000)}</main></body></html>`;
    check(page, 'https://example.com/jobs/engineer');
  });

  it('reads a non-job page as a plain link card', () => {
    const summary = extractPosting({
      url: 'https://example.com/blog/post',
      body: '<html><head><title>Our new office</title><meta name="description" content="We moved to Lisbon."></head><body><p>Hello</p></body></html>',
    });
    expect(summary.title).toBe('Our new office');
    expect(summary.summary).toBe('We moved to Lisbon.');
    expect(summary.requirements).toEqual([]);
  });
});
