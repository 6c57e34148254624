import { isFreeMailDomain } from '../../referrals/company-domains.js';
import { slashCommand } from '../ids.js';
import { context, type KnownBlock, type SlackMessage, section } from './block-kit.js';
import { oneLine, truncate } from './limits.js';
import { escapeMrkdwn, joinWithMore, mention } from './mrkdwn.js';

/**
 * Verified referrers in messages: the ✓ beside a referrer whose Slack e-mail is at the company's
 * domain, what a referrer is told about their own verification, and `/vouch company-domain`. Nobody's
 * e-mail address appears anywhere: a member sees only their own e-mail's domain, in answers to them.
 */

const c = slashCommand;

/** The mark beside a verified referrer. */
export const VERIFIED_MARK = '✓';

/** One line that says what the mark means, under any list that shows it. */
export const VERIFIED_LEGEND = `${VERIFIED_MARK} verified: Slack e-mail at the company's domain · others are self-declared`;

/** A referrer as lists show them. */
export interface ReferrerMention {
  userId: string;
  /** Absent means self-declared. */
  verified?: boolean;
}

/**
 * "<@U1> ✓, <@U2> and 3 more": mentions with the mark on the verified ones. `total`: how many there
 * are when `referrers` holds only the first of them (a card's lists are cut in SQL).
 */
export function referrerMentions(
  referrers: readonly ReferrerMention[],
  max = 10,
  total = referrers.length,
): string {
  return joinWithMore(
    referrers,
    (r) => (r.verified ? `${mention(r.userId)} ${VERIFIED_MARK}` : mention(r.userId)),
    max,
    total,
  );
}

function companyName(company: string): string {
  return escapeMrkdwn(truncate(oneLine(company), 100));
}

function domainList(domains: readonly string[]): string {
  return domains.map((d) => `\`${escapeMrkdwn(d)}\``).join(', ');
}

/** Where a referrer stands, as told to them alone after they said they can refer. */
export interface OwnVerification {
  company: string;
  verified: boolean;
  /** false under `VOUCH_REFERRERS=verified` for a self-declared referrer. */
  receivesRequests: boolean;
  /** The domain of their own Slack e-mail (shown to them only); null when Vouch sees none. */
  emailDomain: string | null;
  /** The company's domains as Vouch knows them. */
  companyDomains: readonly string[];
}

/** Why a referrer is self-declared, in their words' terms: about their own e-mail, never anyone else's. */
export function selfDeclaredReason(input: OwnVerification): string {
  const company = companyName(input.company);
  if (input.emailDomain === null) return 'Vouch sees no e-mail address on your Slack profile';
  const yours = `\`${escapeMrkdwn(input.emailDomain)}\``;
  if (isFreeMailDomain(input.emailDomain))
    return `your Slack e-mail is at ${yours}, a personal e-mail provider`;
  if (input.companyDomains.length === 0)
    return `your Slack e-mail's domain is ${yours}, and Vouch doesn't know ${company}'s domain yet`;
  return `your Slack e-mail's domain (${yours}) isn't ${company}'s (${domainList(input.companyDomains)})`;
}

/**
 * The line after "I can refer" / `refer-at` about the referrer's own verification: ✓, self-declared
 * (and why), or, when the workspace asks for verified referrers, that they will not receive requests.
 */
export function ownVerificationBlock(input: OwnVerification): KnownBlock {
  const company = companyName(input.company);
  if (input.verified) {
    return context(
      `${VERIFIED_MARK} Verified: your Slack e-mail is at ${company}'s domain, so lists show you with ${VERIFIED_MARK}.`,
    );
  }
  const fix = `If you work there, use your work e-mail in Slack, or ask a workspace admin: \`${c} company-domain ${company} <domain>\`.`;
  if (!input.receivesRequests) {
    return section(
      `⚠️ You're listed as self-declared, and this workspace sends referral requests only to verified referrers: ${selfDeclaredReason(input)}. ${fix}`,
    );
  }
  return context(`Shown as self-declared: ${selfDeclaredReason(input)}. ${fix}`);
}

/** What `/vouch company-domain` answers. */
export type CompanyDomainOutcome =
  | {
      kind: 'list';
      company: string;
      known: boolean;
      domains: ReadonlyArray<{ domain: string; from: 'posting' | 'admin' }>;
      removed: readonly string[];
    }
  | { kind: 'added' | 'removed'; company: string; domain: string; verifiedCount: number }
  | { kind: 'unknownCompany'; company: string }
  | { kind: 'notAdmin'; company: string }
  | { kind: 'cannotCheck' }
  | { kind: 'unusable'; domain: string; why: 'job_board' | 'free_mail' }
  | { kind: 'invalid'; text: string };

/** The answer to `/vouch company-domain …`, seen only by the member who asked. */
export function companyDomainResult(outcome: CompanyDomainOutcome): SlackMessage {
  const say = (text: string, note?: string): SlackMessage => ({
    text,
    blocks: [section(text), ...(note ? [context(note)] : [])],
  });
  switch (outcome.kind) {
    case 'list': {
      const company = companyName(outcome.company);
      if (!outcome.known) return say(`Vouch doesn't know a company called *${company}* yet.`);
      const lines = outcome.domains.map(
        (d) =>
          `• \`${escapeMrkdwn(d.domain)}\` ${d.from === 'admin' ? '(added by an admin)' : '(from its postings)'}`,
      );
      if (outcome.removed.length > 0)
        lines.push(`Not counted (removed by an admin): ${domainList(outcome.removed)}`);
      const head =
        outcome.domains.length === 0
          ? `Vouch knows no domain of *${company}* yet, so nobody is verified there.`
          : `*${company}'s domains:* referrers whose Slack e-mail is at one of them show as verified ${VERIFIED_MARK}.`;
      return say(
        [head, ...lines].join('\n'),
        `Admins: \`${c} company-domain ${company} <domain>\` adds one, \`${c} company-domain remove ${company} <domain>\` removes one.`,
      );
    }
    case 'added':
      return say(
        `✅ \`${escapeMrkdwn(outcome.domain)}\` now counts as *${companyName(outcome.company)}*'s domain. ` +
          `${outcome.verifiedCount} of its referrers ${outcome.verifiedCount === 1 ? 'is' : 'are'} verified ${VERIFIED_MARK}.`,
      );
    case 'removed':
      return say(
        `Done: \`${escapeMrkdwn(outcome.domain)}\` no longer counts as *${companyName(outcome.company)}*'s domain, ` +
          `not even from its postings. ${outcome.verifiedCount} of its referrers ${outcome.verifiedCount === 1 ? 'is' : 'are'} verified ${VERIFIED_MARK}.`,
      );
    case 'unknownCompany':
      return say(`Vouch doesn't know a company called *${companyName(outcome.company)}*: nothing to remove.`);
    case 'notAdmin':
      return say(
        "Only the workspace's admins and owners can change a company's domains.",
        `Anyone can see them: \`${c} company-domain ${companyName(outcome.company)}\`.`,
      );
    case 'cannotCheck':
      return say(
        "Vouch couldn't ask Slack whether you're a workspace admin just now. Please try again in a moment.",
      );
    case 'unusable':
      return say(
        outcome.why === 'job_board'
          ? `\`${escapeMrkdwn(outcome.domain)}\` is a job board's or hiring platform's domain: it can't verify anyone.`
          : `\`${escapeMrkdwn(outcome.domain)}\` is a personal e-mail provider: it can't verify anyone.`,
      );
    case 'invalid':
      return say(
        `🤔 I couldn't read a domain in \`${escapeMrkdwn(truncate(oneLine(outcome.text), 200)).replace(/`/g, "'")}\`.`,
        `Try \`${c} company-domain Acme acme.com\`, or \`${c} company-domain Acme\` to list them.`,
      );
  }
}
