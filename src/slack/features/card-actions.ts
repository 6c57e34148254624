import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Posting } from '../../generated/sqlite/client.js';
import { type PostingSummary, storedSummary } from '../../postings/posting-summary.js';
import { detailsModal } from '../blocks/details-modal.js';
import { interestModal } from '../blocks/interest-modal.js';
import { isLimitedSource } from '../blocks/posting-format.js';
import { rememberCompanyPrompt } from '../blocks/remember-company-prompt.js';
import { tagModal } from '../blocks/tag-modal.js';
import { cardActionIds, homeActionIds, linkActionIds } from '../ids.js';
import type { SlackFeature } from '../slack-feature.js';
import { createDisplayNames } from '../support/display-names.js';
import { replyToDomainError } from '../support/domain-error-reply.js';
import { serialByKey } from '../support/serial-by-key.js';
import type { FeatureDeps } from './feature-deps.js';

/** Where the clicked card lives, so a modal submission can refresh it. */
export const cardLocationSchema = z.object({ channel: z.string().optional(), ts: z.string().optional() });

const clickSchema = z.object({
  team: z.object({ id: z.string() }).nullish(),
  user: z.object({ id: z.string(), team_id: z.string().optional() }),
  channel: z.object({ id: z.string() }).nullish(),
  container: z
    .object({ message_ts: z.string().optional(), thread_ts: z.string().optional() })
    .passthrough()
    .nullish(),
  trigger_id: z.string(),
});

export interface Click {
  teamId: string;
  userId: string;
  channel: string | undefined;
  messageTs: string | undefined;
  triggerId: string;
  value: string;
}

/** The parts of a block_actions payload our listeners use, validated; null for a malformed one. */
export function readClick(body: unknown, action: unknown): Click | null {
  const parsed = clickSchema.safeParse(body);
  const value = (action as { value?: unknown; selected_option?: { value?: unknown } }).value;
  if (!parsed.success || typeof value !== 'string') return null;
  const teamId = parsed.data.team?.id ?? parsed.data.user.team_id;
  if (teamId === undefined) return null;
  return {
    teamId,
    userId: parsed.data.user.id,
    channel: parsed.data.channel?.id,
    messageTs: parsed.data.container?.message_ts,
    triggerId: parsed.data.trigger_id,
    value,
  };
}

function summaryOf(posting: Posting): PostingSummary | null {
  return storedSummary(posting.summary);
}

/**
 * The card's buttons. Every listener acknowledges first; modals open right away (a trigger_id lives
 * three seconds) from data already in the database; slower work happens after.
 */
export function cardActions(deps: FeatureDeps): SlackFeature {
  const { referrals, notifier, cards, logger } = deps;
  const displayName = createDisplayNames();
  const oneToggleAtATime = serialByKey();

  function friendly(click: Click, error: unknown): Promise<void> {
    return replyToDomainError(error, (message) => notifier.ephemeral(click.channel, click.userId, message));
  }

  return {
    name: 'card-actions',
    scopes: ['chat:write', 'im:write'],
    register(app) {
      for (const actionId of linkActionIds) {
        app.action(actionId, async ({ ack }) => {
          await ack();
        });
      }

      app.action<BlockAction<ButtonAction>>(
        cardActionIds.iCanRefer,
        async ({ ack, body, action, client }) => {
          await ack();
          const click = readClick(body, action);
          if (click === null) return logger.warn('malformed I can refer click ignored');
          await oneToggleAtATime(`${click.value}:${click.teamId}:${click.userId}`, () =>
            toggle(click, client),
          );
        },
      );

      /** One "I can refer" click, run after any earlier click of this member on this card. */
      async function toggle(click: Click, client: WebClient): Promise<void> {
        try {
          const posting = await referrals.getPosting(click.value);
          const member = await referrals.ensureMember(
            click.teamId,
            click.userId,
            await displayName(client, click.userId),
          );
          const { isReferrer } = await referrals.toggleReferrer(posting.id, member.id);
          const summary = summaryOf(posting);
          if (isReferrer) {
            if (summary?.company) {
              await notifier.ephemeral(
                click.channel,
                click.userId,
                rememberCompanyPrompt({ company: summary.company, postingId: posting.id }),
              );
            } else {
              await notifier.ephemeral(click.channel, click.userId, {
                text: '🙌 Thanks! You are listed as someone who can refer for this job.',
              });
            }
            await deps.notices.referrerAppeared(posting.id, click.userId);
          } else {
            await notifier.ephemeral(click.channel, click.userId, {
              text: 'Okay, you are no longer listed as a referrer for this job.',
            });
          }
          await cards.refresh(posting);
        } catch (error) {
          await friendly(click, error);
        }
      }

      app.action<BlockAction<ButtonAction>>(
        cardActionIds.imInterested,
        async ({ ack, body, action, client }) => {
          await ack();
          const click = readClick(body, action);
          if (click === null) return logger.warn("malformed I'm interested click ignored");
          try {
            const posting = await referrals.getPosting(click.value);
            if (posting.status === 'closed') {
              await notifier.ephemeral(click.channel, click.userId, {
                text: '🔒 This posting is closed: the job is no longer listed, so Vouch is not taking interest in it.',
              });
              return;
            }
            const candidates = await referrals.referrersFor(posting);
            const summary = summaryOf(posting);
            await client.views.open({
              trigger_id: click.triggerId,
              view: interestModal({
                postingId: posting.id,
                title: summary?.title ?? posting.title,
                company: summary?.company ?? null,
                referrers: candidates
                  .filter((m) => m.slackUserId !== click.userId)
                  .map((m) => ({ userId: m.slackUserId, name: m.displayName })),
                metadata: { channel: click.channel, ts: click.messageTs },
              }),
            });
          } catch (error) {
            await friendly(click, error);
          }
        },
      );

      const openDetails = async ({
        ack,
        body,
        action,
        client,
      }: {
        ack: () => Promise<void>;
        body: unknown;
        action: unknown;
        client: WebClient;
      }) => {
        await ack();
        const click = readClick(body, action);
        if (click === null) return logger.warn('malformed Details click ignored');
        try {
          const posting = await referrals.getPosting(click.value);
          const summary = summaryOf(posting);
          if (summary === null) {
            await notifier.ephemeral(click.channel, click.userId, {
              text: 'Vouch could not read the details of this posting.',
            });
            return;
          }
          await client.views.open({
            trigger_id: click.triggerId,
            view: detailsModal(summary, {
              postingId: posting.id,
              closed: posting.status === 'closed',
              limitedSource: isLimitedSource(summary),
            }),
          });
        } catch (error) {
          await friendly(click, error);
        }
      };
      app.action(cardActionIds.details, openDetails);
      app.action(homeActionIds.postingDetails, openDetails);

      app.action<BlockAction<ButtonAction>>(
        cardActionIds.tagSomeone,
        async ({ ack, body, action, client }) => {
          await ack();
          const click = readClick(body, action);
          if (click === null) return logger.warn('malformed Tag someone click ignored');
          try {
            const posting = await referrals.getPosting(click.value);
            const summary = summaryOf(posting);
            await client.views.open({
              trigger_id: click.triggerId,
              view: tagModal({
                postingId: posting.id,
                title: summary?.title ?? posting.title,
                company: summary?.company ?? null,
                metadata: { channel: click.channel, ts: click.messageTs },
              }),
            });
          } catch (error) {
            await friendly(click, error);
          }
        },
      );
    },
  };
}
