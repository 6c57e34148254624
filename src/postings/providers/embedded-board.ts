import { canonicalizeJobUrl } from '../canonical-url.js';
import { findAll } from '../html/dom.js';
import { type HtmlPage, readHtmlPage } from '../html/page.js';
import type { IdentitySource, PostingIdentity } from '../posting-identity.js';

/**
 * A company's own career page often only *embeds* its job board: a script or iframe loads the
 * posting client-side (Greenhouse `grnhse_app`, Ashby `ashby_embed`, Lever / Workable / Recruitee /
 * SmartRecruiters / Workday links and widgets). The served HTML then holds no posting, but it
 * names the board; together with the job id in the link the member pasted (`gh_jid`, `ashby_jid`,
 * a Lever UUID, a Workable shortcode, a Recruitee `/o/{slug}`…) that is the board's identity, whose
 * public API the loader can ask.
 *
 * Rules key on the boards' URL shapes only, never on a company. Every identity is built by
 * `canonicalizeJobUrl` from a board URL, so it is exactly what a link to the board would give.
 * Null when the page names no board, names several, or the job cannot be told (a listing page).
 *
 * @see https://support.greenhouse.io/hc/en-us/articles/360033232151 (Greenhouse embedded job board)
 * @see https://developers.ashbyhq.com/docs/embedding-the-ashby-job-board
 */
export function embeddedBoardIdentity(page: HtmlPage, url: string): PostingIdentity | null {
  let pageUrl: URL;
  try {
    pageUrl = new URL(url);
  } catch {
    return null;
  }
  const own = identityOf(pageUrl.href);
  // A link to the board itself needs no help (and a board page's own links are not an embed).
  if (own && own.source !== 'other' && own.tenant !== null && own.jobId !== null) return null;
  const refs = boardReferences(page);
  const hints = jobHints(pageUrl, page);
  const found = new Map<string, PostingIdentity>();
  const add = (identity: PostingIdentity | null) => {
    if (identity && identity.tenant !== null && identity.jobId !== null)
      found.set(identity.canonicalUrl, identity);
  };
  // 1. A job link or frame on the page that is the job the pasted link names.
  for (const ref of refs) {
    const identity = identityOf(ref);
    if (identity && identity.source !== 'other' && identity.jobId && hints.ids.has(norm(identity.jobId)))
      add(identity);
  }
  // 2. The board's token on the page combined with the job id of the pasted link.
  if (found.size === 0) for (const identity of fromTokens(refs, hints)) add(identity);
  // 3. An embed that loads one job by itself (`embed/job_app?for=…&token=…`, `Grnhse.Iframe.load(id)`).
  if (found.size === 0 && hints.ids.size === 0)
    for (const identity of explicitEmbeds(refs, page)) add(identity);
  return found.size === 1 ? ([...found.values()][0] ?? null) : null;
}

/** {@link embeddedBoardIdentity} for a fetched body (HTML text). Never throws. */
export function embeddedBoardIdentityOfBody(body: string | Buffer, url: string): PostingIdentity | null {
  try {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    return embeddedBoardIdentity(readHtmlPage(text.slice(0, MAX_BODY_CHARS)), url);
  } catch {
    return null;
  }
}

const MAX_BODY_CHARS = 4 * 1024 * 1024;
/** Script text scanned for board URLs: embed configuration sits near the tag, not megabytes in. */
const MAX_SCRIPT_CHARS = 200_000;
const MAX_REFS = 2000;

/** Hosts of the boards whose URLs matter on a foreign page. */
const BOARD_URL =
  /https?:(?:\\?\/){2}(?:[a-z0-9-]+\.)*(?:greenhouse\.io|lever\.co|ashbyhq\.com|workable\.com|recruitee\.com|smartrecruiters\.com|myworkdayjobs\.com|myworkdaysite\.com)(?:\\?\/[^\s"'<>`\\)]*)?/gi;

function norm(id: string): string {
  return id.toLowerCase();
}

function identityOf(url: string): PostingIdentity | null {
  try {
    return canonicalizeJobUrl(url);
  } catch {
    return null;
  }
}

/** Every board URL the page carries: in attributes (src, href, action, content) and inline scripts. */
function boardReferences(page: HtmlPage): string[] {
  const refs = new Set<string>();
  const addAll = (text: string) => {
    for (const match of text.matchAll(BOARD_URL)) {
      if (refs.size >= MAX_REFS) return;
      refs.add(match[0].replace(/\\\//g, '/').replace(/&amp;/g, '&'));
    }
  };
  for (const element of findAll(page.root, (e) =>
    ['script', 'iframe', 'a', 'link', 'form', 'meta', 'div'].includes(e.name),
  )) {
    for (const name of ['src', 'href', 'action', 'content', 'data-src', 'data-url']) {
      const value = element.attribs[name];
      if (!value) continue;
      // Protocol-relative embeds (`//boards.greenhouse.io/embed/...`).
      addAll(value.startsWith('//') ? `https:${value}` : value);
    }
  }
  for (const script of page.scripts) addAll(script.text.slice(0, MAX_SCRIPT_CHARS));
  return [...refs];
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

interface JobHints {
  /** Every id the pasted link names, lower-cased. */
  ids: Set<string>;
  ghJid: string | null;
  ashbyJid: string | null;
  uuids: string[];
  /** `/j/{shortcode}` (Workable custom domains keep Workable's path). */
  shortcode: string | null;
  /** `/o/{slug}` (Recruitee custom domains keep Recruitee's path). */
  offerSlug: string | null;
}

function jobHints(url: URL, _page: HtmlPage): JobHints {
  const ids = new Set<string>();
  const ghJid = /^\d+$/.test(url.searchParams.get('gh_jid') ?? '') ? url.searchParams.get('gh_jid') : null;
  const ashbyRaw = url.searchParams.get('ashby_jid') ?? '';
  const ashbyJid = new RegExp(`^${UUID.source}$`, 'i').test(ashbyRaw) ? ashbyRaw.toLowerCase() : null;
  const uuids = [...url.pathname.matchAll(UUID)].map((m) => m[0].toLowerCase());
  const segments = url.pathname.split('/').filter(Boolean);
  const after = (marker: string) => {
    const at = segments.indexOf(marker);
    return at >= 0 ? (segments[at + 1] ?? null) : null;
  };
  const shortcodeSegment = after('j');
  const shortcode =
    shortcodeSegment && /^[A-Za-z0-9]{5,16}$/.test(shortcodeSegment) ? shortcodeSegment : null;
  const slugSegment = after('o');
  const offerSlug = slugSegment && /^[A-Za-z0-9%._-]+$/.test(slugSegment) ? slugSegment.toLowerCase() : null;
  for (const id of [ghJid, ashbyJid, shortcode, offerSlug, ...uuids]) if (id) ids.add(norm(id));
  for (const segment of segments) {
    // Numeric ids (SmartRecruiters' `744000…-title`, Greenhouse ids in a path) and Workday
    // requisitions after the last `_`.
    const digits = /^(\d{6,})(?:-|$)/.exec(segment)?.[1];
    if (digits) ids.add(digits);
    const requisition = /_([A-Za-z0-9][A-Za-z0-9-]*)$/.exec(segment)?.[1];
    if (requisition) ids.add(norm(requisition));
  }
  for (const value of url.searchParams.values()) if (/^\d{6,}$/.test(value)) ids.add(value);
  return { ids, ghJid, ashbyJid, uuids, shortcode, offerSlug };
}

/** Board tokens the page names, per board: one token each, else the page is ambiguous for that board. */
function tokens(refs: readonly string[]): Map<IdentitySource, Set<string>> {
  const out = new Map<IdentitySource, Set<string>>();
  const add = (source: IdentitySource, token: string | null | undefined) => {
    if (!token) return;
    const set = out.get(source) ?? new Set<string>();
    set.add(token);
    out.set(source, set);
  };
  for (const ref of refs) {
    let url: URL;
    try {
      url = new URL(ref);
    } catch {
      continue;
    }
    const host = url.hostname.toLowerCase();
    const segs = url.pathname.split('/').filter(Boolean);
    if (/(?:^|\.)greenhouse\.io$/.test(host)) {
      const eu = /\.eu\.greenhouse\.io$/.test(host) ? 'eu:' : '';
      const forToken = url.searchParams.get('for');
      if (segs[0] === 'embed' && forToken && /^[A-Za-z0-9_-]+$/.test(forToken))
        add('greenhouse', `${eu}${forToken.toLowerCase()}`);
      else if (
        /^(?:boards|job-boards)(?:\.eu)?\.greenhouse\.io$/.test(host) &&
        segs[0] &&
        segs[0] !== 'embed'
      )
        add('greenhouse', `${eu}${segs[0].toLowerCase()}`);
      else if (/^boards-api(?:\.eu)?\.greenhouse\.io$/.test(host) && segs[1] === 'boards')
        add('greenhouse', `${eu}${(segs[2] ?? '').toLowerCase()}`);
    } else if (host === 'jobs.ashbyhq.com' && segs[0] && segs[0] !== 'api') {
      add('ashby', decodeURIComponentSafe(segs[0]));
    } else if (/^jobs(?:\.eu)?\.lever\.co$/.test(host) && segs[0]) {
      add('lever', `${host.includes('.eu.') ? 'eu:' : ''}${segs[0].toLowerCase()}`);
    } else if (/^api(?:\.eu)?\.lever\.co$/.test(host) && segs[1] === 'postings' && segs[2]) {
      add('lever', `${host.includes('.eu.') ? 'eu:' : ''}${segs[2].toLowerCase()}`);
    } else if (host === 'apply.workable.com' && segs[0] && !['j', 'api', 'embed'].includes(segs[0])) {
      add('workable', segs[0].toLowerCase());
    } else if (/^[a-z0-9-]+\.recruitee\.com$/.test(host)) {
      const company = host.split('.')[0];
      if (company && !['www', 'app', 'api', 'support', 'blog', 'careers'].includes(company))
        add('recruitee', company);
    }
  }
  return out;
}

function decodeURIComponentSafe(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function only(set: Set<string> | undefined): string | null {
  return set && set.size === 1 ? ([...set][0] ?? null) : null;
}

/** Board token on the page × the job id in the pasted link, for boards whose link carries that id. */
function fromTokens(refs: readonly string[], hints: JobHints): PostingIdentity[] {
  const byBoard = tokens(refs);
  const out: PostingIdentity[] = [];
  const push = (boardUrl: string) => {
    const identity = identityOf(boardUrl);
    if (identity) out.push(identity);
  };
  const greenhouse = only(byBoard.get('greenhouse'));
  if (greenhouse && hints.ghJid) {
    const eu = greenhouse.startsWith('eu:');
    const token = eu ? greenhouse.slice(3) : greenhouse;
    push(`https://job-boards${eu ? '.eu' : ''}.greenhouse.io/${token}/jobs/${hints.ghJid}`);
  }
  const ashby = only(byBoard.get('ashby'));
  const ashbyJob = hints.ashbyJid ?? (hints.uuids.length === 1 ? hints.uuids[0] : null);
  if (ashby && ashbyJob) push(`https://jobs.ashbyhq.com/${encodeURIComponent(ashby)}/${ashbyJob}`);
  const lever = only(byBoard.get('lever'));
  if (lever && hints.uuids.length === 1 && !hints.ashbyJid) {
    const eu = lever.startsWith('eu:');
    push(`https://jobs${eu ? '.eu' : ''}.lever.co/${eu ? lever.slice(3) : lever}/${hints.uuids[0]}`);
  }
  const workable = only(byBoard.get('workable'));
  if (workable && hints.shortcode) push(`https://apply.workable.com/${workable}/j/${hints.shortcode}`);
  const recruitee = only(byBoard.get('recruitee'));
  if (recruitee && hints.offerSlug) push(`https://${recruitee}.recruitee.com/o/${hints.offerSlug}`);
  // Two boards' tokens with one id each cannot both be right: let the caller see the conflict.
  return out;
}

/** Embeds that name one job without the pasted link saying which. */
function explicitEmbeds(refs: readonly string[], page: HtmlPage): PostingIdentity[] {
  const out: PostingIdentity[] = [];
  for (const ref of refs) {
    // boards.greenhouse.io/embed/job_app?for={board}&token={id}: canonicalizeJobUrl reads it.
    if (!/greenhouse\.io\/embed\/job_app\?/i.test(ref)) continue;
    const identity = identityOf(ref);
    if (identity?.source === 'greenhouse') out.push(identity);
  }
  if (out.length > 0) return out;
  // `Grnhse.Iframe.load(4012345007)` with the board's embed script on the page.
  const loaded = new Set<string>();
  for (const script of page.scripts) {
    for (const match of script.text
      .slice(0, MAX_SCRIPT_CHARS)
      .matchAll(/Grnhse\.Iframe\.load\(\s*["']?(\d{4,})/g))
      if (match[1]) loaded.add(match[1]);
  }
  const greenhouse = only(tokens(refs).get('greenhouse'));
  const jobId = only(loaded);
  if (greenhouse && jobId) {
    const eu = greenhouse.startsWith('eu:');
    const identity = identityOf(
      `https://job-boards${eu ? '.eu' : ''}.greenhouse.io/${eu ? greenhouse.slice(3) : greenhouse}/jobs/${jobId}`,
    );
    if (identity) out.push(identity);
  }
  return out;
}
