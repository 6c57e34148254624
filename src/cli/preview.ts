import { readFile as fsReadFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractPosting } from '../postings/extract-posting.js';
import type { SafeFetch } from '../postings/fetched-resource.js';
import { createPostingLoader } from '../postings/load-posting.js';
import { isJobLike } from '../postings/posting-store.js';
import type { PostingSummary } from '../postings/posting-summary.js';
import { createSafeFetch } from '../postings/safe-fetch.js';
import type { SlackMessage } from '../slack/blocks/block-kit.js';
import { plainLinkCard, postingCard } from '../slack/blocks/posting-card.js';
import { isLimitedSource } from '../slack/blocks/posting-format.js';

/** Where the preview command reads and writes; injectable so tests need no process or network. */
export interface PreviewIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  readFile?: (path: string) => Promise<Buffer>;
  /** Defaults to createSafeFetch with FETCH_ALLOW_PRIVATE_HOSTS from env. */
  fetch?: SafeFetch;
}

export const PREVIEW_USAGE = 'usage: vouch preview <url|file> [--url URL] [--json | --blocks]';
const USER_AGENT = 'Vouch/0.1 (job link preview; self-hosted)';

interface PreviewArgs {
  target: string;
  url: string | null;
  output: 'text' | 'json' | 'blocks';
}

function parseArgs(argv: readonly string[]): PreviewArgs | string {
  let target: string | null = null;
  let url: string | null = null;
  let output: PreviewArgs['output'] = 'text';
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--json' || arg === '--blocks') {
      const wanted = arg === '--json' ? 'json' : 'blocks';
      if (output !== 'text' && output !== wanted) return '--json and --blocks exclude each other';
      output = wanted;
    } else if (arg === '--url') {
      const value = argv[i + 1];
      if (!value) return '--url needs a value';
      url = value;
      i += 1;
    } else if (arg.startsWith('--url=')) url = arg.slice('--url='.length);
    else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else if (target === null) target = arg;
    else return `unexpected argument ${arg}`;
  }
  if (target === null) return 'missing <url|file>';
  return { target, url, output };
}

function isHttpUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

function money(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** "USD 173,000–255,000 / year" */
export function formatSalary(salary: PostingSummary['salary']): string | null {
  if (!salary || (salary.min === null && salary.max === null)) return null;
  const range =
    salary.min !== null && salary.max !== null && salary.min !== salary.max
      ? `${money(salary.min)}–${money(salary.max)}`
      : salary.min === null
        ? `up to ${money(salary.max ?? 0)}`
        : salary.max === null
          ? `from ${money(salary.min)}`
          : money(salary.min);
  return `${salary.currency ? `${salary.currency} ` : ''}${range}${salary.period ? ` / ${salary.period}` : ''}`;
}

/** The card as text, in the shape of the seed posting (title; company · location · team; summary; lists). */
export function formatCard(s: PostingSummary): string {
  const out: string[] = [];
  out.push(s.title ?? '(no title found)', '');
  const where = [s.company, s.locations.length > 0 ? s.locations.join('; ') : null, s.department].filter(
    Boolean,
  );
  if (where.length > 0) out.push(where.join(' · '), '');
  const facts = [
    s.workplaceType,
    s.employmentType,
    s.seniority,
    formatSalary(s.salary),
    s.minYearsExperience !== null ? `${s.minYearsExperience}+ years` : null,
    s.visaSponsorship === true
      ? 'visa sponsorship'
      : s.visaSponsorship === false
        ? 'no visa sponsorship'
        : null,
  ].filter(Boolean);
  if (facts.length > 0) out.push(facts.join(' · '), '');
  if (s.summary) out.push(s.summary, '');
  const list = (heading: string, items: readonly string[], numbered = false) => {
    if (items.length === 0) return;
    out.push(heading, '');
    items.forEach((item, i) => {
      out.push(numbered ? `  ${i + 1}. ${item}` : `  • ${item}`);
    });
    out.push('');
  };
  list("What you'd actually do", s.responsibilities, true);
  if (s.requirements.length > 0 || s.niceToHave.length > 0) out.push('Skills', '');
  list('Required', s.requirements);
  list('Nice to have', s.niceToHave);
  list('What the JD emphasized', s.emphasized);
  list('Other signals', s.signals);
  out.push(s.canonicalUrl);
  return out.join('\n');
}

/** The PostingSummary as JSON with exactly the documented keys, in order. */
export function summaryJson(s: PostingSummary): string {
  const ordered = {
    url: s.url,
    canonicalUrl: s.canonicalUrl,
    source: s.source,
    title: s.title,
    company: s.company,
    locations: s.locations,
    workplaceType: s.workplaceType,
    employmentType: s.employmentType,
    department: s.department,
    seniority: s.seniority,
    visaSponsorship: s.visaSponsorship,
    salary: s.salary,
    minYearsExperience: s.minYearsExperience,
    summary: s.summary,
    responsibilities: s.responsibilities,
    requirements: s.requirements,
    niceToHave: s.niceToHave,
    benefits: s.benefits,
    emphasized: s.emphasized,
    signals: s.signals,
  };
  return JSON.stringify(ordered, null, 2);
}

/**
 * The message Slack receives when this posting is first shared in a channel: the posting card
 * (nobody can refer or is interested yet) for a job, the plain link card otherwise — the same
 * builders and the same choice the bot makes. Button values carry the posting id `preview`.
 */
export function previewMessage(summary: PostingSummary, closed = false): SlackMessage {
  if (!isJobLike(summary))
    return plainLinkCard({ url: summary.url, title: summary.title, description: summary.summary });
  return postingCard({
    summary,
    postingId: 'preview',
    counts: { referrers: 0, interested: 0 },
    referrers: [],
    namedCandidates: [],
    companyReferrers: [],
    closed,
    limitedSource: isLimitedSource(summary),
  });
}

/** Comma list from FETCH_ALLOW_PRIVATE_HOSTS. */
export function allowPrivateHostsFrom(env: PreviewIo['env']): string[] {
  return (env.FETCH_ALLOW_PRIVATE_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
}

/**
 * `vouch preview <url|file> [--url URL] [--json | --blocks]`: prints the card of a job link or of a
 * saved page / API payload: as text, as the PostingSummary JSON, or as the exact Block Kit message
 * (`{ text, blocks }`) Slack receives. Exit 0 whenever something was read (even if nothing job-like was found);
 * non-zero with one line on stderr when the input cannot be read.
 */
export async function runPreview(argv: readonly string[], io: PreviewIo): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`vouch preview: ${args}\n${PREVIEW_USAGE}\n`);
    return 2;
  }
  let summary: PostingSummary;
  let closed = false;
  if (isHttpUrl(args.target)) {
    const fetch =
      io.fetch ??
      createSafeFetch({ allowPrivateHosts: allowPrivateHostsFrom(io.env), userAgent: USER_AGENT });
    const loader = createPostingLoader({ fetch, logger: { debug: () => {}, warn: () => {} } });
    const result = await loader.load(args.target);
    if (result.status === 'failed') {
      io.stderr(`vouch preview: cannot read ${args.target}: ${result.reason ?? 'fetch failed'}\n`);
      return 1;
    }
    if (result.status === 'closed') {
      io.stderr(`vouch preview: ${result.reason ?? 'the posting is closed'}\n`);
      closed = true;
    }
    summary = result.summary;
  } else {
    const readFile = io.readFile ?? ((path: string) => fsReadFile(path));
    let body: Buffer;
    try {
      body = await readFile(args.target);
    } catch (error) {
      const code =
        (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : 'unreadable');
      io.stderr(`vouch preview: cannot read file ${args.target} (${code})\n`);
      return 1;
    }
    summary = extractPosting({ url: args.url ?? pathToFileURL(resolve(args.target)).href, body });
  }
  const text =
    args.output === 'json'
      ? summaryJson(summary)
      : args.output === 'blocks'
        ? JSON.stringify(previewMessage(summary, closed), null, 2)
        : formatCard(summary);
  io.stdout(`${text}\n`);
  return 0;
}
