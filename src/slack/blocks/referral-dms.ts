import type { ProfileFields } from '../../profiles/profile-fields.js';
import {
  type ActorRole,
  isOpen,
  type ReferralStatus,
  statusLabel,
  whoOwesNextStep,
} from '../../referrals/status-machine.js';
import { cardActionIds, referrerDmActionIds } from '../ids.js';
import {
  encodeRelationship,
  encodeStatusUpdate,
  referrerRelationships,
  statusActionId,
} from './action-values.js';
import {
  actions,
  button,
  context,
  type KnownBlock,
  linkButton,
  option,
  plainText,
  type SlackMessage,
  section,
} from './block-kit.js';
import { slackLimits, truncate } from './limits.js';
import { escapeMrkdwn, mention, mentionList, plural, quote } from './mrkdwn.js';
import { type PostingCardInput, postingCardBlocks } from './posting-card.js';
import { displayTitle, type PostingRef, plainTitle, postingLinkLine } from './posting-format.js';
import { requestProfileBlocks } from './profile-blocks.js';
import { statusButtons } from './status-buttons.js';
import type { TagRole } from './tag-modal.js';

/**
 * The direct messages of the referral workflow. Each says who, which posting and what happens
 * next, so nobody is left wondering; bad news is worded kindly. Every function is pure: the
 * listener decides who receives it.
 */

/** The two people and the posting of one referral. */
export interface ReferralParties {
  referralId: string;
  candidateUserId: string;
  /** Null while nobody has taken the request (asked "anyone", or no referrer yet). */
  referrerUserId: string | null;
  posting: PostingRef;
}

const noteCap = 1500;

function noteBlock(label: string, note: string | null | undefined): KnownBlock[] {
  const text = note?.trim();
  return text ? [section(`${label}\n${quote(truncate(text, noteCap))}`)] : [];
}

/**
 * Opens the DM with a member. Buttons take http(s) URLs only, so this is Slack's app_redirect (which
 * accepts a user id as `channel`), not a `slack://` deep link.
 * @see https://api.slack.com/reference/deep-linking#app_channel
 */
export function dmDeepLink(teamId: string, userId: string): string {
  return `https://slack.com/app_redirect?team=${encodeURIComponent(teamId)}&channel=${encodeURIComponent(userId)}`;
}

function detailsButton(posting: PostingRef) {
  return button({ actionId: cardActionIds.details, text: 'Details', value: posting.postingId });
}

export interface ReferrerRequestInput {
  referralId: string;
  candidateUserId: string;
  posting: PostingRef;
  note: string | null;
  /** For the "Open DM" deep link. */
  teamId: string;
  /** True when the candidate asked anyone who can refer (this referrer is one of several). */
  askedAnyone?: boolean;
  /** Ask "How well do you know them?" (default true). */
  askRelationship?: boolean;
  /** The profile the candidate sent with this request (src/profiles/): only this DM carries it. */
  profile?: ProfileFields | null;
}

/** The DM a referrer gets when a candidate asks them: who, for what, their note, and the buttons. */
export function referrerRequestDm(input: ReferrerRequestInput): SlackMessage {
  const who = mention(input.candidateUserId);
  const posting = postingLinkLine(input.posting);
  const ask = input.askedAnyone
    ? `🙏 ${who} is looking for a referral for ${posting}, and you said you can refer there.`
    : `🙏 ${who} asked you for a referral for ${posting}.`;
  const blocks: KnownBlock[] = [
    section(ask),
    ...noteBlock(`Their note:`, input.note),
    ...requestProfileBlocks(input.profile),
  ];
  if (input.askRelationship !== false) {
    blocks.push(
      section('How well do you know them? _(helps you write the referral; only you and Vouch see it)_', {
        type: 'static_select',
        action_id: referrerDmActionIds.relationship,
        placeholder: plainText('Choose…', slackLimits.placeholder),
        options: referrerRelationships.map((r) =>
          option(r.label, encodeRelationship({ referralId: input.referralId, relationship: r.value })),
        ),
      }),
    );
  }
  blocks.push(
    ...actions([
      button({
        actionId: referrerDmActionIds.markReferred,
        text: 'I referred them',
        style: 'primary',
        value: encodeStatusUpdate({ referralId: input.referralId, to: 'referred' }),
      }),
      button({
        actionId: referrerDmActionIds.decline,
        text: "I can't refer them",
        style: 'danger',
        value: encodeStatusUpdate({ referralId: input.referralId, to: 'declined' }),
        confirm: {
          title: "Can't refer them?",
          text: "We'll let them know kindly. They can still ask someone else.",
          confirm: "I can't refer",
        },
      }),
      linkButton({
        actionId: referrerDmActionIds.openDm,
        text: 'Open DM',
        url: dmDeepLink(input.teamId, input.candidateUserId),
      }),
      detailsButton(input.posting),
    ]),
  );
  const tail = input.askedAnyone
    ? 'Others who can refer were asked too; whoever refers first takes it.'
    : 'Declining is fine: they are told kindly and can ask someone else.';
  blocks.push(context(`Press *I referred them* once you have submitted the referral. ${tail}`));
  return {
    text: escapeMrkdwn(`Referral request for ${plainTitle(input.posting)}`),
    blocks,
  };
}

export interface CandidateConfirmationInput {
  referralId: string;
  posting: PostingRef;
  /** Who was asked: specific referrers, or everyone who can refer. */
  askedReferrerUserIds: readonly string[];
  askedAnyone: boolean;
  showName: boolean;
}

/** The candidate's receipt after "I'm interested": who was asked, and what happens next. */
export function candidateConfirmationDm(input: CandidateConfirmationInput): SlackMessage {
  const posting = postingLinkLine(input.posting);
  const asked = input.askedAnyone
    ? `Vouch told ${plural(input.askedReferrerUserIds.length, 'person', 'people')} who can refer there that someone is interested, without your name or your note. When one of them offers, you choose whether to accept.`
    : `We asked ${mentionList(input.askedReferrerUserIds)}.`;
  const privacy = input.showName
    ? 'Your name is shown on the card, as you chose.'
    : 'The card only counts you; your name is not shown.';
  return {
    text: escapeMrkdwn(`You asked for a referral for ${plainTitle(input.posting)}`),
    blocks: [
      section(`✅ You're interested in ${posting}. ${asked}`),
      context(`You'll get a message here when they answer. ${privacy}`),
      ...actions([
        ...statusButtons(input.referralId, 'requested', 'candidate'),
        detailsButton(input.posting),
      ]),
    ],
  };
}

/** The candidate's receipt when nobody can refer yet: interest saved, they will hear when someone can. */
export function noReferrerYetDm(input: {
  referralId: string;
  posting: PostingRef;
  showName?: boolean;
}): SlackMessage {
  const posting = postingLinkLine(input.posting);
  const company = input.posting.company ? escapeMrkdwn(input.posting.company) : 'there';
  return {
    text: escapeMrkdwn(`Your interest in ${plainTitle(input.posting)} is saved`),
    blocks: [
      section(
        `📝 Your interest in ${posting} is saved. Nobody has said they can refer at ${company} yet: ` +
          "I'll message you as soon as someone does.",
      ),
      context('Know someone there? Press *Tag someone* on the card to ask them, privately.'),
      // Nobody to ask yet: only withdrawing makes sense until `referrerAppearedDm`.
      ...actions([
        ...statusButtons(input.referralId, 'interested', 'candidate').filter(
          (b) => b.action_id !== statusActionId('requested'),
        ),
        detailsButton(input.posting),
      ]),
    ],
  };
}

/** Tells a waiting candidate that someone can now refer, with the button to ask them. */
export function referrerAppearedDm(input: {
  referralId: string;
  posting: PostingRef;
  referrerUserId: string;
}): SlackMessage {
  return {
    text: escapeMrkdwn(`Someone can refer you for ${plainTitle(input.posting)}`),
    blocks: [
      section(
        `👋 Good news: ${mention(input.referrerUserId)} can refer for ${postingLinkLine(input.posting)}, ` +
          'which you were interested in. Want to ask them?',
      ),
      ...actions([
        ...statusButtons(input.referralId, 'interested', 'candidate'),
        detailsButton(input.posting),
      ]),
    ],
  };
}

type Party = 'candidate' | 'referrer';

export interface StatusChangedInput {
  referral: ReferralParties;
  from: ReferralStatus;
  to: ReferralStatus;
  actorRole: ActorRole;
  /** The note the actor added, if any. */
  note?: string | null;
  /**
   * Who receives this DM. Defaults to the other party of the actor; required in practice when
   * the system acts (a closed posting is told to both).
   */
  recipient?: Party;
}

function sentenceFor(input: StatusChangedInput, recipient: Party): string {
  const { referral, to } = input;
  const p = postingLinkLine(referral.posting);
  const c = mention(referral.candidateUserId);
  const r = referral.referrerUserId ? mention(referral.referrerUserId) : 'Your referrer';
  if (to === 'closed') {
    return recipient === 'candidate'
      ? `🔒 ${p} is no longer open, so your referral request was closed. Sorry: nothing you did. New postings appear in your channels and in Vouch's Home tab.`
      : `🔒 ${p} is no longer open, so ${c}'s referral request was closed. Nothing more to do, thank you!`;
  }
  if (recipient === 'candidate') {
    switch (to) {
      case 'referred':
        return `🎉 ${r} referred you for ${p}. Good luck! Let them know how it goes with the buttons below.`;
      case 'declined':
        return (
          `${r} can't refer you for ${p} this time. That is usually about how well they know the team, ` +
          'not about you. Others who can refer there may still help: check the card.'
        );
      case 'interviewing':
        return `🗣️ ${r} noted that you're interviewing for ${p}. Good luck!`;
      case 'offer':
        return `📝 ${r} noted that you have an offer for ${p}. Congratulations!`;
      case 'hired':
        return `🎉 ${r} recorded that you got the job: ${p}. Congratulations!`;
      case 'not_selected':
        return `🌧️ ${r} recorded that ${p} didn't work out this time. Sorry, and thank you for going for it.`;
      default:
        break;
    }
  } else {
    switch (to) {
      case 'requested':
        return `🙏 ${c} asked you for a referral for ${p}.`;
      case 'interviewing':
        return `🗣️ ${c} is interviewing for ${p}. Your referral helped!`;
      case 'offer':
        return `📝 ${c} has an offer for ${p}!`;
      case 'hired':
        return `🎉 ${c} got the job: ${p}. Thank you for vouching for them!`;
      case 'not_selected':
        return `🌧️ ${c} wasn't selected for ${p}. Thank you for referring them: it still mattered.`;
      case 'withdrawn':
        return `↩️ ${c} withdrew their request for ${p}. Nothing more to do.`;
      default:
        break;
    }
  }
  return `The referral of ${c} for ${p} is now *${statusLabel(to)}* (was ${statusLabel(input.from)}).`;
}

/**
 * Tells the other party that a referral moved, with the buttons they may press next. Covers bad
 * news too (declined, not selected, closed), kindly worded.
 */
export function statusChangedDm(input: StatusChangedInput): SlackMessage {
  const recipient: Party =
    input.actorRole === 'candidate'
      ? 'referrer'
      : input.actorRole === 'referrer'
        ? 'candidate'
        : (input.recipient ?? 'candidate');
  const actorMention =
    input.actorRole === 'candidate'
      ? mention(input.referral.candidateUserId)
      : input.actorRole === 'referrer' && input.referral.referrerUserId
        ? mention(input.referral.referrerUserId)
        : 'Vouch';
  const blocks: KnownBlock[] = [
    section(sentenceFor(input, recipient)),
    ...noteBlock(`Note from ${actorMention}:`, input.note),
    context(`Status: ${statusLabel(input.to)}`),
  ];
  if (isOpen(input.to)) {
    blocks.push(
      ...actions([
        ...statusButtons(input.referral.referralId, input.to, recipient),
        detailsButton(input.referral.posting),
      ]),
    );
  }
  return {
    text: escapeMrkdwn(`${plainTitle(input.referral.posting)}: ${statusLabel(input.to)}`),
    blocks,
  };
}

/**
 * A nudge for whoever owes the next step (see `whoOwesNextStep`), or null when nobody does
 * (a finished referral, or one no referrer has taken yet).
 */
export function reminderDm(input: {
  referral: ReferralParties;
  status: ReferralStatus;
  days: number;
}): SlackMessage | null {
  const owner = whoOwesNextStep(input.status);
  if (!owner) return null;
  if (owner === 'referrer' && input.status === 'interested' && !input.referral.referrerUserId) return null;
  const { referral } = input;
  const p = postingLinkLine(referral.posting);
  const since = plural(Math.max(1, Math.floor(input.days)), 'day');
  const sentence =
    owner === 'referrer'
      ? `⏰ ${mention(referral.candidateUserId)} asked you for a referral for ${p} ${since} ago. ` +
        "Could you refer them, or let them know you can't? Either answer helps."
      : `⏰ It's been ${since} since your referral for ${p} moved to *${statusLabel(input.status)}*. ` +
        `Any news? A quick update lets ${referral.referrerUserId ? mention(referral.referrerUserId) : 'your referrer'} know how it went.`;
  const buttons =
    owner === 'referrer'
      ? statusButtons(referral.referralId, input.status, 'referrer')
      : statusButtons(referral.referralId, input.status, 'candidate');
  return {
    text: escapeMrkdwn(`Reminder: ${plainTitle(referral.posting)}`),
    blocks: [
      section(sentence),
      ...actions([...buttons, detailsButton(referral.posting)]),
      context("One reminder per stage: I won't nag."),
    ],
  };
}

/**
 * The private DM to a tagged member: who thought of them, the card, and only the buttons of the
 * role they were tagged for.
 */
export function tagDm(input: { role: TagRole; taggedBy: string; posting: PostingCardInput }): SlackMessage {
  const by = mention(input.taggedBy);
  const title = escapeMrkdwn(truncate(displayTitle(input.posting.summary), 150));
  const intro =
    input.role === 'referrer'
      ? `👋 ${by} thought you might be able to refer for *${title}*. If you can, press *I can refer*.`
      : `👋 ${by} thought you might be interested in *${title}*. Only you can see this.`;
  const card = postingCardBlocks(input.posting, input.role);
  // The card is at most a dozen blocks, far from the 50 a message allows.
  const blocks = [section(intro), ...card];
  const ref: PostingRef = { ...input.posting.summary, postingId: input.posting.postingId };
  const lead = input.role === 'referrer' ? 'Can you refer' : 'A job for you';
  return { text: escapeMrkdwn(`${lead}: ${plainTitle(ref)}`), blocks };
}
