import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowPrivateHostsFrom, formatSalary, type PreviewIo } from '../../../src/cli/preview.js';
import { run } from '../../../src/cli/vouch.js';
import { FetchError, type SafeFetch } from '../../../src/postings/fetched-resource.js';
import { cardActionIds } from '../../../src/slack/ids.js';
import { actionIdsOf, type Block } from '../../helpers/slack-blocks.js';

const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
const vendorDir = resolve(repoRoot, 'test', 'fixtures', 'postings-vendor');

function io(overrides: Partial<PreviewIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const value: PreviewIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, ...overrides };
  return { io: value, out: () => out.join(''), err: () => err.join('') };
}

/** `vouch preview <vendor fixture> --url <url>`: asserts it exits 0 and returns what it printed. */
async function cardText(fixture: string, url: string): Promise<string> {
  const t = io();
  expect(await run(['preview', resolve(vendorDir, fixture), '--url', url], t.io)).toBe(0);
  return t.out();
}

const SUMMARY_KEYS = [
  'url',
  'canonicalUrl',
  'source',
  'title',
  'company',
  'locations',
  'workplaceType',
  'employmentType',
  'department',
  'seniority',
  'visaSponsorship',
  'salary',
  'minYearsExperience',
  'summary',
  'responsibilities',
  'requirements',
  'niceToHave',
  'benefits',
  'emphasized',
  'signals',
];

describe('vouch preview', () => {
  it('prints with --blocks the exact Slack message of the card: header, facts, lists, buttons', async () => {
    const t = io();
    const code = await run(
      [
        'preview',
        resolve(vendorDir, 'recruitee-offers.json'),
        '--url',
        'https://channable.recruitee.com/o/customer-success-manager-benelux-dutch-speaking-3',
        '--blocks',
      ],
      t.io,
    );
    expect(code).toBe(0);
    const message = JSON.parse(t.out()) as { text: string; blocks: Block[] };
    expect(message.text).toMatch(/^Customer Success Manager Benelux - Dutch speaking at Channable/);
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Customer Success Manager Benelux - Dutch speaking', emoji: true },
    });
    const facts = message.blocks[1]?.elements?.[0]?.text as string;
    expect(facts).toContain('Channable · Utrecht, Netherlands');
    expect(actionIdsOf(message.blocks)).toEqual(
      expect.arrayContaining([cardActionIds.iCanRefer, cardActionIds.imInterested, cardActionIds.details]),
    );
  });

  it('prints with --blocks the plain link card for an answer it cannot read', async () => {
    const t = io({ readFile: async () => Buffer.from('{"status":"ok","items":[]}') });
    expect(
      await run(['preview', 'feed.json', '--url', 'https://example.org/api/jobs', '--blocks'], t.io),
    ).toBe(0);
    const message = JSON.parse(t.out()) as { blocks: Array<{ type: string; text?: { text: string } }> };
    expect(message.blocks.map((b) => b.type)).toEqual(['section', 'context']);
    expect(message.blocks[0]?.text?.text).toContain('Vouch could not read this posting');
  });

  it('refuses --json together with --blocks', async () => {
    const t = io();
    expect(await run(['preview', 'x.html', '--json', '--blocks'], t.io)).toBe(2);
    expect(t.err()).toMatch(/exclude each other/);
  });

  it('prints a saved API payload as the card text, in the seed’s shape', async () => {
    const text = await cardText(
      'recruitee-offers.json',
      'https://channable.recruitee.com/o/customer-success-manager-benelux-dutch-speaking-3',
    );
    expect(text.split('\n')[0]).toBe('Customer Success Manager Benelux - Dutch speaking');
    expect(text).toContain('Channable · Utrecht, Netherlands · Customer Success');
    expect(text).toContain('EUR 3,750–5,250 / month');
    expect(text).toContain(
      "What you'd actually do\n\n  1. Portfolio & client management: customer retention",
    );
    expect(text).toContain('  • You are available to travel and visit clients at least once per quarter.');
    expect(text).toContain('Other signals');
  });

  it('prints a saved LinkedIn job page as the card text (real signed-out capture)', async () => {
    const text = await cardText(
      'linkedin-public-job.html',
      'https://au.linkedin.com/jobs/view/senior-software-engineer-developer-experience-at-heidi-4411867124',
    );
    expect(text.split('\n')[0]).toBe('Senior Software Engineer - Developer Experience');
    expect(text).toContain('Heidi · Melbourne, Victoria, Australia');
    expect(text).toContain('hybrid · full-time · senior · 3+ years');
    expect(text).toContain("What you'd actually do\n\n  1. Designing and maintaining build systems:");
    expect(text).toContain('  6. Collaborate cross-functionally:');
    expect(text).toContain('  • Comfort troubleshooting distributed systems and performance issues.');
    expect(text).toContain('Nice to have\n\n  • Experience with multi-cloud environments (AWS + Azure).');
    expect(text).not.toContain('Similar jobs');
    expect(text.trimEnd().split('\n').at(-1)).toBe('https://www.linkedin.com/jobs/view/4411867124');
  });

  it('prints the PostingSummary as JSON with exactly the documented keys', async () => {
    const t = io();
    const code = await run(['preview', resolve(vendorDir, 'workday-cxs-job.json'), '--json'], t.io);
    expect(code).toBe(0);
    const parsed = JSON.parse(t.out()) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(SUMMARY_KEYS);
    expect(parsed.url).toMatch(/^file:\/\//);
    expect(parsed.title).toBe('Practical Hardware Electronics Test Engineer');
  });

  it('still prints (with nulls, exit 0) when nothing is job-like', async () => {
    const t = io({ readFile: async () => Buffer.from('just some words') });
    const code = await run(['preview', 'notes.txt', '--json'], t.io);
    expect(code).toBe(0);
    expect(JSON.parse(t.out())).toMatchObject({ title: null, requirements: [] });
  });

  it('exits non-zero with one clear line for a missing file', async () => {
    const t = io();
    const code = await run(['preview', resolve(vendorDir, 'does-not-exist.json')], t.io);
    expect(code).toBe(1);
    expect(t.err().trim().split('\n')).toHaveLength(1);
    expect(t.err()).toMatch(/cannot read file .*does-not-exist\.json \(ENOENT\)/);
  });

  it('exits non-zero with one clear line when a URL cannot be fetched', async () => {
    const fetch: SafeFetch = async () => {
      throw new FetchError('forbidden_address', 'refusing to fetch a private address (127.0.0.1)');
    };
    const t = io({ fetch });
    const code = await run(['preview', 'https://careers.example.com/jobs/1'], t.io);
    expect(code).toBe(1);
    expect(t.err()).toBe(
      'vouch preview: cannot read https://careers.example.com/jobs/1: refusing to fetch a private address (127.0.0.1)\n',
    );
  });

  it('rejects bad usage', async () => {
    const t = io();
    expect(await run(['preview'], t.io)).toBe(2);
    expect(await run(['nope'], t.io)).toBe(2);
  });

  it('reads FETCH_ALLOW_PRIVATE_HOSTS as a comma list and formats salaries', () => {
    expect(allowPrivateHostsFrom({ FETCH_ALLOW_PRIVATE_HOSTS: ' localhost, 127.0.0.1 ,' })).toEqual([
      'localhost',
      '127.0.0.1',
    ]);
    expect(formatSalary({ min: 173000, max: 255000, currency: 'USD', period: 'year' })).toBe(
      'USD 173,000–255,000 / year',
    );
    expect(formatSalary({ min: null, max: 6000, currency: 'EUR', period: 'month' })).toBe(
      'EUR up to 6,000 / month',
    );
  });
});

const built = existsSync(resolve(repoRoot, 'dist', 'cli', 'vouch.js'));
if (!built)
  console.warn('skipping the vouch spawn test: run `npm run build` first (dist/cli/vouch.js is absent)');

describe.skipIf(!built)('bin/vouch.js', () => {
  it('runs the compiled CLI as a process', () => {
    const result = spawnSync(
      process.execPath,
      [
        resolve(repoRoot, 'bin', 'vouch.js'),
        'preview',
        resolve(vendorDir, 'smartrecruiters-posting.json'),
        '--json',
      ],
      {
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      source: 'smartrecruiters',
      title: 'Platform Engineer',
    });
  });
});
