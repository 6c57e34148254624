import { ReferralError } from '../../referrals/referral-service.js';
import type { Message } from './notifier.js';

/**
 * The one road for errors inside a listener's work: an expected domain error (a `ReferralError`,
 * whose message is written for the member) becomes a private reply; anything else is rethrown to
 * reach the single `app.error`, logged once with its cause.
 */
export async function replyToDomainError(
  error: unknown,
  reply: (message: Message) => Promise<unknown>,
): Promise<void> {
  if (error instanceof ReferralError) {
    await reply({ text: error.message });
    return;
  }
  throw error;
}
