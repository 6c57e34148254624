import type { DigestFrequency } from '../../../digests/digest-schedule.js';
import type { WorkplaceType } from '../../../postings/posting-summary.js';

/**
 * `/vouch` text → what the member asked for. Pure: the listener does the work.
 *
 * Slack sends the text with its own formatting when "Escape channels, users, and links" is on
 * (`<https://x|label>`, `<@U123|name>`, `&amp;`) and raw otherwise; both are accepted.
 * @see https://docs.slack.dev/interactivity/implementing-slash-commands
 */
export type VouchCommand =
  | { kind: 'help' }
  | { kind: 'share'; url: string; note: string | null }
  /**
   * `list [words…]`: `company` holds the words that are no filter word (a company's name, else a
   * place: `list acme`, `list berlin`); `filters`, when a filter word was given (`parseList`).
   */
  | { kind: 'list'; company: string | null; filters?: ListFilters }
  | { kind: 'mine' }
  | { kind: 'referAt'; company: string }
  | { kind: 'referAtRemove'; company: string }
  | { kind: 'referrers'; company: string }
  | { kind: 'stats' }
  | { kind: 'privacy' }
  | { kind: 'export' }
  | { kind: 'forgetMe' }
  | { kind: 'version' }
  /** `follow <company | keywords> [remote|hybrid|onsite] [in <place>]` (src/follows/). */
  | { kind: 'follow'; words: string; workplaceType: WorkplaceType | null; place: string | null }
  | { kind: 'following' }
  /** `unfollow <n|all>`: `n` as `following` numbers them. */
  | { kind: 'unfollow'; which: number | 'all' }
  /** `digest [daily|weekly|off]`: the channel's digest (src/digests/); alone, what it is now. */
  | { kind: 'digest'; frequency: DigestFrequency | 'off' | null }
  /**
   * `company-domain <company>` lists the company's domains; `company-domain <company> <domain>` adds
   * one and `company-domain remove <company> <domain>` removes one (admins only). `domain` is as typed.
   */
  | { kind: 'companyDomain'; company: string; domain: string | null; remove: boolean }
  /** `channel`: this channel's settings. */
  | { kind: 'channel' }
  /** `channel cards on|off`: whether Vouch replies to job links here with a card. */
  | { kind: 'channelCards'; on: boolean }
  | { kind: 'unknown'; text: string };

/** The filter words of `/vouch list`: `at <company>`, `in <place>`, a workplace type, `can-refer`, `last <n> days`, `page <n>`. */
export interface ListFilters {
  company?: string;
  place?: string;
  workplaceType?: WorkplaceType;
  canRefer?: true;
  sinceDays?: number;
  page?: number;
}

/** A Slack-formatted link `<url>` / `<url|label>` to an http(s) URL. */
const slackLink = /<(https?:\/\/[^|>\s]+)(?:\|[^>]*)?>/i;
/** A bare http(s) URL. */
const bareUrl = /(^|[^\w/])(https?:\/\/[^\s<>]+)/i;

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Bare URLs often end in the sentence's punctuation: "see https://x.com/job." */
function trimTrailingPunctuation(url: string): string {
  let out = url.replace(/[.,;:!?'"]+$/, '');
  while (out.endsWith(')') && (out.match(/\(/g)?.length ?? 0) < (out.match(/\)/g)?.length ?? 0)) {
    out = out.slice(0, -1).replace(/[.,;:!?'"]+$/, '');
  }
  return out;
}

/**
 * Turns Slack's formatted tokens in a note into plain words (`<@U1|ana>` → `@ana`, `<!here>` →
 * `@here`, `<url|label>` → `label (url)`). Stored notes are plain text; they are escaped again
 * when shown, so they cannot ping anyone.
 */
export function plainNote(text: string): string {
  const plain = text.replace(/<([^>]*)>/g, (_match, inner: string) => {
    const [target = '', label] = inner.split('|', 2);
    if (target.startsWith('@')) return `@${label ?? target.slice(1)}`;
    if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
    if (target.startsWith('!')) {
      if (label) return label.startsWith('@') ? label : `@${label}`;
      return `@${target.slice(1).replace(/^subteam\^.*$/, 'group')}`;
    }
    return label && label !== target ? `${label} (${target})` : target;
  });
  return decodeEntities(plain).replace(/\s+/g, ' ').trim();
}

/** Finds the job link: the first Slack-formatted or bare http(s) URL. */
function findUrl(text: string): { url: string; rest: string } | null {
  const formatted = slackLink.exec(text);
  const bare = bareUrl.exec(text);
  const formattedAt = formatted ? formatted.index : Number.POSITIVE_INFINITY;
  const bareAt = bare ? bare.index + (bare[1]?.length ?? 0) : Number.POSITIVE_INFINITY;
  if (formatted && formattedAt <= bareAt) {
    const url = decodeEntities(formatted[1] ?? '');
    return { url, rest: text.slice(0, formattedAt) + text.slice(formattedAt + formatted[0].length) };
  }
  if (bare) {
    const raw = trimTrailingPunctuation(bare[2] ?? '');
    const url = decodeEntities(raw);
    return { url, rest: text.slice(0, bareAt) + text.slice(bareAt + raw.length) };
  }
  return null;
}

function isHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Company names arrive as typed; Slack may have escaped `&` ("AT&amp;T"). */
function companyArg(words: readonly string[]): string {
  return decodeEntities(words.join(' ')).replace(/\s+/g, ' ').trim();
}

const subcommands = new Set([
  'help',
  'list',
  'mine',
  'refer-at',
  'referat',
  'refer_at',
  'referrers',
  'stats',
  'privacy',
  'export',
  'forget-me',
  'forgetme',
  'forget_me',
  'version',
  'follow',
  'following',
  'unfollow',
  'digest',
  'company-domain',
  'company-domains',
  'company_domain',
  'channel',
]);

/** A word that reads as a domain, an e-mail address or a Slack-formatted link: `acme.com`, `<http://acme.com|acme.com>`. */
const domainLike = /^<.+>$|^[^\s]*\.[a-z]{2,}[/]?$/i;

/** `company-domain [remove] <company> [<domain>]`: the domain is the last word when it reads as one. */
function parseCompanyDomain(
  args: readonly string[],
): Extract<VouchCommand, { kind: 'companyDomain' }> | null {
  const remove = (args[0] ?? '').toLowerCase() === 'remove' && args.length >= 2;
  const rest = remove ? args.slice(1) : args;
  const last = rest[rest.length - 1] ?? '';
  const hasDomain = rest.length >= 2 && domainLike.test(last);
  const company = companyArg(hasDomain ? rest.slice(0, -1) : rest);
  if (company === '' || (remove && !hasDomain)) return null;
  return { kind: 'companyDomain', company, domain: hasDomain ? last : null, remove };
}

/** Words naming a workplace type in `follow`. */
const workplaceWords: Record<string, WorkplaceType> = {
  remote: 'remote',
  hybrid: 'hybrid',
  onsite: 'onsite',
  'on-site': 'onsite',
  on_site: 'onsite',
  'in-office': 'onsite',
};

/**
 * `follow` arguments: the last "in" starts the place; workplace words before it set the type (two
 * different ones are unclear); what is left is the company or keywords. null when nothing is asked.
 */
function parseFollow(args: readonly string[]): Extract<VouchCommand, { kind: 'follow' }> | null {
  const words = decodeEntities(args.join(' ')).split(/\s+/).filter(Boolean);
  let place: string | null = null;
  let before = words;
  const inAt = words.map((w) => w.toLowerCase()).lastIndexOf('in');
  if (inAt >= 0 && inAt < words.length - 1) {
    place = words.slice(inAt + 1).join(' ');
    before = words.slice(0, inAt);
  }
  let workplaceType: WorkplaceType | null = null;
  const rest: string[] = [];
  for (const word of before) {
    const type = workplaceWords[word.toLowerCase().replace(/[,.]$/, '')];
    if (type === undefined) {
      rest.push(word);
      continue;
    }
    if (workplaceType !== null && workplaceType !== type) return null;
    workplaceType = type;
  }
  const text = rest.join(' ').trim();
  if (text === '' && workplaceType === null && place === null) return null;
  return { kind: 'follow', words: text, workplaceType, place };
}

/** Words that ask for postings someone can refer for. */
const canReferWords = new Set(['can-refer', 'can_refer', 'canrefer', 'referrable', 'referable', 'refer']);
/** `last <word>` spans. */
const spanDays: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };
const dayUnits = new Set(['day', 'days', 'd']);

/**
 * `list` arguments, read leniently: filter words anywhere (`remote`, `can-refer`, `last 7 days`,
 * `7d`, `last week`, `page 2`), `at` starts a company and `in` a place (up to the next filter word),
 * and every other word is kept, in order, as `company` (a company's name, else a place).
 */
function parseList(args: readonly string[]): Extract<VouchCommand, { kind: 'list' }> {
  const words = decodeEntities(args.join(' ')).split(/\s+/).filter(Boolean);
  const filters: ListFilters = {};
  const free: string[] = [];
  const named: { company: string[]; place: string[] } = { company: [], place: [] };
  let slot: 'company' | 'place' | null = null;
  const numberAt = (i: number): number | null => {
    const word = words[i];
    return word !== undefined && /^\d{1,4}$/.test(word) ? Number(word) : null;
  };
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] as string;
    const lower = word.toLowerCase().replace(/[,;.]+$/, '');
    const next = (words[i + 1] ?? '').toLowerCase().replace(/[,;.]+$/, '');
    const type = workplaceWords[lower];
    let taken = 0;
    if (type !== undefined) {
      filters.workplaceType = type;
    } else if (canReferWords.has(lower) || (lower === 'can' && next === 'refer')) {
      filters.canRefer = true;
      taken = lower === 'can' ? 1 : 0;
    } else if (lower === 'page' && numberAt(i + 1) !== null) {
      filters.page = Math.max(1, numberAt(i + 1) as number);
      taken = 1;
    } else if ((lower === 'last' || lower === 'past') && numberAt(i + 1) !== null) {
      filters.sinceDays = Math.max(1, numberAt(i + 1) as number);
      taken = dayUnits.has((words[i + 2] ?? '').toLowerCase()) ? 2 : 1;
    } else if ((lower === 'last' || lower === 'past') && spanDays[next] !== undefined) {
      filters.sinceDays = spanDays[next];
      taken = 1;
    } else if (/^\d{1,4}d$/.test(lower)) {
      filters.sinceDays = Math.max(1, Number(lower.slice(0, -1)));
    } else if ((lower === 'at' || lower === 'in') && i < words.length - 1) {
      slot = lower === 'at' ? 'company' : 'place';
      continue;
    } else {
      (slot === null ? free : named[slot]).push(word);
      continue;
    }
    // A filter word ends an `at` or `in` name.
    slot = null;
    i += taken;
  }
  if (named.company.length > 0) filters.company = named.company.join(' ');
  if (named.place.length > 0) filters.place = named.place.join(' ');
  const company = free.join(' ').trim() || null;
  return Object.keys(filters).length > 0 ? { kind: 'list', company, filters } : { kind: 'list', company };
}

/** Parses the text after `/vouch`. Never throws: anything unclear is `unknown` (answered with help). */
export function parseVouchCommand(text: string): VouchCommand {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'help' };
  const words = trimmed.split(/\s+/);
  const first = (words[0] ?? '').toLowerCase();
  const args = words.slice(1);

  if (subcommands.has(first)) {
    switch (first) {
      case 'help':
        return { kind: 'help' };
      case 'mine':
        return args.length === 0 ? { kind: 'mine' } : { kind: 'unknown', text: trimmed };
      case 'stats':
        return args.length === 0 ? { kind: 'stats' } : { kind: 'unknown', text: trimmed };
      case 'version':
        return args.length === 0 ? { kind: 'version' } : { kind: 'unknown', text: trimmed };
      case 'privacy':
        return args.length === 0 ? { kind: 'privacy' } : { kind: 'unknown', text: trimmed };
      case 'export':
        return args.length === 0 ? { kind: 'export' } : { kind: 'unknown', text: trimmed };
      case 'forget-me':
      case 'forgetme':
      case 'forget_me':
        return args.length === 0 ? { kind: 'forgetMe' } : { kind: 'unknown', text: trimmed };
      case 'follow':
        return parseFollow(args) ?? { kind: 'unknown', text: trimmed };
      case 'following':
        return args.length === 0 ? { kind: 'following' } : { kind: 'unknown', text: trimmed };
      case 'unfollow': {
        const which = (args[0] ?? '').toLowerCase();
        if (args.length !== 1) return { kind: 'unknown', text: trimmed };
        if (which === 'all') return { kind: 'unfollow', which: 'all' };
        return /^[1-9]\d{0,2}$/.test(which)
          ? { kind: 'unfollow', which: Number(which) }
          : { kind: 'unknown', text: trimmed };
      }
      case 'digest': {
        const which = (args[0] ?? '').toLowerCase();
        if (args.length === 0) return { kind: 'digest', frequency: null };
        if (args.length === 1 && (which === 'daily' || which === 'weekly' || which === 'off')) {
          return { kind: 'digest', frequency: which };
        }
        return { kind: 'unknown', text: trimmed };
      }
      case 'company-domain':
      case 'company-domains':
      case 'company_domain':
        return parseCompanyDomain(args) ?? { kind: 'unknown', text: trimmed };
      case 'channel': {
        if (args.length === 0) return { kind: 'channel' };
        const [setting = '', value = ''] = args.map((word) => word.toLowerCase());
        if (args.length === 2 && setting === 'cards' && (value === 'on' || value === 'off')) {
          return { kind: 'channelCards', on: value === 'on' };
        }
        return { kind: 'unknown', text: trimmed };
      }
      case 'list':
        return parseList(args);
      case 'referrers': {
        const company = companyArg(args);
        return company ? { kind: 'referrers', company } : { kind: 'unknown', text: trimmed };
      }
      default: {
        // refer-at [remove] <company>
        if ((args[0] ?? '').toLowerCase() === 'remove') {
          const company = companyArg(args.slice(1));
          return company ? { kind: 'referAtRemove', company } : { kind: 'unknown', text: trimmed };
        }
        const company = companyArg(args);
        return company ? { kind: 'referAt', company } : { kind: 'unknown', text: trimmed };
      }
    }
  }

  const found = findUrl(trimmed);
  if (found && isHttpUrl(found.url)) {
    // Tidy what the link leaves behind: "look (<link>)." → "look."
    const note = plainNote(found.rest)
      .replace(/\(\s*\)/g, '')
      .replace(/\s+([,.;:!?])/g, '$1')
      .trim();
    return { kind: 'share', url: found.url, note: note || null };
  }
  return { kind: 'unknown', text: trimmed };
}

/** Makes a switch over parsed commands exhaustive: a kind nobody handles is a compile error. */
export function unhandledCommand(command: never): never {
  throw new Error(`unhandled /vouch command: ${JSON.stringify(command)}`);
}
