import { VouchError } from '../errors.js';

/** What a domain error can be; `src/slack/features/listener-kit.ts` maps each to a member's message. */
export type ReferralErrorCode = 'posting_not_found' | 'referral_not_found' | 'invalid_company';

/** Not found, or not valid: expected, and answered with a friendly message in a private reply. */
export class ReferralError extends VouchError<ReferralErrorCode> {
  override readonly name = 'ReferralError';
}
