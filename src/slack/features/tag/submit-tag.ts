import { mention } from '../../blocks/mrkdwn.js';
import { tagDm } from '../../blocks/referral-dms.js';
import { readTagSubmission } from '../../blocks/tag-modal.js';
import { tagModalIds } from '../../ids.js';
import type { FeatureDeps } from '../feature-deps.js';
import { keepOpenWithError, readSubmission, replyToDomainError, type ViewListener } from '../listener-kit.js';

/**
 * The "Tag someone" form's submission: a private DM to the tagged colleague, nothing in the channel.
 * Bots, deactivated accounts and the tagger themself are refused; a second tag of the same person
 * for the same role says so instead of sending again.
 */
export function onTagSubmitted(deps: Pick<FeatureDeps, 'referrals' | 'notifier' | 'cards'>): ViewListener {
  const { referrals, notifier, cards } = deps;
  return async ({ ack, body, view, client }) => {
    const read = readSubmission(body, view, readTagSubmission);
    if (read === null) return keepOpenWithError(ack, tagModalIds.userBlock, 'Pick a colleague and a role.');
    const { meta, form: submission, who } = read;
    if (submission.userId === who.userId) {
      return keepOpenWithError(ack, tagModalIds.userBlock, 'Pick someone other than yourself.');
    }
    await ack();
    try {
      const info = await client.users.info({ user: submission.userId }).catch(() => null);
      if (info?.user?.is_bot === true || info?.user?.deleted === true) {
        await notifier.dm(who.userId, {
          text: 'That account cannot be tagged (it is a bot or deactivated).',
        });
        return;
      }
      const posting = await referrals.getPosting(meta.postingId);
      const [tagger, tagged] = await Promise.all([
        referrals.ensureMember(who.teamId, who.userId),
        referrals.ensureMember(who.teamId, submission.userId, info?.user?.real_name ?? null),
      ]);
      const { created } = await referrals.tag({
        postingId: posting.id,
        taggedMemberId: tagged.id,
        taggedById: tagger.id,
        role: submission.role,
      });
      if (!created) {
        await notifier.dm(who.userId, {
          text: `${mention(submission.userId)} was already told about this job.`,
        });
        return;
      }
      const input = await cards.cardInput(posting.id);
      if (input === null) return;
      await notifier.dm(
        submission.userId,
        tagDm({ role: submission.role, taggedBy: who.userId, posting: input }),
      );
      await notifier.dm(who.userId, {
        text: `Sent ${mention(submission.userId)} a private message about this job. Nothing was posted in the channel.`,
      });
    } catch (error) {
      await replyToDomainError(error, (message) => notifier.dm(who.userId, message));
    }
  };
}
