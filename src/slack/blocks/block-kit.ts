import type { types } from '@slack/bolt';
import { cleanText } from '../../text/clean-text.js';
import { slackLimits as L, oneLine, truncate, truncateMrkdwn } from './limits.js';
import { safeHttpUrl } from './mrkdwn.js';

/**
 * Small Block Kit constructors that enforce Slack's limits where the block is made, so no builder
 * has to remember them. Text given to `section`/`context` is mrkdwn the caller composed (user text
 * already escaped); text given to `header`/`button`/`option` is plain text.
 */

export type KnownBlock = types.KnownBlock;
/** Slack's view types, narrowed to known blocks so callers (and tests) can inspect them. */
export type ModalView = Omit<types.ModalView, 'blocks'> & { blocks: KnownBlock[] };
export type HomeView = Omit<types.HomeView, 'blocks'> & { blocks: KnownBlock[] };
export type Button = types.Button;
export type PlainTextOption = types.PlainTextOption;
export type ActionsBlockElement = types.ActionsBlockElement;
export type SectionBlockAccessory = NonNullable<types.SectionBlock['accessory']>;
export type Overflow = types.Overflow;

/** A message ready for chat.postMessage / chat.postEphemeral; `blocks` alone fits chat.unfurl. */
export interface SlackMessage {
  /** Fallback for notifications and screen readers. */
  text: string;
  blocks: KnownBlock[];
}

/** Plain text (Slack shows it as is, no escaping needed): cleaned, on one line, cut to `max`. */
export function plainText(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: truncate(oneLine(cleanText(text)), max) || ' ', emoji: true };
}

export function header(text: string): types.HeaderBlock {
  return { type: 'header', text: plainText(text, L.headerText) };
}

export function section(mrkdwn: string, accessory?: SectionBlockAccessory): types.SectionBlock {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: truncateMrkdwn(mrkdwn, L.sectionText) },
    ...(accessory ? { accessory } : {}),
  };
}

/** A section of short "label / value" fields (two columns on desktop). */
export function fieldsSection(fields: readonly string[]): types.SectionBlock {
  return {
    type: 'section',
    fields: fields
      .slice(0, L.sectionFields)
      .map((text) => ({ type: 'mrkdwn' as const, text: truncateMrkdwn(text, L.sectionFieldText) })),
  };
}

export function context(...mrkdwn: string[]): types.ContextBlock {
  return {
    type: 'context',
    elements: mrkdwn
      .filter((text) => text.length > 0)
      .slice(0, L.contextElements)
      .map((text) => ({ type: 'mrkdwn' as const, text: truncateMrkdwn(text, L.contextText) })),
  };
}

export function divider(): types.DividerBlock {
  return { type: 'divider' };
}

/** An actions block, or nothing when there is no element (Slack rejects an empty one). */
export function actions(
  elements: ReadonlyArray<ActionsBlockElement | null | undefined>,
): types.ActionsBlock[] {
  const present = elements.filter((e): e is ActionsBlockElement => e != null).slice(0, L.actionsElements);
  return present.length > 0 ? [{ type: 'actions', elements: present }] : [];
}

export interface ConfirmInput {
  title: string;
  text: string;
  confirm: string;
  deny?: string;
}

export function confirmDialog(input: ConfirmInput): types.ConfirmationDialog {
  return {
    title: plainText(input.title, L.confirmTitle),
    text: plainText(input.text, L.confirmText),
    confirm: plainText(input.confirm, L.confirmButton),
    deny: plainText(input.deny ?? 'Cancel', L.confirmButton),
  };
}

export interface ButtonInput {
  actionId: string;
  text: string;
  value?: string;
  style?: 'primary' | 'danger';
  confirm?: ConfirmInput;
}

/**
 * A button. A `value` longer than Slack allows is a bug in the caller (ids are short), so it
 * throws rather than silently sending a cut id.
 */
export function button(input: ButtonInput): Button {
  if (input.value !== undefined && input.value.length > L.buttonValue) {
    throw new RangeError(`button value of ${input.value.length} chars exceeds ${L.buttonValue}`);
  }
  return {
    type: 'button',
    action_id: input.actionId,
    text: plainText(input.text, L.buttonText),
    ...(input.value !== undefined ? { value: input.value } : {}),
    ...(input.style ? { style: input.style } : {}),
    ...(input.confirm ? { confirm: confirmDialog(input.confirm) } : {}),
  };
}

/** A button that opens `url`; null when the URL is not http(s) or is too long for Slack. */
export function linkButton(input: {
  actionId: string;
  text: string;
  url: string;
  value?: string;
}): Button | null {
  // Slack accepts only http(s) URLs on buttons.
  const url = safeHttpUrl(input.url);
  if (!url) return null;
  return { ...button({ actionId: input.actionId, text: input.text, value: input.value }), url };
}

/**
 * An overflow menu ("…"): up to five options, and an optional confirmation shown after any of them
 * is chosen.
 * @see https://docs.slack.dev/reference/block-kit/block-elements/overflow-menu-element
 */
export function overflow(input: {
  actionId: string;
  options: readonly PlainTextOption[];
  confirm?: ConfirmInput;
}): Overflow {
  return {
    type: 'overflow',
    action_id: input.actionId,
    options: input.options.slice(0, L.overflowOptions),
    ...(input.confirm ? { confirm: confirmDialog(input.confirm) } : {}),
  };
}

export function option(text: string, value: string, description?: string): PlainTextOption {
  if (value.length > L.optionValue) {
    throw new RangeError(`option value of ${value.length} chars exceeds ${L.optionValue}`);
  }
  return {
    text: plainText(text, L.optionText),
    value,
    ...(description ? { description: plainText(description, L.optionDescription) } : {}),
  };
}

/** A view's title / submit / close text (24 characters at most). */
export function viewText(text: string): types.PlainTextElement {
  return plainText(text, L.viewTitle);
}
