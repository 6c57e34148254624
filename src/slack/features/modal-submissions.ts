import type { ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import type { Member } from '../../generated/sqlite/client.js';
import { statusLabel } from '../../referrals/status-machine.js';
import { readInterestSubmission } from '../blocks/interest-modal.js';
import {
  candidateConfirmationDm,
  noReferrerYetDm,
  referrerRequestDm,
  tagDm,
} from '../blocks/referral-dms.js';
import { readTagSubmission } from '../blocks/tag-modal.js';
import { parseViewMetadata } from '../blocks/view-metadata.js';
import { interestModalIds, tagModalIds } from '../ids.js';
import type { SlackFeature } from '../slack-feature.js';
import { replyToDomainError } from '../support/domain-error-reply.js';
import { refOf } from '../support/posting-ref.js';
import type { FeatureDeps } from './feature-deps.js';

const submitterSchema = z.object({
  user: z.object({ id: z.string(), team_id: z.string().optional() }),
  team: z.object({ id: z.string() }).nullish(),
});

function submitter(body: unknown): { teamId: string; userId: string } | null {
  const parsed = submitterSchema.safeParse(body);
  if (!parsed.success) return null;
  const teamId = parsed.data.team?.id ?? parsed.data.user.team_id;
  return teamId === undefined ? null : { teamId, userId: parsed.data.user.id };
}

/**
 * The two modals' submissions: "I'm interested" (creates the referral, asks the referrer(s), confirms
 * to the candidate) and "Tag someone" (a private DM to the tagged colleague, nothing in the channel).
 * Both acknowledge first: the modal closes at once and the rest happens after.
 */
export function modalSubmissions(deps: FeatureDeps): SlackFeature {
  const { referrals, notifier, cards, home, logger } = deps;
  return {
    name: 'modal-submissions',
    scopes: ['chat:write', 'im:write'],
    register(app) {
      app.view<ViewSubmitAction>(interestModalIds.callbackId, async ({ ack, body, view }) => {
        const meta = parseViewMetadata(view.private_metadata);
        const submission = readInterestSubmission(view.state.values);
        const who = submitter(body);
        if (meta === null || submission === null || who === null) {
          await ack({
            response_action: 'errors',
            errors: {
              [interestModalIds.noteBlock]: 'Vouch could not read this form. Please close it and try again.',
            },
          });
          logger.warn('malformed interest submission refused');
          return;
        }
        await ack();
        try {
          const candidate = await referrals.ensureMember(who.teamId, who.userId);
          const posting = await referrals.getPosting(meta.postingId);
          if (posting.status === 'closed') {
            await notifier.dm(who.userId, {
              text: '🔒 That posting closed in the meantime, so Vouch did not record your interest.',
            });
            return;
          }
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
          const { referral, created } = await referrals.expressInterest({
            postingId: posting.id,
            candidateId: candidate.id,
            note: submission.note,
            ask,
            showName: submission.showName,
          });
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
            await Promise.all(
              asked.map((referrer) =>
                notifier.dm(
                  referrer.slackUserId,
                  referrerRequestDm({
                    referralId: referral.id,
                    candidateUserId: who.userId,
                    posting: ref,
                    note: submission.note,
                    teamId: who.teamId,
                    askedAnyone: ask === 'anyone',
                  }),
                ),
              ),
            );
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
            ...asked.map((m) => home.publish(who.teamId, m.slackUserId)),
          ]);
        } catch (error) {
          await replyToDomainError(error, (message) => notifier.dm(who.userId, message));
        }
      });

      app.view<ViewSubmitAction>(tagModalIds.callbackId, async ({ ack, body, view, client }) => {
        const meta = parseViewMetadata(view.private_metadata);
        const submission = readTagSubmission(view.state.values);
        const who = submitter(body);
        if (meta === null || submission === null || who === null) {
          await ack({
            response_action: 'errors',
            errors: { [tagModalIds.userBlock]: 'Pick a colleague and a role.' },
          });
          return;
        }
        if (submission.userId === who.userId) {
          await ack({
            response_action: 'errors',
            errors: { [tagModalIds.userBlock]: 'Pick someone other than yourself.' },
          });
          return;
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
              text: `<@${submission.userId}> was already told about this job.`,
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
            text: `Sent <@${submission.userId}> a private message about this job. Nothing was posted in the channel.`,
          });
        } catch (error) {
          await replyToDomainError(error, (message) => notifier.dm(who.userId, message));
        }
      });
    },
  };
}
