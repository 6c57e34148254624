import { type ReferralStatus, referralStatuses, statusLabel } from '../../referrals/status-machine.js';
import { privacyActionIds, slashCommand } from '../ids.js';
import {
  actions,
  button,
  context,
  header,
  type KnownBlock,
  type SlackMessage,
  section,
} from './block-kit.js';
import type { CandidateReferralRow, ReferrerReferralRow } from './home-view.js';
import { fitBlocks, oneLine, slackLimits, truncate } from './limits.js';
import { escapeMrkdwn, mention } from './mrkdwn.js';
import { postingLinkLine } from './posting-format.js';
import { referrerMentions, VERIFIED_LEGEND } from './verification-blocks.js';

/** Results of `/vouch` subcommands: data in, ephemeral message out. */

const c = slashCommand;

function fitMessage(content: KnownBlock[], notice: string): KnownBlock[] {
  return fitBlocks({ content, maxBlocks: slackLimits.messageBlocks, notice: context(notice) }).blocks;
}

function companyName(company: string): string {
  return escapeMrkdwn(truncate(oneLine(company), 100));
}

/** `/vouch help`, and the answer to anything we did not understand (`unknownText` is echoed). */
export function helpText(options: { unknownText?: string; channelLine?: string } = {}): SlackMessage {
  const lines = [
    `\`${c} <job link> [note]\`: share a job with a card (works for any job site)`,
    `\`${c} list [company] [in &lt;place&gt;] [remote|hybrid|onsite] [can-refer] [last &lt;n&gt; days] [page &lt;n&gt;]\`: open postings, e.g. \`${c} list remote berlin can-refer\` (other words are a company, else a place; the Home tab's *Browse open postings* has the same filters)`,
    `\`${c} mine\`: your referrals, as candidate and as referrer`,
    `\`${c} refer-at <company>\`: say you can refer at a company`,
    `\`${c} refer-at remove <company>\`: stop referring there`,
    `\`${c} referrers <company>\`: who can refer at a company (✓ verified by their Slack e-mail)`,
    `\`${c} company-domain <company> [domain]\`: a company's domains; admins add (or \`remove\`) one`,
    `\`${c} follow <company>\` or \`${c} follow &lt;keywords&gt; [remote|hybrid|onsite] [in &lt;place&gt;]\`: get matching postings in a DM`,
    `\`${c} following\` / \`${c} unfollow &lt;n|all&gt;\`: your follows`,
    `\`${c} digest [daily|weekly|off]\`: in a channel, a digest of the open postings shared there (\`${c} digest\` says when the next one goes out)`,
    `\`${c} channel\` / \`${c} channel cards on|off\`: this channel's settings (cards on job links)`,
    `\`${c} stats\`: postings, referrals and hires`,
    `\`${c} version\`: which Vouch this is`,
    `\`${c} privacy\`: who sees what`,
    `\`${c} export\`: get a file of everything Vouch holds about you`,
    `\`${c} forget-me\`: erase everything Vouch holds about you`,
  ];
  const blocks: KnownBlock[] = [];
  if (options.unknownText?.trim()) {
    blocks.push(
      section(
        `🤔 I didn't understand \`${escapeMrkdwn(truncate(oneLine(options.unknownText), 200)).replace(/`/g, "'")}\`.`,
      ),
    );
  }
  blocks.push(
    section(`*Vouch helps your team refer each other to jobs.*\n${lines.map((l) => `• ${l}`).join('\n')}`),
  );
  blocks.push(
    context(
      "Paste a job link in a channel and Vouch adds a card: press *I can refer* or *I'm interested*. " +
        'Interest is private unless you choose to show your name.',
    ),
  );
  if (options.channelLine) blocks.push(context(options.channelLine));
  return { text: `Vouch: ${c} help`, blocks };
}

/** `/vouch mine`: statuses only; the Home tab has the buttons. */
export function mineResult(input: {
  asCandidate: readonly CandidateReferralRow[];
  asReferrer: readonly ReferrerReferralRow[];
}): SlackMessage {
  const content: KnownBlock[] = [];
  content.push(section('*Your referral requests*'));
  if (input.asCandidate.length === 0)
    content.push(context("None yet: press *I'm interested* on a job card."));
  for (const row of input.asCandidate) {
    const who = row.referrerUserId ? ` · ${mention(row.referrerUserId)}` : '';
    content.push(section(`${postingLinkLine(row.posting, 100)}\n${statusLabel(row.status)}${who}`));
  }
  content.push(section('*Referrals you were asked for*'));
  if (input.asReferrer.length === 0) content.push(context('None yet.'));
  for (const row of input.asReferrer) {
    content.push(
      section(
        `${mention(row.candidateUserId)} for ${postingLinkLine(row.posting, 100)}\n${statusLabel(row.status)}`,
      ),
    );
  }
  content.push(context('Update a status from the Vouch *Home* tab.'));
  return {
    text: 'Your referrals',
    blocks: fitMessage(content, '…and more: the Vouch Home tab shows the most recent with buttons.'),
  };
}

/** `/vouch referrers <company>`. */
export function referrersResult(input: {
  company: string;
  referrerUserIds: readonly string[];
  /** Those verified at the company (✓); the others are self-declared. */
  verifiedUserIds?: readonly string[];
}): SlackMessage {
  const company = companyName(input.company);
  if (input.referrerUserIds.length === 0) {
    return {
      text: `Nobody can refer at ${company} yet`,
      blocks: [
        section(`Nobody has said they can refer at *${company}* yet.`),
        context(`Can you? \`${c} refer-at ${company}\``),
      ],
    };
  }
  const verified = new Set(input.verifiedUserIds ?? []);
  const referrers = input.referrerUserIds.map((userId) => ({ userId, verified: verified.has(userId) }));
  return {
    text: `Who can refer at ${company}`,
    blocks: [
      section(`*Who can refer at ${company}:*\n${referrerMentions(referrers, 40)}`),
      context(`${VERIFIED_LEGEND}. Vouch never shows anyone's e-mail.`),
    ],
  };
}

/** The answer to `/vouch refer-at [remove] <company>`. */
export function referAtResult(input: { company: string; removed: boolean; changed: boolean }): SlackMessage {
  const company = companyName(input.company);
  const text = input.removed
    ? input.changed
      ? `Done: you're no longer listed as a referrer at *${company}*.`
      : `You weren't listed as a referrer at *${company}*.`
    : input.changed
      ? `👍 Noted: you can refer at *${company}*. Its postings will list you, and \`${c} referrers ${company}\` finds you.`
      : `You're already listed as a referrer at *${company}*.`;
  return { text, blocks: [section(text)] };
}

export interface StatsInput {
  postings: { open: number; closed: number };
  referralsByStatus: Partial<Record<ReferralStatus, number>>;
  /** Members who can refer somewhere. */
  referrers?: number;
}

/** `/vouch version`: the running Vouch and Node, for a bug report. */
export function versionResult(input: { version: string; node: string }): SlackMessage {
  const line = `Vouch ${input.version} on Node ${input.node}`;
  return { text: escapeMrkdwn(line), blocks: [section(`ℹ️ ${escapeMrkdwn(line)}`)] };
}

/** `/vouch stats`: postings, referrals by status, hires. */
export function statsResult(input: StatsInput): SlackMessage {
  const total = referralStatuses.reduce((sum, s) => sum + (input.referralsByStatus[s] ?? 0), 0);
  const hires = input.referralsByStatus.hired ?? 0;
  const byStatus = referralStatuses
    .filter((s) => (input.referralsByStatus[s] ?? 0) > 0)
    .map((s) => `${statusLabel(s)}: *${input.referralsByStatus[s]}*`);
  const fields = [
    `📌 *${input.postings.open}* open postings · ${input.postings.closed} closed`,
    `🤝 *${total}* referral requests · 🎉 *${hires}* hired`,
    ...(input.referrers !== undefined ? [`🙋 *${input.referrers}* members can refer somewhere`] : []),
  ];
  return {
    text: `Vouch stats: ${total} referrals, ${hires} hired`,
    blocks: [
      header('Vouch in numbers'),
      section(fields.join('\n')),
      ...(byStatus.length > 0 ? [section(byStatus.join('\n'))] : []),
    ],
  };
}

/** `/vouch privacy`: who sees what, in plain words, and what the member can do about their data. */
export function privacyResult(input: { noteRetentionDays: number }): SlackMessage {
  const seen = [
    "*Your interest is private.* When you press *I'm interested*, the card in the channel shows a count, not your name, unless you tick *show my name*.",
    '*Asking anyone who can refer:* the people who can refer at that company are told "Someone in #channel is interested in this role at your company", without your name or your note. You see who offers to refer, and you choose whom to accept.',
    '*Your name and your note* reach only a referrer you accepted, or the referrer you picked yourself.',
    `*Referrers are public:* anyone here can see who can refer at a company (on the cards, and with \`${c} referrers <company>\`).`,
    "*Verified referrers:* when you say you can refer, Vouch reads your Slack e-mail's domain (never keeping the address) to show ✓ where it is the company's own; nobody else sees it.",
    '*Links you share* appear in the channel with your name and your note, like any message.',
    'The people who run Vouch for this workspace can read its database.',
  ];
  const yours = [
    `\`${c} export\`: I send you a file (JSON) of everything Vouch holds about you.`,
    `\`${c} forget-me\`: erases it, after you confirm. Referrals you made for others stay on their history as "a former member", without your name or your words.`,
    `Notes on a referral are erased ${input.noteRetentionDays} days after it closed.`,
    'If your Slack account is deactivated, or Vouch is removed from the workspace, the same erasure happens on its own.',
  ];
  return {
    text: 'Vouch: who sees what',
    blocks: [
      header('Who sees what in Vouch'),
      section(seen.map((line) => `• ${line}`).join('\n')),
      section(`*Your data*\n${yours.map((line) => `• ${line}`).join('\n')}`),
    ],
  };
}

/** The answer to `/vouch export`: the file is on its way, or there is nothing to send. */
export function exportResult(outcome: 'sent' | 'nothing' | 'failed'): SlackMessage {
  const text =
    outcome === 'sent'
      ? '📦 I sent you a DM with a file of everything Vouch holds about you.'
      : outcome === 'nothing'
        ? 'Vouch holds nothing about you.'
        : "I couldn't send you the file. Please try again in a moment.";
  return { text, blocks: [section(text)] };
}

/** `/vouch forget-me`: what will go, and a red button that asks once more. */
export function forgetMePrompt(): SlackMessage {
  const text =
    '*Erase everything Vouch holds about you?*\n' +
    'Your referral requests and notes, the companies and postings you can refer for, your tags, and your name on links you shared. ' +
    'Referrals you made for others stay on their history as "a former member", without your words. ' +
    `This cannot be undone; \`${c} export\` first if you want a copy.`;
  return {
    text: 'Erase everything Vouch holds about you?',
    blocks: [
      section(text),
      ...actions([
        button({
          actionId: privacyActionIds.eraseEverything,
          text: 'Erase everything',
          value: 'erase',
          style: 'danger',
          confirm: {
            title: 'Erase everything?',
            text: 'Vouch will erase everything it holds about you. This cannot be undone.',
            confirm: 'Erase everything',
            deny: 'Keep my data',
          },
        }),
      ]),
    ],
  };
}

/** After the erase button: done (or there was nothing to erase). */
export function erasedResult(erased: boolean): SlackMessage {
  const text = erased
    ? '🧹 Done: Vouch has erased everything it held about you.'
    : 'Vouch held nothing about you: there was nothing to erase.';
  return { text, blocks: [section(text)] };
}
