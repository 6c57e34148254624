import type { BlockAction } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { statusLabel } from '../../referrals/status-machine.js';
import {
  parseRelationship,
  parseRememberCompany,
  parseStatusUpdate,
  relationshipLabel,
} from '../blocks/action-values.js';
import { context } from '../blocks/block-kit.js';
import { escapeMrkdwn } from '../blocks/mrkdwn.js';
import {
  homeActionIds,
  referrerDmActionIds,
  rememberCompanyActionIds,
  statusUpdateActionPattern,
} from '../ids.js';
import type { SlackFeature } from '../slack-feature.js';
import { replyToDomainError } from '../support/domain-error-reply.js';
import { readClick } from './card-actions.js';
import type { FeatureDeps } from './feature-deps.js';

/** Removes the buttons of a handled message and says what happened, so nobody clicks twice. */
function settledBlocks(original: unknown, line: string): KnownBlock[] {
  const blocks = Array.isArray(original) ? (original as KnownBlock[]) : [];
  return [...blocks.filter((b) => b.type !== 'actions'), context(line)].slice(0, 50);
}

/**
 * Moving referrals along (status buttons in DMs and on the Home tab, "I referred them", "Decline"),
 * the referrer's "how well do you know them", and the "remember me for this company" answer.
 * Permission is the state machine's: a click by someone not allowed is refused with the reason.
 */
export function referralActions(deps: FeatureDeps): SlackFeature {
  const { referrals, notifier, notices, home, logger } = deps;
  return {
    name: 'referral-actions',
    scopes: ['chat:write', 'im:write'],
    register(app) {
      const onStatusButton = async ({
        ack,
        body,
        action,
        client,
      }: {
        ack: () => Promise<void>;
        body: BlockAction;
        action: unknown;
        client: import('@slack/web-api').WebClient;
      }) => {
        await ack();
        const click = readClick(body, action);
        const update = parseStatusUpdate(click?.value);
        if (click === null || update === null) return logger.warn('malformed status button ignored');
        try {
          const member = await referrals.ensureMember(click.teamId, click.userId);
          const change = await referrals.changeStatus({
            referralId: update.referralId,
            actor: { kind: 'member', memberId: member.id },
            to: update.to,
          });
          if (!change.ok) {
            await notifier.ephemeral(click.channel, click.userId, { text: `⚠️ ${change.reason}` });
            return;
          }
          if (
            click.channel !== undefined &&
            click.messageTs !== undefined &&
            body.container?.type === 'message'
          ) {
            await client.chat
              .update({
                channel: click.channel,
                ts: click.messageTs,
                text: `Marked as ${statusLabel(change.to)}`,
                blocks: settledBlocks(
                  body.message?.blocks,
                  `✅ You marked this *${escapeMrkdwn(statusLabel(change.to))}*.`,
                ),
              })
              .catch((error: unknown) => logger.info({ err: error }, 'could not update the clicked message'));
          }
          await notices.statusChanged(change);
        } catch (error) {
          await replyToDomainError(error, (message) =>
            notifier.ephemeral(click.channel, click.userId, message),
          );
        }
      };
      app.action<BlockAction>(statusUpdateActionPattern, onStatusButton);
      app.action<BlockAction>(referrerDmActionIds.markReferred, onStatusButton);
      app.action<BlockAction>(referrerDmActionIds.decline, onStatusButton);

      app.action<BlockAction>(referrerDmActionIds.relationship, async ({ ack, body, action }) => {
        await ack();
        const selected = (action as { selected_option?: { value?: string } }).selected_option?.value;
        const value = parseRelationship(selected);
        const click = readClick(body, { value: selected });
        if (value === null || click === null) return logger.warn('malformed relationship choice ignored');
        const member = await referrals.ensureMember(click.teamId, click.userId);
        const saved = await referrals.setRelationship(
          value.referralId,
          member.id,
          relationshipLabel(value.relationship),
        );
        if (!saved)
          await notifier.ephemeral(click.channel, click.userId, {
            text: 'That referral is no longer yours to update.',
          });
      });

      const onRemember =
        (remember: boolean) =>
        async ({
          ack,
          body,
          action,
          respond,
        }: {
          ack: () => Promise<void>;
          body: BlockAction;
          action: unknown;
          respond: (m: object) => Promise<unknown>;
        }) => {
          await ack();
          const click = readClick(body, action);
          const value = parseRememberCompany(click?.value);
          if (click === null || value === null)
            return logger.warn('malformed remember-company answer ignored');
          let text = 'Okay: you are listed for this posting only.';
          if (remember) {
            const member = await referrals.ensureMember(click.teamId, click.userId);
            const { company } = await referrals.rememberCompanyReferrer(
              click.teamId,
              value.company,
              member.id,
            );
            text = `✅ Done: future ${company.displayName} postings will list you, and \`/vouch referrers ${company.displayName}\` finds you.`;
            await notices.referrerAppearedAtCompany(company.id, click.userId);
            await home.publish(click.teamId, click.userId);
          }
          await respond({ replace_original: true, response_type: 'ephemeral', text }).catch(() =>
            notifier.ephemeral(click.channel, click.userId, { text }),
          );
        };
      app.action<BlockAction>(rememberCompanyActionIds.yes, onRemember(true));
      app.action<BlockAction>(rememberCompanyActionIds.no, onRemember(false));

      app.action<BlockAction>(homeActionIds.removeCompany, async ({ ack, body, action }) => {
        await ack();
        const click = readClick(body, action);
        if (click === null) return logger.warn('malformed remove-company click ignored');
        const member = await referrals.ensureMember(click.teamId, click.userId);
        await referrals.forgetCompanyReferrer(click.teamId, click.value, member.id);
        await home.publish(click.teamId, click.userId);
      });
    },
  };
}
