import { z } from 'zod';

/**
 * The referral pipeline: one pure table of who may move a referral from which status to which.
 * The service asks this module before every change; listeners use `nextActions` to draw buttons.
 *
 * Semantics (see README.md):
 * - `interested`: the candidate's interest is recorded; no referrer has been asked yet (usually
 *   because nobody can refer there yet). Creating a referral is not a transition: it starts here.
 * - `requested`: the candidate asked a referrer (or anyone who can refer).
 * - `referred` → `interviewing` → `offer` → `hired`: the forward path, recorded by either party.
 * - exits: `declined` (referrer), `not_selected` (either), `withdrawn` (candidate),
 *   `closed` (the system, when the posting is gone).
 */
export const referralStatuses = [
  'interested',
  'requested',
  'referred',
  'interviewing',
  'offer',
  'hired',
  'declined',
  'not_selected',
  'withdrawn',
  'closed',
] as const;

export const referralStatusSchema = z.enum(referralStatuses);
export type ReferralStatus = z.infer<typeof referralStatusSchema>;

export const actorRoles = ['candidate', 'referrer', 'system'] as const;
export const actorRoleSchema = z.enum(actorRoles);
/** Who is acting: the candidate, the referrer, or Vouch itself (liveness checks). */
export type ActorRole = z.infer<typeof actorRoleSchema>;

/** Statuses a referral can still move from: the one list every query and job uses. */
export const openStatuses = ['interested', 'requested', 'referred', 'interviewing', 'offer'] as const;
export type OpenStatus = (typeof openStatuses)[number];

/** Statuses with no way out. */
export const terminalStatuses: readonly ReferralStatus[] = referralStatuses.filter(
  (s) => !(openStatuses as readonly string[]).includes(s),
);

type Parties = readonly ActorRole[];
const candidate: Parties = ['candidate'];
const referrer: Parties = ['referrer'];
const either: Parties = ['candidate', 'referrer'];
const system: Parties = ['system'];

/** from → to → roles allowed. Anything absent is not a transition. */
const edges: Record<OpenStatus, Partial<Record<ReferralStatus, Parties>>> = {
  interested: {
    requested: candidate,
    referred: referrer,
    declined: referrer,
    withdrawn: candidate,
    closed: system,
  },
  requested: { referred: referrer, declined: referrer, withdrawn: candidate, closed: system },
  referred: { interviewing: either, not_selected: either, withdrawn: candidate, closed: system },
  interviewing: { offer: either, not_selected: either, withdrawn: candidate, closed: system },
  offer: { hired: either, not_selected: either, withdrawn: candidate, closed: system },
};

/** True while the referral can still move. */
export function isOpen(status: ReferralStatus): boolean {
  return (openStatuses as readonly ReferralStatus[]).includes(status);
}

function rolesFor(from: ReferralStatus, to: ReferralStatus): Parties | undefined {
  if (!isOpen(from)) return undefined;
  return edges[from as OpenStatus][to];
}

/** Whether `role` may move a referral from `from` to `to`. */
export function canTransition(from: ReferralStatus, to: ReferralStatus, role: ActorRole): boolean {
  return rolesFor(from, to)?.includes(role) ?? false;
}

export type TransitionResult = { ok: true } | { ok: false; reason: string };

/** "This referral is already …" */
const statePhrase: Record<ReferralStatus, string> = {
  interested: 'marked interested',
  requested: 'requested',
  referred: 'referred',
  interviewing: 'at the interview stage',
  offer: 'at the offer stage',
  hired: 'hired',
  declined: 'declined',
  not_selected: 'marked not selected',
  withdrawn: 'withdrawn',
  closed: 'closed',
};

/** "Only the referrer can …" */
const actPhrase: Record<ReferralStatus, string> = {
  interested: 'mark this as interested',
  requested: 'ask for a referral',
  referred: 'mark this as referred',
  interviewing: 'record an interview',
  offer: 'record an offer',
  hired: 'record a hire',
  declined: 'decline this request',
  not_selected: 'mark this as not selected',
  withdrawn: 'withdraw this request',
  closed: 'close a referral',
};

function whoMay(roles: Parties): string {
  if (roles.includes('system')) return 'Vouch';
  if (roles.length === 2) return 'the candidate or the referrer';
  return `the ${roles[0]}`;
}

/**
 * Checks one status change. The reason is a sentence for the person who clicked: it says what is
 * wrong without blaming them ("This referral is already hired.").
 */
export function transition(from: ReferralStatus, to: ReferralStatus, role: ActorRole): TransitionResult {
  if (!isOpen(from) || from === to) {
    return { ok: false, reason: `This referral is already ${statePhrase[from]}.` };
  }
  const roles = rolesFor(from, to);
  if (!roles) {
    return {
      ok: false,
      reason: `A referral that is ${statePhrase[from]} can't be moved to “${statusName(to)}”.`,
    };
  }
  if (!roles.includes(role)) {
    const suffix = to === 'closed' ? ', when the posting is gone' : '';
    return { ok: false, reason: `Only ${whoMay(roles)} can ${actPhrase[to]}${suffix}.` };
  }
  return { ok: true };
}

/** The statuses `role` may move to from `status`, forward path first: the buttons to show. */
export function nextActions(status: ReferralStatus, role: ActorRole): ReferralStatus[] {
  return referralStatuses.filter((to) => canTransition(status, to, role));
}

/**
 * Who a reminder should nudge when a referral sits at `status`.
 * - `interested` / `requested`: a referrer owes the next step (refer or decline). At `interested`
 *   nobody may have been asked yet: the reminder job skips referrals with no referrer to nudge.
 * - `referred` / `interviewing` / `offer`: the candidate owes an update on how it went.
 * - terminal statuses: nobody.
 */
export function whoOwesNextStep(status: ReferralStatus): 'candidate' | 'referrer' | null {
  switch (status) {
    case 'interested':
    case 'requested':
      return 'referrer';
    case 'referred':
    case 'interviewing':
    case 'offer':
      return 'candidate';
    default:
      return null;
  }
}

const names: Record<ReferralStatus, string> = {
  interested: 'Interested',
  requested: 'Referral requested',
  referred: 'Referred',
  interviewing: 'Interviewing',
  offer: 'Offer',
  hired: 'Hired',
  declined: 'Declined',
  not_selected: 'Not selected',
  withdrawn: 'Withdrawn',
  closed: 'Closed',
};

const emoji: Record<ReferralStatus, string> = {
  interested: '👀',
  requested: '🙏',
  referred: '📨',
  interviewing: '🗣️',
  offer: '📝',
  hired: '🎉',
  declined: '🚫',
  not_selected: '🌧️',
  withdrawn: '↩️',
  closed: '🔒',
};

/** The status in words, no emoji ("Referral requested"). */
export function statusName(status: ReferralStatus): string {
  return names[status];
}

/** The status for people, with an emoji ("🎉 Hired"). */
export function statusLabel(status: ReferralStatus): string {
  return `${emoji[status]} ${names[status]}`;
}
