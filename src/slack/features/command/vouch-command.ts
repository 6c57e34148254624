import { createRequire } from 'node:module';
import type { SlashCommand } from '@slack/bolt';
import { cleanText } from '../../../text/clean-text.js';
import { addJob } from '../../../work/work-queue.js';
import {
  forgetMePrompt,
  helpText,
  mineResult,
  privacyResult,
  referAtResult,
  referrersResult,
  statsResult,
  versionResult,
} from '../../blocks/command-results.js';
import { ownVerificationBlock } from '../../blocks/verification-blocks.js';
import { referrerAppearedJob } from '../../effects/notice-jobs.js';
import { slackChannelIdSchema, slackTeamIdSchema, slackUserIdSchema } from '../../slack-ids.js';
import type { Message } from '../../support/notifier.js';
import { candidateRow, referrerRow } from '../../support/posting-ref.js';
import { completeDeliveryWithin, isRerun } from '../../transport/durable-deliveries.js';
import { answerListCommand } from '../browse/list-command.js';
import { answerDigestCommand } from '../digest/digest-commands.js';
import type { FeatureDeps } from '../feature-deps.js';
import { answerFollowCommand } from '../follow/follow-commands.js';
import { type CommandListener, domainErrorMessage } from '../listener-kit.js';
import { answerChannelCommand, channelHelpLine } from '../moderation/channel-commands.js';
import { sendExport } from '../privacy/send-export.js';
import { shareOutcomeMessage } from '../share/share-outcome-message.js';
import { memberAsReferrer } from '../verify/check-referrer.js';
import { answerCompanyDomainCommand } from '../verify/company-domain-command.js';
import { parseVouchCommand, unhandledCommand } from './parse-command.js';

/** This build's version, from package.json (four folders up, in src/ and in dist/ alike). */
const vouchVersion = (createRequire(import.meta.url)('../../../../package.json') as { version: string })
  .version;

/**
 * `/vouch`: share any job link as a card, list open postings, my referrals, the who-can-refer
 * directory, stats. Answers are ephemeral; only a shared card is posted in the channel.
 */
export function onVouchCommand(
  deps: Pick<
    FeatureDeps,
    | 'referrals'
    | 'cards'
    | 'home'
    | 'work'
    | 'logger'
    | 'shareCard'
    | 'config'
    | 'memberData'
    | 'files'
    | 'follows'
    | 'digests'
    | 'channelMembers'
    | 'memberProfiles'
    | 'channelSettings'
  >,
): CommandListener {
  const { referrals, cards, home, work, logger, shareCard } = deps;
  return async ({ command, ack, respond, context, client }) => {
    // A run again after a crash takes over the card its first run claimed and may not have posted.
    const resumed = isRerun(context);
    // Acknowledged at once (in HTTP mode on arrival, before this runs): every answer goes to the
    // command's response_url, so a slow database or job board never risks Slack's 3 s.
    await ack();
    if (
      !slackTeamIdSchema.safeParse(command.team_id).success ||
      !slackUserIdSchema.safeParse(command.user_id).success ||
      !slackChannelIdSchema.safeParse(command.channel_id).success
    ) {
      logger.warn('malformed /vouch command ignored');
      return;
    }
    const parsed = parseVouchCommand(cleanText(command.text ?? ''));
    const teamId = command.team_id;
    /** The asking member's id. */
    const member = async () => (await referrals.ensureMember(teamId, command.user_id)).id;
    const reply = async (message: Message, options: { replaceOriginal?: boolean } = {}) => {
      await respond({
        response_type: 'ephemeral',
        ...(options.replaceOriginal ? { replace_original: true } : {}),
        text: message.text,
        ...(message.blocks ? { blocks: message.blocks } : {}),
      });
    };

    try {
      await answer();
    } catch (error) {
      // Whatever went wrong, the member gets an answer; expected domain errors end here,
      // anything else still reaches app.error.
      const expected = domainErrorMessage(error);
      const text = expected ?? "Something went wrong on Vouch's side. Please try again in a moment.";
      await reply({ text }, { replaceOriginal: true }).catch((replyError: unknown) =>
        logger.info({ err: replyError }, 'could not answer the slash command'),
      );
      if (expected === null) throw error;
    }

    async function answer(): Promise<void> {
      switch (parsed.kind) {
        case 'help':
          return reply(helpText({ ...(await channelLine()) }));
        case 'unknown':
          return reply(helpText({ unknownText: parsed.text, ...(await channelLine()) }));
        case 'share':
          await reply({ text: '⏳ Reading that job posting…' });
          return shareFromCommand(command, parsed.url, parsed.note);
        case 'list':
          return reply(await answerListCommand(deps, teamId, parsed));
        case 'mine': {
          const asker = await member();
          const [asCandidate, asReferrer] = await Promise.all([
            referrals.referralsAsCandidate(asker),
            referrals.referralsAsReferrer(asker),
          ]);
          const now = new Date();
          return reply(
            mineResult({
              asCandidate: asCandidate.map((r) => candidateRow(r, now)),
              asReferrer: asReferrer.map((r) => referrerRow(r, now)),
            }),
          );
        }
        case 'referAt': {
          // Their Slack e-mail's domain first: it decides whether they are listed as verified.
          const { member: referrer, emailDomain } = await memberAsReferrer(deps, client, {
            teamId,
            userId: command.user_id,
          });
          const asker = referrer.id;
          // Listed, "this command is handled" and what follows (candidates waiting there told, open
          // requests reaching them) commit together.
          const { company, added, verified, receivesRequests } = await referrals.rememberCompanyReferrer(
            teamId,
            parsed.company,
            asker,
            async (tx, written) => {
              await completeDeliveryWithin(tx, context);
              if (written.added && written.receivesRequests)
                await addJob(
                  tx,
                  referrerAppearedJob(
                    { companyId: written.company.id },
                    { memberId: asker, slackUserId: command.user_id },
                  ),
                );
            },
          );
          work.wake();
          const answer = referAtResult({ company: company.displayName, removed: false, changed: added });
          const own = ownVerificationBlock({
            company: company.displayName,
            verified,
            receivesRequests,
            emailDomain,
            companyDomains: verified ? [] : await referrals.domainsOfCompany(company.id),
          });
          await reply({ ...answer, blocks: [...(answer.blocks ?? []), own] });
          // Their own Home, redrawn at once as before (it is drawn afresh whenever they open it).
          if (added) await home.publish(teamId, command.user_id);
          return;
        }
        case 'referAtRemove': {
          const asker = await member();
          const { company, removed } = await referrals.forgetCompanyReferrer(teamId, parsed.company, asker);
          await reply(
            referAtResult({
              company: company?.displayName ?? parsed.company,
              removed: true,
              changed: removed,
            }),
          );
          if (removed) await home.publish(teamId, command.user_id);
          return;
        }
        case 'referrers': {
          const { company, members } = await referrals.companyReferrers(teamId, parsed.company);
          return reply(
            referrersResult({
              company: company?.displayName ?? parsed.company,
              referrerUserIds: members.map((m) => m.slackUserId),
              verifiedUserIds: members.filter((m) => m.verified).map((m) => m.slackUserId),
            }),
          );
        }
        case 'stats': {
          const stats = await referrals.stats(teamId);
          return reply(
            statsResult({
              postings: { open: stats.openPostings, closed: stats.postings - stats.openPostings },
              referralsByStatus: stats.referrals,
              referrers: stats.companyReferrers,
            }),
          );
        }
        case 'version':
          return reply(versionResult({ version: vouchVersion, node: process.version }));
        case 'privacy':
          return reply(privacyResult({ noteRetentionDays: deps.config.noteRetentionDays }));
        case 'export':
          return reply(await sendExport(deps, { teamId, userId: command.user_id }));
        case 'forgetMe':
          return reply(forgetMePrompt());
        case 'follow':
        case 'following':
        case 'unfollow':
          return reply(await answerFollowCommand(deps, { teamId, userId: command.user_id }, parsed));
        case 'digest':
          return reply(
            await answerDigestCommand(
              deps,
              {
                teamId,
                userId: command.user_id,
                channelId: command.channel_id,
                channelName: command.channel_name,
              },
              parsed,
            ),
          );
        case 'companyDomain':
          return reply(
            await answerCompanyDomainCommand(
              deps,
              client,
              { teamId, userId: command.user_id, context },
              parsed,
            ),
          );
        case 'channel':
        case 'channelCards':
          return reply(
            await answerChannelCommand(
              deps,
              { teamId, userId: command.user_id, channelId: command.channel_id },
              parsed,
              (tx) => completeDeliveryWithin(tx, context),
            ),
          );
        default:
          // A subcommand the parser knows and nobody answers fails to compile here.
          return unhandledCommand(parsed);
      }
    }

    /** The help's line about the channel it was asked in (none in a DM). */
    async function channelLine(): Promise<{ channelLine?: string }> {
      const line = await channelHelpLine(deps, { teamId, channelId: command.channel_id });
      return line === null ? {} : { channelLine: line };
    }

    async function shareFromCommand(cmd: SlashCommand, url: string, note: string | null): Promise<void> {
      const outcome = await shareCard({
        teamId,
        channel: cmd.channel_id,
        userId: cmd.user_id,
        url,
        note,
        source: 'command',
        anchor: cmd.trigger_id,
        ...(resumed ? { resumeClaim: true } : {}),
      });
      const message = shareOutcomeMessage(outcome, cards) ?? {
        text: '✅ Shared. People can now say they can refer or are interested.',
      };
      await reply(message, { replaceOriginal: true }).catch((error: unknown) =>
        logger.info({ err: error }, 'could not answer the slash command'),
      );
    }
  };
}
