import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Logger } from '../../logger.js';
import { ReferralError } from '../../referrals/referral-error.js';
import type { StatusWritten } from '../../referrals/referral-lifecycle.js';
import type { ReferralService } from '../../referrals/referral-service.js';
import { addJob, type JobSpec, type WorkQueue } from '../../work/work-queue.js';
import { invitationDm } from '../blocks/offer-dms.js';
import { referrerAppearedDm } from '../blocks/referral-dms.js';
import type { CardPublisher } from '../support/card-publisher.js';
import type { HomePublisher } from '../support/home-publisher.js';
import type { Notifier } from '../support/notifier.js';
import { refOf } from '../support/posting-ref.js';
import { createReferralNotices } from '../support/referral-notices.js';
import { dmJob } from './effect-jobs.js';

/** The job that tells everyone concerned about a status change (`referral-notices.ts`). */
export const STATUS_NOTICE_JOB = 'slack-status-notice';

const statusNoticeSchema = z.object({
  referralId: z.string(),
  from: z.string(),
  to: z.string(),
  role: z.enum(['candidate', 'referrer', 'system']),
  note: z.string().nullable(),
  offerOnly: z.boolean(),
  invitedIds: z.array(z.string()),
  /** A member whose App Home also changes (the clicker, who may be none of the parties). */
  alsoHome: z.object({ teamId: z.string(), userId: z.string() }).optional(),
});

/** The job that follows a new referrer on a posting or at a company (see `referrerAppearedJob`). */
export const REFERRER_APPEARED_JOB = 'slack-referrer-appeared';

const whereSchema = z.union([z.object({ postingId: z.string() }), z.object({ companyId: z.string() })]);

const referrerAppearedSchema = z.object({
  where: whereSchema,
  memberId: z.string(),
  slackUserId: z.string(),
});

/**
 * What follows a member newly able to refer on a posting ("I can refer") or at a company (`/vouch
 * refer-at`, "remember me"), as one job written in the transaction that lists them: candidates
 * waiting there for a referrer hear of them, and open requests there reach them anonymously.
 */
export function referrerAppearedJob(
  where: { postingId: string } | { companyId: string },
  referrer: { memberId: string; slackUserId: string },
): JobSpec {
  return {
    kind: REFERRER_APPEARED_JOB,
    key: `appeared:${referrer.memberId}:${randomUUID()}`,
    payload: { where, ...referrer },
  };
}

/**
 * A status change's notices as one job, written in the change's own transaction (`within`): the
 * change and "everyone will be told" commit together.
 */
export function statusNoticeJob(
  written: StatusWritten,
  alsoHome?: { teamId: string; userId: string },
): JobSpec {
  return {
    kind: STATUS_NOTICE_JOB,
    key: `status:${written.referralId}:${randomUUID()}`,
    payload: { ...written, ...(alsoHome !== undefined ? { alsoHome } : {}) },
  };
}

/**
 * A notifier whose DMs become jobs keyed by `keyPrefix`, the recipient and their count so far: a
 * notice job run again after a crash writes the same keys, so nobody is told twice. Ephemerals
 * (seen once, by one person, at once) go straight out.
 */
export function queueingNotifier(
  queue: Pick<WorkQueue, 'add'>,
  direct: Notifier,
  keyPrefix: string,
): Notifier {
  const sent = new Map<string, number>();
  return {
    async dm(userId, message) {
      const n = (sent.get(userId) ?? 0) + 1;
      sent.set(userId, n);
      await queue.add(dmJob(`${keyPrefix}:dm:${userId}:${n}`, userId, message));
      return null;
    },
    ephemeral: direct.ephemeral,
  };
}

export interface NoticeHandlerDeps {
  referrals: Pick<
    ReferralService,
    'getReferral' | 'membersIn' | 'waitingForReferrer' | 'inviteLateReferrer' | 'offersOn'
  >;
  notifier: Notifier;
  home: Pick<HomePublisher, 'refresh'>;
  cards: CardPublisher;
  logger: Logger;
}

/** Runs status notices from the queue: the DMs they send become keyed DM jobs. */
export function registerNoticeHandlers(
  queue: Pick<WorkQueue, 'handle' | 'add'>,
  deps: NoticeHandlerDeps,
): void {
  queue.handle(STATUS_NOTICE_JOB, async (payload, job) => {
    const notice = statusNoticeSchema.parse(payload);
    let referral: Awaited<ReturnType<typeof deps.referrals.getReferral>>;
    try {
      referral = await deps.referrals.getReferral(notice.referralId);
    } catch (error) {
      // Erased meanwhile (forget-me, uninstall): nobody is left to tell.
      if (error instanceof ReferralError && error.code === 'referral_not_found') return;
      throw error;
    }
    const notices = createReferralNotices({
      ...deps,
      notifier: queueingNotifier(queue, deps.notifier, job.key),
    });
    await notices.statusChanged({
      referral,
      from: notice.from as StatusWritten['from'],
      to: notice.to as StatusWritten['to'],
      role: notice.role,
      note: notice.note,
      invited: await deps.referrals.membersIn(notice.invitedIds),
      offerOnly: notice.offerOnly,
    });
    if (notice.alsoHome !== undefined)
      await deps.home.refresh(notice.alsoHome.teamId, notice.alsoHome.userId);
  });
  queue.handle(REFERRER_APPEARED_JOB, async (payload) => {
    const { where, memberId, slackUserId } = referrerAppearedSchema.parse(payload);
    // Keyed by the request and the referrer: a run again, or the same member appearing again on
    // the posting and at its company, tells each candidate once.
    const waiting = await deps.referrals.waitingForReferrer(where);
    for (const referral of waiting) {
      if (referral.candidate.slackUserId === slackUserId) continue;
      await queue.add(
        dmJob(
          `appeared:${referral.id}:${memberId}`,
          referral.candidate.slackUserId,
          referrerAppearedDm({
            referralId: referral.id,
            posting: refOf(referral.posting),
            referrerUserId: slackUserId,
          }),
        ),
      );
    }
    // Each invitation and its DM commit together: a run again finds the request reached already.
    await deps.referrals.inviteLateReferrer(memberId, where, async (tx, reached) => {
      await addJob(
        tx,
        ...reached.map((referral) =>
          dmJob(
            `late-invite:${referral.id}:${memberId}`,
            slackUserId,
            invitationDm({
              referralId: referral.id,
              posting: refOf(referral.posting),
              channelId: referral.channelId,
            }),
          ),
        ),
      );
    });
  });
}
