import type { FakeSlackApi, RecordedCall } from './fake-slack-api.mjs';

/**
 * Pure readers of what the bot sent to the fake Slack API: the Block Kit of a recorded call, the
 * text it shows, its buttons and action ids, the sections of a Home tab, and which recorded
 * messages went to a DM or to a channel. Nothing here talks to the app; see `slack-flows.ts` for
 * the multi-step actions.
 * @see https://api.slack.com/reference/block-kit/blocks
 */

/** An interactive (or plain) element of a block, as far as the tests read it. */
export interface BlockElement {
  type?: string;
  action_id?: string;
  value?: string;
  text?: unknown;
  url?: string;
  /** A select's or an overflow menu's options. */
  options?: Array<{ value: string; text?: unknown }>;
}

/** A Block Kit block, loosely typed: only the fields the tests look at. */
export interface Block {
  type: string;
  text?: { text?: string };
  accessory?: BlockElement;
  elements?: BlockElement[];
}

/** A button that carries a value (posting id, referral status update, …). */
export interface Button {
  action_id: string;
  value: string;
}

/** Anything that holds the fake Slack API, such as a `TestApp`. */
type WithSlack = { slack: FakeSlackApi };

/** The blocks of a chat.postMessage / chat.update call (empty when it had none). */
export function blocksOf(call: RecordedCall): Block[] {
  return (call.args.blocks as Block[] | undefined) ?? [];
}

/** The blocks of the view a views.publish / views.open call carried (the Home tab, a modal). */
export function viewBlocksOf(call: RecordedCall): Block[] {
  return (call.args.view as { blocks?: Block[] } | undefined)?.blocks ?? [];
}

/** The blocks a chat.unfurl call attached to `url` (empty when that link got no card). */
export function unfurlBlocksOf(call: RecordedCall, url: string): Block[] {
  const unfurls = call.args.unfurls as Record<string, { blocks: Block[] }>;
  return unfurls[url]?.blocks ?? [];
}

/**
 * Every `text` string in `value` (a call's arguments, a message, a view, blocks, one block): a
 * message's fallback text and the text of every Block Kit text object (headers, sections and
 * their fields, context, button labels, options, input labels), in document order. Not button
 * values, URLs or ids, which nobody reads.
 */
export function textsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === 'text' && typeof v === 'string' ? [v] : textsOf(v),
  );
}

/** `textsOf(value)`, one text a line: what a member reads, for "says X" checks. */
export function textOf(value: unknown): string {
  return textsOf(value).join('\n');
}

/** Every string anywhere in `value`: texts, button values, URLs, ids, channels. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** Whether any string in `value` (text, value, URL, id) contains `needle`. */
export function mentions(value: unknown, needle: string): boolean {
  return stringsIn(value).some((s) => s.includes(needle));
}

/**
 * The strings of `value` that contain `needle`, for "never mentions X" checks
 * (`expect(stringsMentioning(call.args, user)).toEqual([])`); throws when `value` holds no string
 * at all, so such a check cannot pass on an empty call.
 */
export function stringsMentioning(value: unknown, needle: string): string[] {
  const strings = stringsIn(value);
  if (strings.length === 0) throw new Error(`no string to look for ${needle} in: ${JSON.stringify(value)}`);
  return strings.filter((s) => s.includes(needle));
}

/**
 * The blocks of a Home tab section: those between its heading (a section `*heading*`) and the next
 * divider. Throws when the Home tab has no such section.
 */
export function homeSection(blocks: readonly Block[], heading: string): Block[] {
  const start = blocks.findIndex((b) => b.type === 'section' && b.text?.text === `*${heading}*`);
  if (start < 0) throw new Error(`no "${heading}" section on the Home tab`);
  const rest = blocks.slice(start + 1);
  const end = rest.findIndex((b) => b.type === 'divider');
  return end < 0 ? rest : rest.slice(0, end);
}

/**
 * The action ids of the elements of every actions block, in order ('' for an element without
 * one). With `withAccessories`, section accessories (e.g. the Home "Remove" buttons) count too.
 */
export function actionIdsOf(blocks: readonly Block[], options: { withAccessories?: boolean } = {}): string[] {
  return blocks.flatMap((b) => [
    ...(b.type === 'actions' ? (b.elements ?? []).map((e) => e.action_id ?? '') : []),
    ...(options.withAccessories && b.accessory?.action_id ? [b.accessory.action_id] : []),
  ]);
}

/** The URLs of the link buttons of `blocks` (in actions blocks and section accessories), in order. */
export function linkUrlsOf(blocks: unknown): string[] {
  return ((blocks as Block[] | undefined) ?? []).flatMap((b) =>
    [...(b.type === 'actions' ? (b.elements ?? []) : []), ...(b.accessory ? [b.accessory] : [])].flatMap(
      (e) => (e.url ? [e.url] : []),
    ),
  );
}

/** Every button of the actions blocks that has both an action id and a value. */
export function buttonsOf(blocks: unknown): Button[] {
  const out: Button[] = [];
  for (const block of (blocks as Block[] | undefined) ?? []) {
    if (block.type !== 'actions') continue;
    for (const element of block.elements ?? []) {
      if (element.action_id && element.value)
        out.push({ action_id: element.action_id, value: element.value });
    }
  }
  return out;
}

/**
 * The value of the first button whose action id is `actionId` (or, with `prefix`, starts with
 * it); throws, showing the blocks, when there is none.
 */
export function buttonValue(blocks: unknown, actionId: string, options: { prefix?: boolean } = {}): string {
  const found = buttonsOf(blocks).find((b) =>
    options.prefix ? b.action_id.startsWith(actionId) : b.action_id === actionId,
  );
  if (found === undefined)
    throw new Error(`no ${actionId} button in ${JSON.stringify(blocks).slice(0, 400)}`);
  return found.value;
}

/**
 * The value of the option labelled `label` in the overflow menu ("…") `actionId` of `blocks`
 * (a section accessory); throws, showing the blocks, when there is none.
 */
export function overflowOptionValue(blocks: unknown, actionId: string, label: string): string {
  const found = ((blocks as Block[] | undefined) ?? [])
    .flatMap((b) =>
      b.accessory?.type === 'overflow' && b.accessory.action_id === actionId ? [b.accessory] : [],
    )
    .flatMap((menu) => menu.options ?? [])
    .find((o) => textOf(o.text) === label);
  if (found === undefined)
    throw new Error(`no "${label}" in a ${actionId} menu of ${JSON.stringify(blocks).slice(0, 400)}`);
  return found.value;
}

/** The posting id a job card carries: the value of its "I'm interested" button. */
export function postingIdOf(blocks: unknown): string {
  return buttonValue(blocks, 'im_interested');
}

/**
 * The DM channel the fake Slack API opens for a user (its conversations.open answer): `D` and the
 * user id's first 12 capitals and digits, e.g. `DU0CANDIDATE`.
 */
export function dmChannelOf(userId: string): string {
  return `D${userId.replace(/[^A-Z0-9]/g, '').slice(0, 12)}`;
}

/** Every chat.postMessage to `channel`, oldest first. */
export function postsTo(app: WithSlack, channel: string): RecordedCall[] {
  return app.slack.calls('chat.postMessage').filter((c) => c.args.channel === channel);
}

/** Every DM the bot posted to `userId`, oldest first. */
export function dmsTo(app: WithSlack, userId: string): RecordedCall[] {
  return postsTo(app, dmChannelOf(userId));
}

function isChannel(channel: unknown): boolean {
  return typeof channel === 'string' && channel.startsWith('C');
}

/** Every chat.postMessage to a channel (not a DM, not an ephemeral). */
export function channelPosts(app: WithSlack): RecordedCall[] {
  return app.slack.calls('chat.postMessage').filter((c) => isChannel(c.args.channel));
}

/**
 * What everyone in a channel can see: messages posted or updated in a channel (not DMs, not
 * ephemerals) and unfurls, oldest first. With `withComposerUnfurls`, unfurls in the message
 * composer (no channel) count too, for checks that nothing private ever leaves a DM.
 */
export function channelMessages(
  app: WithSlack,
  options: { withComposerUnfurls?: boolean } = {},
): RecordedCall[] {
  const methods = ['chat.postMessage', 'chat.update', 'chat.unfurl'];
  return app.slack
    .calls()
    .filter((c) => methods.includes(c.method))
    .filter((c) => isChannel(c.args.channel ?? (options.withComposerUnfurls ? 'COMPOSER' : undefined)));
}
