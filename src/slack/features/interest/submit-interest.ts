import type { Member } from '../../../referrals/records.js';
import { statusLabel } from '../../../referrals/status-machine.js';
import { readInterestSubmission } from '../../blocks/interest-modal.js';
import { candidateConfirmationDm, noReferrerYetDm, referrerRequestDm } from '../../blocks/referral-dms.js';
import { interestModalIds } from '../../ids.js';
import { refOf } from '../../support/posting-ref.js';
import type { FeatureDeps } from '../feature-deps.js';
import {
  cardLocation,
  domainErrorMessage,
  keepOpenWithError,
  readSubmission,
  replyToDomainError,
  type ViewListener,
} from '../listener-kit.js';

/**
 * The interest form's submission: creates the referral, asks the referrer(s), confirms to the
 * candidate. It acknowledges first: the modal closes at once and the rest happens after.
 */
export function onInterestSubmitted(
  deps: Pick<FeatureDeps, 'referrals' | 'notifier' | 'cards' | 'home' | 'notices' | 'logger'>,
): ViewListener {
  const { referrals, notifier, cards, home, notices, logger } = deps;
  return async ({ ack, body, view }) => {
    const read = readSubmission(body, view, readInterestSubmission);
    if (read === null) {
      await keepOpenWithError(
        ack,
        interestModalIds.noteBlock,
        'Vouch could not read this form. Please close it and try again.',
      );
      logger.warn('malformed interest submission refused');
      return;
    }
    const { meta, form: submission, who } = read;
    // Written before the modal closes: if the write fails the member still sees the form, with why.
    let saved: Awaited<ReturnType<typeof record>>;
    try {
      saved = await record();
    } catch (error) {
      const expected = domainErrorMessage(error);
      if (expected === null) logger.warn({ err: error }, 'interest not saved: the form stays open');
      await keepOpenWithError(
        ack,
        interestModalIds.noteBlock,
        expected ??
          'Vouch could not save this just now. Your note is still here: please try again in a moment.',
      );
      return;
    }
    if (saved === null) {
      await keepOpenWithError(
        ack,
        interestModalIds.noteBlock,
        '🔒 This posting closed in the meantime, so Vouch is not taking interest in it.',
      );
      return;
    }
    await ack();

    /** The referral, written; null when the posting closed meanwhile. */
    async function record() {
      const candidate = await referrals.ensureMember(who.teamId, who.userId);
      const posting = await referrals.getPosting(meta.postingId);
      if (posting.status === 'closed') return null;
      const available = (await referrals.referrersFor(posting)).filter((m) => m.id !== candidate.id);
      let asked: Member[] = [];
      let ask: string | 'anyone' | null = null;
      if (submission.referrer.kind === 'member') {
        const chosenId = submission.referrer.userId;
        const chosen = available.find((m) => m.slackUserId === chosenId);
        if (chosen !== undefined) {
          asked = [chosen];
          ask = chosen.id;
        }
      }
      if (ask === null && available.length > 0) {
        asked = available;
        ask = 'anyone';
      }
      const written = await referrals.expressInterest({
        postingId: posting.id,
        candidateId: candidate.id,
        note: submission.note,
        ask,
        invite: ask === 'anyone' ? asked.map((m) => m.id) : [],
        showName: submission.showName,
        channelId: cardLocation(meta.context).channel ?? null,
      });
      return { ...written, posting, asked, ask };
    }

    const { referral, created, invited, posting, asked, ask } = saved;
    try {
      const ref = refOf(posting);
      if (!created) {
        await notifier.dm(who.userId, {
          text: `You already told Vouch you're interested in this job (status: ${statusLabel(referral.status)}). Your note and name choice are updated.`,
        });
      } else if (ask === null) {
        await notifier.dm(
          who.userId,
          noReferrerYetDm({ referralId: referral.id, posting: ref, showName: submission.showName }),
        );
      } else {
        if (ask === 'anyone') {
          // Double opt-in: the referrers hear that someone is interested, not who.
          await notices.invited(referral, invited);
        } else {
          await notifier.dm(
            asked[0]?.slackUserId ?? '',
            referrerRequestDm({
              referralId: referral.id,
              candidateUserId: who.userId,
              posting: ref,
              note: submission.note,
              teamId: who.teamId,
            }),
          );
        }
        await notifier.dm(
          who.userId,
          candidateConfirmationDm({
            referralId: referral.id,
            posting: ref,
            askedReferrerUserIds: asked.map((m) => m.slackUserId),
            askedAnyone: ask === 'anyone',
            showName: submission.showName,
          }),
        );
      }
      await Promise.all([
        cards.refresh(posting),
        home.publish(who.teamId, who.userId),
        ...(ask !== 'anyone' ? asked.map((m) => home.publish(who.teamId, m.slackUserId)) : []),
      ]);
    } catch (error) {
      await replyToDomainError(error, (message) => notifier.dm(who.userId, message));
    }
  };
}
