import type { OfferStatus } from './records.js';
import { type ActorRole, type ReferralStatus, transition } from './status-machine.js';

/**
 * Who may do what to one referral: the one place that decides, from database rows only. A value in a
 * button or a payload says which referral a click is about (a handle); it never says who may act.
 *
 * Where a member stands:
 * - `candidate`: the member who asked;
 * - `referrer`: the referrer the candidate named, or one whose offer the candidate accepted: the only
 *   people, with the candidate, who see the candidate's name and note;
 * - `invited`: told anonymously that someone is interested (an open request reached them);
 * - `offered`: offered to refer, waiting for the candidate;
 * - `outsider`: anyone else, including a referrer who declined.
 */
export type Standing = 'candidate' | 'referrer' | 'invited' | 'offered' | 'outsider';

export interface ReferralFacts {
  candidateId: string;
  referrerId: string | null;
  /** Asked of anyone who can refer, through anonymous offers. */
  askAnyone: boolean;
  status: ReferralStatus;
}

/** The member's own offer on the referral, if any. */
export interface OfferFacts {
  status: OfferStatus;
}

export function standingOf(referral: ReferralFacts, offer: OfferFacts | null, memberId: string): Standing {
  if (memberId === referral.candidateId) return 'candidate';
  if (memberId === referral.referrerId || offer?.status === 'accepted') return 'referrer';
  if (offer?.status === 'invited') return 'invited';
  if (offer?.status === 'offered') return 'offered';
  return 'outsider';
}

export type ReferralAction =
  /** See the candidate's name and note (DMs, App Home, `/vouch mine`, exports of others' data). */
  | { kind: 'see_candidate' }
  /** Answer an anonymous request with "Offer to refer". */
  | { kind: 'offer' }
  /** Accept a referrer's offer. */
  | { kind: 'accept_offer' }
  /** Move the referral in its pipeline (the state machine then decides the edge). */
  | { kind: 'change_status'; to: ReferralStatus }
  /** Say how well the referrer knows the candidate. */
  | { kind: 'set_relationship' };

export type Verdict = { ok: true; role: ActorRole; viaOffer: boolean } | { ok: false; reason: string };

const notYours = 'This referral is not yours to update.';

/**
 * May a member standing so on the referral do this? `viaOffer` marks a decline by a referrer of an
 * open request: it ends their offer, not the request.
 */
export function may(standing: Standing, action: ReferralAction, referral: ReferralFacts): Verdict {
  const yes = (role: ActorRole, viaOffer = false): Verdict => ({ ok: true, role, viaOffer });
  const no = (reason: string = notYours): Verdict => ({ ok: false, reason });
  switch (action.kind) {
    case 'see_candidate':
      return standing === 'candidate' ? yes('candidate') : standing === 'referrer' ? yes('referrer') : no();
    case 'offer':
      if (standing === 'offered') return no('You already offered: the candidate decides now.');
      if (standing === 'referrer') return no('The candidate already accepted your offer.');
      if (standing !== 'invited') return no('This request is not open to you.');
      return referral.status === 'requested' ? yes('referrer') : no('This request is no longer open.');
    case 'accept_offer':
      if (standing !== 'candidate') return no('Only the candidate can accept an offer.');
      return referral.status === 'requested' ? yes('candidate') : no('This request is no longer open.');
    case 'set_relationship':
      return standing === 'referrer' ? yes('referrer') : no('That referral is no longer yours to update.');
    case 'change_status': {
      const declining = action.to === 'declined';
      const role: ActorRole | null =
        standing === 'candidate'
          ? 'candidate'
          : standing === 'referrer' || (declining && (standing === 'invited' || standing === 'offered'))
            ? 'referrer'
            : null;
      if (role === null) return no('Only the candidate and their referrer can update this referral.');
      const edge = transition(referral.status, action.to, role);
      if (!edge.ok) return edge;
      // A referrer of an open request declines their own part; the request goes on for the others.
      return yes(role, declining && role === 'referrer' && referral.askAnyone);
    }
  }
}
