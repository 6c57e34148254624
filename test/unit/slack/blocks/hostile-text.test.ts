import { describe, expect, it } from 'vitest';
import type { PostingSummary } from '../../../../src/postings/posting-summary.js';
import { section } from '../../../../src/slack/blocks/block-kit.js';
import {
  type BrowseOutcome,
  browseListMessage,
  browseModal,
  emptyBrowseForm,
} from '../../../../src/slack/blocks/browse-blocks.js';
import {
  helpText,
  mineResult,
  referAtResult,
  referrersResult,
} from '../../../../src/slack/blocks/command-results.js';
import { detailsModal } from '../../../../src/slack/blocks/details-modal.js';
import { homeView } from '../../../../src/slack/blocks/home-view.js';
import { interestModal } from '../../../../src/slack/blocks/interest-modal.js';
import { findLimitViolations, type Surface, slackLimits } from '../../../../src/slack/blocks/limits.js';
import { link, quote } from '../../../../src/slack/blocks/mrkdwn.js';
import {
  cardText,
  plainLinkCard,
  postingCard,
  postingCardBlocks,
} from '../../../../src/slack/blocks/posting-card.js';
import type { PostingRef } from '../../../../src/slack/blocks/posting-format.js';
import {
  candidateConfirmationDm,
  noReferrerYetDm,
  type ReferralParties,
  referrerAppearedDm,
  referrerRequestDm,
  reminderDm,
  statusChangedDm,
  tagDm,
} from '../../../../src/slack/blocks/referral-dms.js';
import { rememberCompanyPrompt } from '../../../../src/slack/blocks/remember-company-prompt.js';
import { tagModal } from '../../../../src/slack/blocks/tag-modal.js';
import { messageProblems, viewProblems } from '../../../helpers/block-kit-rules.mjs';
import { cardInput, pinterestSummary } from './fixtures.js';

/**
 * Text from a job page or a member, as hostile as it gets, through every builder that shows such
 * text: Slack must see it as text. The only `<…>` in mrkdwn are the ones Vouch builds: a mention of
 * an id of Slack's shape, a link to the posting (or Slack's DM redirect). Every `&` is an escape,
 * no control character is left, and every payload is inside Slack's limits (plain_text included).
 */

/** Ids the builders are given as valid (they come validated from the edge). */
const validIds = ['U0CAND', 'U0REF', 'U0SHARER', 'U0REF1', 'U0REF2', 'U0DIR1'];
/** Hosts of the links Vouch builds itself. */
const ownLinkHosts = ['jobs.example', 'slack.com'];
/**
 * Placeholders in Vouch's own help lines (`/vouch refer-at <company>`): no page or member text, and
 * other tests pin them as they are (see the report of issue #11, item 3).
 */
const ownPlaceholders = ['<job link>', '<company>', '<link>'];

const hostileParts = [
  '<!channel>',
  '<!here|here>',
  '<@U123>',
  '<https://x|y>',
  '<https://evil.example/phish|Verify account>',
  'AT&T &amp; &lt;b&gt;',
  '*bold* _it_ ~gone~',
  '`code` ```block```',
  'NUL\u0000BEL\u0007ESC\u001bNEL\u0085',
  '\u202Emoc.live\u202C',
  '> quoted\n>>> more',
];
const hostile = hostileParts.join(' ');
const veryLong = `${hostile} `.repeat(400);

const hostileSummary: PostingSummary = {
  ...pinterestSummary,
  url: 'https://jobs.example/job|Verify account?x=<!channel>&y=1',
  title: `Engineer ${hostile}`,
  company: `Acme ${hostile}`,
  locations: [hostile, veryLong],
  employmentType: hostile,
  department: hostile,
  seniority: hostile,
  summary: veryLong,
  responsibilities: [hostile, veryLong],
  requirements: [hostile],
  niceToHave: [hostile],
  benefits: [hostile],
  emphasized: [hostile],
  signals: [hostile],
};

const posting: PostingRef = {
  postingId: 'post_1',
  title: hostileSummary.title,
  company: hostileSummary.company,
  url: hostileSummary.url,
};
/** A browse page of ten hostile rows, its filters read as hostile text. */
const hostileBrowse: BrowseOutcome = {
  rows: Array.from({ length: 10 }, () => ({
    ...posting,
    locations: [hostile, veryLong, hostile, hostile],
    workplaceType: 'remote' as const,
    daysSinceShared: 3,
    counts: { referrers: 1, interested: 2 },
  })),
  page: 2,
  pages: 3,
  total: 25,
  reading: { companies: [hostile, veryLong], place: veryLong, unknownCompany: null },
  workplaceType: 'hybrid',
  sinceDays: 30,
  canRefer: true,
};
const parties: ReferralParties = {
  referralId: 'ref_1',
  candidateUserId: 'U0CAND',
  referrerUserId: 'U0REF',
  posting,
};
const card = cardInput({
  summary: hostileSummary,
  sharerNote: veryLong,
  referrers: [{ userId: 'U0REF1' }, { userId: 'U0ZZZ> <!channel' }],
  companyReferrers: [{ userId: 'U0DIR1' }, { userId: '!everyone' }],
  namedCandidates: [{ userId: 'U0CAND' }],
});

type Text = { kind: 'mrkdwn' | 'plain_text'; text: string };

/** Every text of a payload and how Slack reads it (a message's own `text` is mrkdwn). */
function textsOf(payload: unknown): Text[] {
  const texts: Text[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if ((record.type === 'plain_text' || record.type === 'mrkdwn') && typeof record.text === 'string') {
      texts.push({ kind: record.type, text: record.text });
      return;
    }
    for (const [key, value] of Object.entries(record)) {
      if (key === 'text' && typeof value === 'string') texts.push({ kind: 'mrkdwn', text: value });
      else walk(value);
    }
  };
  walk(payload);
  return texts;
}

/** What is wrong with one mrkdwn text: `<…>` Vouch did not build, a bare `&`. */
function mrkdwnProblems(text: string): string[] {
  const problems: string[] = [];
  for (const [token, inner = ''] of text.matchAll(/<([^>]*)>/g)) {
    if (ownPlaceholders.includes(token)) continue;
    if (inner.startsWith('@')) {
      if (!validIds.includes(inner.slice(1))) problems.push(`mention ${token}`);
      continue;
    }
    const [url = '', label = '', ...rest] = inner.split('|');
    let host = '';
    try {
      host = new URL(url).host;
    } catch {}
    if (!ownLinkHosts.includes(host) || rest.length > 0 || label.includes('<'))
      problems.push(`link ${token}`);
  }
  if (text.includes('<!')) problems.push('broadcast');
  if (/&(?!amp;|lt;|gt;)/.test(text)) problems.push('bare &');
  return problems;
}

const controlCharacters = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const payloads: Array<[name: string, payload: unknown, surface: Surface]> = [
  ['posting card', postingCard(card), 'message'],
  [
    'posting card (referrer buttons)',
    { text: 'card', blocks: postingCardBlocks(card, 'referrer') },
    'message',
  ],
  ['card fallback text', { text: cardText(hostileSummary), blocks: [] }, 'message'],
  [
    'plain link card',
    plainLinkCard({ url: hostileSummary.url, title: veryLong, description: veryLong }),
    'message',
  ],
  ['details modal', detailsModal(hostileSummary, { postingId: 'post_1' }), 'modal'],
  [
    'interest modal',
    interestModal({
      postingId: 'post_1',
      title: hostileSummary.title,
      company: hostileSummary.company,
      referrers: [
        { userId: 'U0REF1', name: hostile },
        { userId: 'U0REF2', name: veryLong },
      ],
    }),
    'modal',
  ],
  ['tag modal', tagModal({ postingId: 'post_1', title: veryLong, company: hostile }), 'modal'],
  ['remember-company prompt', rememberCompanyPrompt({ company: veryLong, postingId: 'post_1' }), 'message'],
  [
    'referrer request DM',
    referrerRequestDm({
      referralId: 'ref_1',
      candidateUserId: 'U0CAND',
      posting,
      note: veryLong,
      teamId: 'T0TEAM',
    }),
    'message',
  ],
  [
    'candidate confirmation DM',
    candidateConfirmationDm({
      referralId: 'ref_1',
      posting,
      askedReferrerUserIds: ['U0REF', 'U0ZZZ> <!channel'],
      askedAnyone: true,
      showName: false,
    }),
    'message',
  ],
  ['no-referrer-yet DM', noReferrerYetDm({ referralId: 'ref_1', posting }), 'message'],
  [
    'referrer-appeared DM',
    referrerAppearedDm({ referralId: 'ref_1', posting, referrerUserId: 'U0REF' }),
    'message',
  ],
  [
    'status-changed DM',
    statusChangedDm({
      referral: parties,
      from: 'requested',
      to: 'referred',
      actorRole: 'referrer',
      note: veryLong,
    }),
    'message',
  ],
  ['reminder DM', reminderDm({ referral: parties, status: 'requested', days: 3 }), 'message'],
  ['tag DM', tagDm({ role: 'referrer', taggedBy: 'U0SHARER', posting: card }), 'message'],
  ['/vouch help', helpText({ unknownText: veryLong }), 'message'],
  ['/vouch list', browseListMessage(hostileBrowse, `/vouch list ${veryLong} page 2`), 'message'],
  [
    '/vouch list (nothing)',
    browseListMessage(
      {
        ...hostileBrowse,
        rows: [],
        total: 0,
        reading: { ...hostileBrowse.reading, unknownCompany: hostile },
      },
      null,
    ),
    'message',
  ],
  [
    'browse modal',
    browseModal({ ...emptyBrowseForm, company: veryLong, place: hostile, canRefer: true }, hostileBrowse),
    'modal',
  ],
  [
    '/vouch mine',
    mineResult({
      asCandidate: [{ referralId: 'r1', status: 'requested', posting, referrerUserId: 'U0REF' }],
      asReferrer: [
        { referralId: 'r2', status: 'requested', posting, candidateUserId: 'U0CAND', note: veryLong },
      ],
    }),
    'message',
  ],
  ['/vouch referrers', referrersResult({ company: veryLong, referrerUserIds: ['U0REF'] }), 'message'],
  ['/vouch referrers (nobody)', referrersResult({ company: hostile, referrerUserIds: [] }), 'message'],
  ['/vouch refer-at', referAtResult({ company: veryLong, removed: false, changed: true }), 'message'],
  [
    'App Home',
    homeView({
      asCandidate: [{ referralId: 'r1', status: 'requested', posting, referrerUserId: 'U0REF' }],
      waitingOnMe: [
        { referralId: 'r2', status: 'requested', posting, candidateUserId: 'U0CAND', note: veryLong },
      ],
      companies: [hostile, veryLong],
      recentPostings: [{ ...posting, counts: { referrers: 1, interested: 0 } }],
    }),
    'home',
  ],
  ['quote()', { text: 'quote', blocks: [section(quote(veryLong))] }, 'message'],
  ['link()', { text: 'link', blocks: [section(link(hostileSummary.url, hostile))] }, 'message'],
];

describe('hostile page and member text through every builder', () => {
  it.each(payloads)('%s: no live mention, link or broadcast but the ones Vouch builds', (_name, payload) => {
    const problems = textsOf(payload)
      .filter((t) => t.kind === 'mrkdwn')
      .flatMap((t) => mrkdwnProblems(t.text).map((p) => `${p} in ${JSON.stringify(t.text.slice(0, 200))}`));
    expect(problems).toEqual([]);
  });

  it.each(payloads)('%s: no control character in any text', (_name, payload) => {
    expect(textsOf(payload).filter((t) => controlCharacters.test(t.text))).toEqual([]);
  });

  it.each(payloads)('%s: within Slack’s limits, plain_text included', (_name, payload, surface) => {
    expect(findLimitViolations(payload, surface)).toEqual([]);
    // And as the fake Slack API checks it, from Slack's reference (test/helpers/block-kit-rules.mjs).
    expect(surface === 'message' ? messageProblems(payload) : viewProblems(payload)).toEqual([]);
    // The limits per field are findLimitViolations'; any text object is 1 to 3,000 characters.
    for (const t of textsOf(payload)) {
      expect(t.text.length).toBeGreaterThan(0);
      expect(t.text.length).toBeLessThanOrEqual(slackLimits.sectionText);
    }
  });

  it('still shows the hostile words, escaped (nothing silently dropped)', () => {
    const text = textsOf(postingCard(card))
      .map((t) => t.text)
      .join('\n');
    expect(text).toContain('Acme &lt;!channel&gt;');
    expect(text).toContain('&lt;https://evil.example/phish|Verify account&gt;');
    expect(text).toContain('AT&amp;T');
    expect(text).toContain('NULBELESCNEL');
  });

  it('links the posting with its own URL, a `|` in it encoded so the label stays Vouch’s', () => {
    expect(link('https://jobs.example/job|Verify account', 'Engineer')).toBe(
      '<https://jobs.example/job%7CVerify%20account|Engineer>',
    );
  });
});
