import type { ProfileFields } from '../../profiles/profile-fields.js';
import { type ReferralStatus, statusLabel } from '../../referrals/status-machine.js';
import { homeActionIds, offerActionIds } from '../ids.js';
import { encodeStatusUpdate, statusActionId } from './action-values.js';
import {
  actions,
  button,
  context,
  divider,
  type HomeView,
  header,
  type KnownBlock,
  section,
} from './block-kit.js';
import { type FollowListRow, followingHomeBlocks } from './follow-blocks.js';
import { fitBlocks, oneLine, slackLimits, truncate } from './limits.js';
import { escapeMrkdwn, inChannel, mention, plural, quote } from './mrkdwn.js';
import type { PostingRef } from './posting-format.js';
import { postingLinkLine } from './posting-format.js';
import { profileHomeBlocks } from './profile-blocks.js';
import { statusButtons } from './status-buttons.js';
import { VERIFIED_MARK } from './verification-blocks.js';

/** One of my referrals as a candidate. */
export interface CandidateReferralRow {
  referralId: string;
  status: ReferralStatus;
  posting: PostingRef;
  referrerUserId: string | null;
  /** Whole days since the status last changed (the caller knows the clock). */
  daysSinceChange?: number;
}

/** A referral where I am (or could be) the referrer. */
export interface ReferrerReferralRow {
  referralId: string;
  status: ReferralStatus;
  posting: PostingRef;
  candidateUserId: string;
  note: string | null;
  daysSinceChange?: number;
}

/** An open request that reached me anonymously: what and where, never who. */
export interface InvitationRow {
  referralId: string;
  status: 'invited' | 'offered';
  posting: PostingRef;
  channelId: string | null;
}

export interface RecentPostingRow extends PostingRef {
  counts?: { referrers: number; interested: number };
  closed?: boolean;
}

export interface HomeViewInput {
  asCandidate: readonly CandidateReferralRow[];
  waitingOnMe: readonly ReferrerReferralRow[];
  /** Open requests that reached me anonymously. */
  invitations?: readonly InvitationRow[];
  /** Companies I can refer at. */
  companies: readonly string[];
  /** Those of `companies` where I am verified (✓); the others show as self-declared. */
  verifiedCompanies?: readonly string[];
  recentPostings: readonly RecentPostingRow[];
  /** What I follow (src/follows/); the section is left out when not given. */
  follows?: readonly FollowListRow[];
  /** My candidate profile (src/profiles/), null when I have none; the section is left out when not given. */
  profile?: ProfileFields | null;
}

/** Titles are cut shorter here than on the card: the Home tab lists many. */
const titleCap = 80;

/** What an empty section says instead: how to fill it. */
const emptyLists = {
  candidate:
    "No referral requests yet. When a job catches your eye, press *I'm interested* on its card: " +
    'Vouch asks someone who can refer, privately.',
  referrer: 'Nothing is waiting on you. 🎉',
  companies:
    'Tell Vouch where you can refer: `/vouch refer-at <company>`, or press *I can refer* on a card. ' +
    "You'll be listed on that company's postings.",
};

/** Rows per section: four sections of these stay under the 100 blocks of a Home tab. */
const rowCaps = { candidate: 12, referrer: 12, companies: 10, postings: 8 } as const;

function ago(days: number | undefined): string | null {
  if (days === undefined) return null;
  return days <= 0 ? 'today' : `${plural(days, 'day')} ago`;
}

function more(count: number, shown: number): KnownBlock[] {
  return count > shown ? [context(`…and ${count - shown} more: \`/vouch mine\` lists them all.`)] : [];
}

/** Referral rows with their status buttons, capped, with a "…and N more" line. */
function referralRows<Row extends CandidateReferralRow | ReferrerReferralRow>(
  rows: readonly Row[],
  role: 'candidate' | 'referrer',
  describe: (row: Row) => string,
): KnownBlock[] {
  const cap = rowCaps[role];
  return [
    ...rows
      .slice(0, cap)
      .flatMap((row) => [
        section(describe(row)),
        ...actions(statusButtons(row.referralId, row.status, role)),
      ]),
    ...more(rows.length, cap),
  ];
}

function candidateRows(rows: readonly CandidateReferralRow[]): KnownBlock[] {
  if (rows.length === 0) return [context(emptyLists.candidate)];
  return referralRows(rows, 'candidate', (row) => {
    const bits = [
      statusLabel(row.status),
      row.referrerUserId ? `with ${mention(row.referrerUserId)}` : null,
      ago(row.daysSinceChange),
    ].filter(Boolean);
    return `${postingLinkLine(row.posting, titleCap)}\n${bits.join(' · ')}`;
  });
}

function invitationRows(rows: readonly InvitationRow[]): KnownBlock[] {
  return rows.slice(0, rowCaps.referrer).flatMap((row): KnownBlock[] => {
    const line = section(
      `🙋 Someone${inChannel(row.channelId)} is interested in ${postingLinkLine(row.posting, titleCap)}`,
    );
    if (row.status === 'offered')
      return [line, context('You offered to refer: they decide whether to accept.')];
    return [
      line,
      ...actions([
        button({
          actionId: offerActionIds.offer,
          text: 'Offer to refer',
          style: 'primary',
          value: row.referralId,
        }),
        button({
          actionId: statusActionId('declined'),
          text: 'Not this time',
          value: encodeStatusUpdate({ referralId: row.referralId, to: 'declined' }),
        }),
      ]),
    ];
  });
}

function referrerRows(
  rows: readonly ReferrerReferralRow[],
  invitations: readonly InvitationRow[],
): KnownBlock[] {
  if (rows.length === 0 && invitations.length === 0) return [context(emptyLists.referrer)];
  return [
    ...invitationRows(invitations),
    ...referralRows(rows, 'referrer', (row) => {
      const bits = [statusLabel(row.status), ago(row.daysSinceChange)].filter(Boolean);
      const note = row.note?.trim() ? `\n${quote(truncate(oneLine(row.note), 200))}` : '';
      return `${mention(row.candidateUserId)} for ${postingLinkLine(row.posting, titleCap)}\n${bits.join(' · ')}${note}`;
    }),
  ];
}

function companyRows(companies: readonly string[], verified?: readonly string[]): KnownBlock[] {
  if (companies.length === 0) return [context(emptyLists.companies)];
  const mark = (company: string) =>
    verified === undefined
      ? ''
      : verified.includes(company)
        ? ` ${VERIFIED_MARK} verified`
        : ' · self-declared';
  return [
    ...companies.slice(0, rowCaps.companies).map((company) => {
      const name = truncate(oneLine(company), 200);
      return section(
        `🏢 ${escapeMrkdwn(name)}${mark(company)}`,
        button({
          actionId: homeActionIds.removeCompany,
          text: 'Remove',
          value: name,
          confirm: {
            title: 'Stop referring here?',
            text: `You will no longer be listed as a referrer at ${name}.`,
            confirm: 'Remove',
          },
        }),
      );
    }),
    ...(companies.length > rowCaps.companies
      ? [context(`…and ${companies.length - rowCaps.companies} more.`)]
      : []),
  ];
}

function postingRows(rows: readonly RecentPostingRow[]): KnownBlock[] {
  if (rows.length === 0) {
    return [context('No postings yet. Paste a job link in any channel, or `/vouch <link>`.')];
  }
  return rows.slice(0, rowCaps.postings).map((row) => {
    const bits = [
      row.closed ? '🔒 Closed' : null,
      row.counts ? `🙋 ${row.counts.referrers} can refer · 👀 ${row.counts.interested} interested` : null,
    ].filter(Boolean);
    const accessory = button({
      actionId: homeActionIds.postingDetails,
      text: 'Details',
      value: row.postingId,
    });
    return section(
      `${postingLinkLine(row, titleCap)}${bits.length > 0 ? `\n${bits.join(' · ')}` : ''}`,
      accessory,
    );
  });
}

/**
 * The App Home: my referrals as a candidate, requests waiting on me, companies I can refer at,
 * recent postings. Empty sections tell a new member what to do.
 * @see https://docs.slack.dev/surfaces/app-home
 */
export function homeView(input: HomeViewInput): HomeView {
  const content: KnownBlock[] = [
    header('Vouch: job referrals'),
    context('Share a job link in any channel, or `/vouch <link>`. Type `/vouch help` for everything else.'),
    section(
      '🔎 Every open posting here, by company, place, workplace and who can refer.',
      button({ actionId: homeActionIds.browsePostings, text: 'Browse open postings', style: 'primary' }),
    ),
    ...(
      [
        ['Waiting on you', referrerRows(input.waitingOnMe, input.invitations ?? [])],
        ['Your referral requests', candidateRows(input.asCandidate)],
        ...(input.profile !== undefined ? [['Your profile', profileHomeBlocks(input.profile)] as const] : []),
        ['Companies you can refer at', companyRows(input.companies, input.verifiedCompanies)],
        ...(input.follows !== undefined ? [['Following', followingHomeBlocks(input.follows)] as const] : []),
        ['Recent postings', postingRows(input.recentPostings)],
      ] as const
    ).flatMap(([title, rows]) => [divider(), section(`*${title}*`), ...rows]),
  ];
  const { blocks } = fitBlocks({
    content,
    maxBlocks: slackLimits.viewBlocks,
    notice: context('✂️ More than fits here: `/vouch mine` and `/vouch list` show the rest.'),
  });
  return { type: 'home', blocks };
}
