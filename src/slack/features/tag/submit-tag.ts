import { addJob } from '../../../work/work-queue.js';
import { mention } from '../../blocks/mrkdwn.js';
import { tagDm } from '../../blocks/referral-dms.js';
import { readTagSubmission } from '../../blocks/tag-modal.js';
import { dmJob } from '../../effects/effect-jobs.js';
import { tagModalIds } from '../../ids.js';
import type { FeatureDeps } from '../feature-deps.js';
import {
  keepOpenAfterFailedWrite,
  keepOpenWithError,
  readSubmission,
  type ViewListener,
} from '../listener-kit.js';

/**
 * The "Tag someone" form's submission: a private DM to the tagged colleague, nothing in the channel.
 * The tag and both DMs (to the colleague, and the tagger's confirmation) are written in one
 * transaction before the form closes; bots, deactivated accounts, the tagger themself, a colleague
 * already told and a failed write keep the form open with why.
 */
export function onTagSubmitted(
  deps: Pick<FeatureDeps, 'referrals' | 'cards' | 'work' | 'logger'>,
): ViewListener {
  const { referrals, cards, work, logger } = deps;
  return async ({ ack, body, view, client }) => {
    const read = readSubmission(body, view, readTagSubmission);
    if (read === null) return keepOpenWithError(ack, tagModalIds.userBlock, 'Pick a colleague and a role.');
    const { meta, form: submission, who } = read;
    if (submission.userId === who.userId) {
      return keepOpenWithError(ack, tagModalIds.userBlock, 'Pick someone other than yourself.');
    }
    const info = await client.users.info({ user: submission.userId }).catch(() => null);
    if (info?.user?.is_bot === true || info?.user?.deleted === true) {
      return keepOpenWithError(
        ack,
        tagModalIds.userBlock,
        'That account cannot be tagged (it is a bot or deactivated).',
      );
    }
    let outcome: 'sent' | 'already' | 'gone';
    try {
      outcome = await record(info?.user?.real_name ?? null);
    } catch (error) {
      return keepOpenAfterFailedWrite(ack, tagModalIds.userBlock, error, {
        logger,
        what: 'tag',
        fallback: 'Vouch could not save this just now. Please try again in a moment.',
      });
    }
    if (outcome === 'already') {
      return keepOpenWithError(ack, tagModalIds.userBlock, 'They were already told about this job.');
    }
    await ack();
    work.wake();

    /** The tag and its two DMs, written together. */
    async function record(realName: string | null): Promise<'sent' | 'already' | 'gone'> {
      const posting = await referrals.getPosting(meta.postingId);
      const [tagger, tagged, input] = await Promise.all([
        referrals.ensureMember(who.teamId, who.userId),
        referrals.ensureMember(who.teamId, submission.userId, realName),
        cards.cardInput(posting.id),
      ]);
      if (input === null) return 'gone';
      const { created } = await referrals.tag(
        { postingId: posting.id, taggedMemberId: tagged.id, taggedById: tagger.id, role: submission.role },
        (tx, { tagId }) =>
          addJob(
            tx,
            dmJob(
              `tag:${tagId}:dm`,
              submission.userId,
              tagDm({ role: submission.role, taggedBy: who.userId, posting: input }),
            ),
            dmJob(`tag:${tagId}:confirm`, who.userId, {
              text: `Sent ${mention(submission.userId)} a private message about this job. Nothing was posted in the channel.`,
            }),
          ),
      );
      return created ? 'sent' : 'already';
    }
  };
}
