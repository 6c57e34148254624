import type {
  AllMiddlewareArgs,
  BlockAction,
  MessageShortcut,
  Middleware,
  SlackAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import type { View, WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Logger } from '../../logger.js';
import { ReferralError, type ReferralErrorCode } from '../../referrals/referral-error.js';
import { cleanText } from '../../text/clean-text.js';
import { parseViewMetadata, type ViewMetadata } from '../blocks/view-metadata.js';
import {
  slackChannelIdSchema,
  slackIdOrUndefined,
  slackTeamIdSchema,
  slackUserIdSchema,
} from '../slack-ids.js';
import type { Message, Notifier } from '../support/notifier.js';

/**
 * What every listener file under `features/` is built from: the listener types (Bolt's own
 * arguments, spelled once), the readers of the payload parts listeners use (zod-checked, null for
 * a malformed one), and the one road for an expected domain error to the member.
 */

export type ActionListener<A extends SlackAction = BlockAction> = Middleware<SlackActionMiddlewareArgs<A>>;
export type ViewListener = Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>>;
export type CommandListener = Middleware<SlackCommandMiddlewareArgs>;
export type EventListener<E extends string> = Middleware<SlackEventMiddlewareArgs<E>>;
export type ShortcutListener = Middleware<SlackShortcutMiddlewareArgs<MessageShortcut>>;

const clickSchema = z.object({
  team: z.object({ id: slackTeamIdSchema }).nullish(),
  user: z.object({ id: slackUserIdSchema, team_id: slackTeamIdSchema.optional() }),
  channel: z.object({ id: slackChannelIdSchema }).nullish(),
  container: z
    .object({ message_ts: z.string().optional(), thread_ts: z.string().optional() })
    .passthrough()
    .nullish(),
  trigger_id: z.string(),
  view: z.object({ type: z.string() }).nullish(),
});

/** A button click or menu choice: who, where, and the value it carried. */
export interface Click {
  teamId: string;
  userId: string;
  channel: string | undefined;
  messageTs: string | undefined;
  triggerId: string;
  value: string;
  /** Clicked inside a modal (the browse modal's rows): a form it opens goes on top (`openModal`). */
  inModal?: boolean;
}

/**
 * The parts of a block_actions payload our listeners use, validated (ids by their Slack shape);
 * null for a malformed one. The value is a button's `value` or a select's chosen option, without
 * control characters.
 */
export function readClick(body: unknown, action: unknown): Click | null {
  const parsed = clickSchema.safeParse(body);
  const { value: buttonValue, selected_option } = action as {
    value?: unknown;
    selected_option?: { value?: unknown };
  };
  const value = buttonValue ?? selected_option?.value;
  if (!parsed.success || typeof value !== 'string') return null;
  const teamId = parsed.data.team?.id ?? parsed.data.user.team_id;
  if (teamId === undefined) return null;
  return {
    teamId,
    userId: parsed.data.user.id,
    channel: parsed.data.channel?.id,
    messageTs: parsed.data.container?.message_ts,
    triggerId: parsed.data.trigger_id,
    value: cleanText(value),
    ...(parsed.data.view?.type === 'modal' ? { inModal: true } : {}),
  };
}

/**
 * Opens `view` for a click: a new modal, or pushed on top of the modal the click came from (Slack
 * refuses views.open there; closing the pushed one goes back to it).
 * @see https://docs.slack.dev/reference/methods/views.push
 */
export async function openModal(
  client: Pick<WebClient, 'views'>,
  click: Pick<Click, 'triggerId' | 'inModal'>,
  view: View,
): Promise<void> {
  if (click.inModal) await client.views.push({ trigger_id: click.triggerId, view });
  else await client.views.open({ trigger_id: click.triggerId, view });
}

const submitterSchema = z.object({
  user: z.object({ id: slackUserIdSchema, team_id: slackTeamIdSchema.optional() }),
  team: z.object({ id: slackTeamIdSchema }).nullish(),
});

/** Who submitted a modal; null for a malformed payload (an id not of Slack's shape included). */
export function readSubmitter(body: unknown): { teamId: string; userId: string } | null {
  const parsed = submitterSchema.safeParse(body);
  if (!parsed.success) return null;
  const teamId = parsed.data.team?.id ?? parsed.data.user.team_id;
  return teamId === undefined ? null : { teamId, userId: parsed.data.user.id };
}

/** A modal submission, read whole: where it came from, the form, and who sent it. */
export interface Submission<Form> {
  meta: ViewMetadata;
  form: Form;
  who: { teamId: string; userId: string };
}

const cardLocationSchema = z.object({ channel: z.string().optional(), ts: z.string().optional() });

/** Where the card a modal was opened from lives (its `private_metadata` context); empty when unknown. */
export function cardLocation(context: unknown): { channel?: string; ts?: string } {
  const parsed = cardLocationSchema.safeParse(context);
  return parsed.success ? parsed.data : {};
}

/** Reads a submission with the modal's own form reader; null when any part is unreadable. */
export function readSubmission<Form>(
  body: unknown,
  view: { private_metadata?: string; state: { values: unknown } },
  readForm: (values: unknown) => Form | null,
): Submission<Form> | null {
  const meta = parseViewMetadata(view.private_metadata);
  const form = readForm(view.state.values);
  const who = readSubmitter(body);
  return meta === null || form === null || who === null ? null : { meta, form, who };
}

/** Keeps a modal open with `message` under the input block `blockId` (Slack shows it in red). */
export function keepOpenWithError(
  ack: (response: { response_action: 'errors'; errors: Record<string, string> }) => Promise<void>,
  blockId: string,
  message: string,
): Promise<void> {
  return ack({ response_action: 'errors', errors: { [blockId]: message } });
}

/**
 * A form whose write failed stays open with why: an expected domain error's own message, else
 * `fallback` (with a warning: the database or a bug, not the member).
 */
export function keepOpenAfterFailedWrite(
  ack: Parameters<typeof keepOpenWithError>[0],
  blockId: string,
  error: unknown,
  options: { logger: Logger; what: string; fallback: string },
): Promise<void> {
  const expected = domainErrorMessage(error);
  if (expected === null)
    options.logger.warn({ err: error }, `${options.what} not saved: the form stays open`);
  return keepOpenWithError(ack, blockId, expected ?? options.fallback);
}

/** The team of an Events API envelope; undefined when missing or not shaped like a team id. */
export function eventTeam(body: unknown): string | undefined {
  return slackIdOrUndefined(slackTeamIdSchema, (body as { team_id?: unknown }).team_id);
}

/** What the member reads for each domain error: written here, once, in the member's words. */
const domainErrorMessages: Record<ReferralErrorCode, string> = {
  posting_not_found: 'That job posting is no longer in Vouch.',
  referral_not_found: 'That referral no longer exists.',
  invalid_company: 'Please give a company name.',
};

/** The member's message for an expected domain error; null for anything else (a bug, an outage). */
export function domainErrorMessage(error: unknown): string | null {
  return error instanceof ReferralError ? domainErrorMessages[error.code] : null;
}

/**
 * The one road for errors inside a listener's work: an expected domain error becomes a private
 * reply; anything else is rethrown to reach the single `app.error`, logged once with its cause.
 */
export async function replyToDomainError(
  error: unknown,
  reply: (message: Message) => Promise<unknown>,
): Promise<void> {
  const text = domainErrorMessage(error);
  if (text === null) throw error;
  await reply({ text });
}

/** Replies only the clicker sees, where they clicked (a DM when the channel refuses). */
export function privatelyTo(notifier: Pick<Notifier, 'ephemeral'>, click: Click) {
  return (message: Message) => notifier.ephemeral(click.channel, click.userId, message);
}

/**
 * A button's (or select's) listener in its usual shape: acknowledge, read the click (a malformed one
 * is logged and dropped), do the work; an expected domain error is answered privately where the
 * member clicked, anything else goes on to `app.error`.
 */
export function onClick<A extends BlockAction = BlockAction>(
  deps: { notifier: Pick<Notifier, 'ephemeral'>; logger: Pick<Logger, 'warn'> },
  what: string,
  work: (click: Click, args: SlackActionMiddlewareArgs<A> & AllMiddlewareArgs) => Promise<void>,
): ActionListener<A> {
  return async (args) => {
    await args.ack();
    const click = readClick(args.body, args.action);
    if (click === null) return deps.logger.warn(`malformed ${what} ignored`);
    try {
      await work(click, args);
    } catch (error) {
      await replyToDomainError(error, privatelyTo(deps.notifier, click));
    }
  };
}

/** Tells the clicker, privately, why the domain refused (a state-machine or authorization verdict). */
export async function refusePrivately(
  notifier: Pick<Notifier, 'ephemeral'>,
  click: Click,
  refusal: { reason: string },
): Promise<void> {
  await notifier.ephemeral(click.channel, click.userId, { text: `⚠️ ${refusal.reason}` });
}
