/**
 * Slack's Block Kit limits, the truncation helpers every builder uses to stay inside them, and a
 * checker that lists every limit a payload breaks (used by tests; cheap enough to log at runtime).
 *
 * @see https://docs.slack.dev/reference/block-kit/blocks
 * @see https://docs.slack.dev/reference/block-kit/block-elements
 * @see https://docs.slack.dev/reference/views
 */
export const slackLimits = {
  messageBlocks: 50,
  viewBlocks: 100,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  contextElements: 10,
  /** Slack allows 3000 per text object; context lines stay short on purpose. */
  contextText: 2000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  actionId: 255,
  blockId: 255,
  optionText: 75,
  optionDescription: 75,
  optionValue: 150,
  selectOptions: 100,
  choiceOptions: 10,
  /**
   * Overflow menus: "An array of up to five option objects" (the earlier reference: "minimum is 2").
   * @see https://docs.slack.dev/reference/block-kit/block-elements/overflow-menu-element
   */
  overflowOptions: 5,
  placeholder: 150,
  inputLabel: 2000,
  inputHint: 2000,
  plainTextInputMaxLength: 3000,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  /** Fallback `text` of a message: Slack truncates long ones; ours stay short. */
  fallbackText: 3000,
  /**
   * Our own budget for all text in one payload. Slack rejects messages well before 40k and
   * unfurls get cut around 12k; staying under 10k keeps every surface safe.
   */
  totalText: 10_000,
} as const;

const ellipsis = '…';

/** Cuts at `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  let end = Math.max(0, max);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/** Shortens plain text to at most `max` characters, ending with … when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${cut(text, max - 1).trimEnd()}${ellipsis}`;
}

/**
 * Like `truncate`, for mrkdwn we composed: never cuts inside an escape (`&amp;`) or a link /
 * mention (`<@U123>`), which Slack would show broken or, worse, parse across the cut.
 */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let head = cut(text, max - 1);
  const openAngle = head.lastIndexOf('<');
  if (openAngle > head.lastIndexOf('>')) head = head.slice(0, openAngle);
  const amp = head.lastIndexOf('&');
  if (amp > head.lastIndexOf(';') && head.length - amp <= 6) head = head.slice(0, amp);
  return `${head.trimEnd()}${ellipsis}`;
}

/** Collapses all whitespace to single spaces: for headers, options and other one-line text. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Total characters of every `text` string in a payload (blocks, views, messages). */
export function textLength(payload: unknown): number {
  let total = 0;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text' && typeof value === 'string') total += value.length;
        else walk(value);
      }
    }
  };
  walk(payload);
  return total;
}

/**
 * Keeps `content` blocks in order while they fit, then always appends `tail` (e.g. the action
 * buttons). When something had to go, `notice` is inserted before the tail so readers know.
 */
export function fitBlocks<B>(options: {
  content: readonly B[];
  tail?: readonly B[];
  maxBlocks: number;
  maxText?: number;
  notice?: B;
}): { blocks: B[]; cut: boolean } {
  const tail = options.tail ?? [];
  const maxText = options.maxText ?? slackLimits.totalText;
  const reserveBlocks = tail.length + (options.notice ? 1 : 0);
  const reserveText = textLength(tail) + (options.notice ? textLength(options.notice) : 0);
  const kept: B[] = [];
  let used = 0;
  let wasCut = false;
  for (const block of options.content) {
    const size = textLength(block);
    if (kept.length + 1 + reserveBlocks > options.maxBlocks || used + size + reserveText > maxText) {
      wasCut = true;
      break;
    }
    kept.push(block);
    used += size;
  }
  if (!wasCut) {
    // Without a cut the notice's reservation was not needed.
    return { blocks: [...kept, ...tail], cut: false };
  }
  return { blocks: [...kept, ...(options.notice ? [options.notice] : []), ...tail], cut: true };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const textOf = (v: unknown): string => (isObject(v) ? str(v.text) : '');

/** Which surface a payload is for: messages allow 50 blocks, views 100. */
export type Surface = 'message' | 'modal' | 'home';

/**
 * Every Block Kit limit `payload` breaks, as readable strings (empty when all is well).
 * `payload` is a message (`{ text, blocks }`) or a view (`{ type: 'modal' | 'home', ... }`).
 */
export function findLimitViolations(payload: unknown, surface: Surface): string[] {
  const problems: string[] = [];
  const L = slackLimits;
  const over = (what: string, value: string | number, max: number): void => {
    const size = typeof value === 'string' ? value.length : value;
    if (size > max) problems.push(`${what}: ${size} > ${max}`);
  };
  if (!isObject(payload)) return ['payload is not an object'];

  const blocks = Array.isArray(payload.blocks) ? payload.blocks : [];
  over('blocks', blocks.length, surface === 'message' ? L.messageBlocks : L.viewBlocks);
  over('total text', textLength(payload), L.totalText);
  if (surface === 'message') over('fallback text', str(payload.text), L.fallbackText);
  if (surface === 'modal') {
    over('modal title', textOf(payload.title), L.viewTitle);
    over('modal submit', textOf(payload.submit), L.viewButton);
    over('modal close', textOf(payload.close), L.viewButton);
  }
  if (surface !== 'message') {
    over('private_metadata', str(payload.private_metadata), L.privateMetadata);
    over('callback_id', str(payload.callback_id), L.callbackId);
  }

  const blockIds = new Set<string>();
  const checkConfirm = (where: string, confirm: unknown): void => {
    if (!isObject(confirm)) return;
    over(`${where} confirm title`, textOf(confirm.title), L.confirmTitle);
    over(`${where} confirm text`, textOf(confirm.text), L.confirmText);
    over(`${where} confirm button`, textOf(confirm.confirm), L.confirmButton);
    over(`${where} deny button`, textOf(confirm.deny), L.confirmButton);
  };
  const checkOptions = (where: string, options: unknown, max: number): void => {
    if (!Array.isArray(options)) return;
    over(`${where} options`, options.length, max);
    for (const option of options) {
      if (!isObject(option)) continue;
      over(`${where} option text`, textOf(option.text), L.optionText);
      over(`${where} option description`, textOf(option.description), L.optionDescription);
      over(`${where} option value`, str(option.value), L.optionValue);
    }
  };
  const checkElement = (where: string, element: unknown): void => {
    if (!isObject(element)) return;
    over(`${where} action_id`, str(element.action_id), L.actionId);
    over(`${where} placeholder`, textOf(element.placeholder), L.placeholder);
    checkConfirm(where, element.confirm);
    switch (element.type) {
      case 'button':
        over(`${where} button text`, textOf(element.text), L.buttonText);
        over(`${where} button value`, str(element.value), L.buttonValue);
        over(`${where} button url`, str(element.url), L.url);
        break;
      case 'static_select':
        checkOptions(where, element.options, L.selectOptions);
        break;
      case 'checkboxes':
      case 'radio_buttons':
        checkOptions(where, element.options, L.choiceOptions);
        break;
      case 'overflow':
        checkOptions(where, element.options, L.overflowOptions);
        if (Array.isArray(element.options) && element.options.length < 2) {
          problems.push(`${where} overflow options: ${element.options.length} < 2`);
        }
        break;
      case 'plain_text_input':
        if (typeof element.max_length === 'number') {
          over(`${where} max_length`, element.max_length, L.plainTextInputMaxLength);
        }
        break;
    }
  };

  blocks.forEach((block: unknown, index: number) => {
    if (!isObject(block)) return;
    const where = `block ${index} (${str(block.type)})`;
    const blockId = str(block.block_id);
    if (blockId) {
      over(`${where} block_id`, blockId, L.blockId);
      if (blockIds.has(blockId)) problems.push(`${where}: duplicate block_id ${blockId}`);
      blockIds.add(blockId);
    }
    switch (block.type) {
      case 'header':
        over(`${where} text`, textOf(block.text), L.headerText);
        break;
      case 'section':
        over(`${where} text`, textOf(block.text), L.sectionText);
        if (Array.isArray(block.fields)) {
          over(`${where} fields`, block.fields.length, L.sectionFields);
          for (const field of block.fields) over(`${where} field`, textOf(field), L.sectionFieldText);
        }
        if (!textOf(block.text) && !Array.isArray(block.fields)) problems.push(`${where}: no text`);
        checkElement(where, block.accessory);
        break;
      case 'context':
        if (Array.isArray(block.elements)) {
          over(`${where} elements`, block.elements.length, L.contextElements);
          for (const element of block.elements) over(`${where} element`, textOf(element), L.contextText);
        }
        break;
      case 'actions':
        if (Array.isArray(block.elements)) {
          over(`${where} elements`, block.elements.length, L.actionsElements);
          if (block.elements.length === 0) problems.push(`${where}: no elements`);
          const ids = block.elements.map((e: unknown) => (isObject(e) ? str(e.action_id) : ''));
          if (new Set(ids).size !== ids.length) problems.push(`${where}: duplicate action_id`);
          for (const element of block.elements) checkElement(where, element);
        }
        break;
      case 'input':
        over(`${where} label`, textOf(block.label), L.inputLabel);
        over(`${where} hint`, textOf(block.hint), L.inputHint);
        checkElement(where, block.element);
        break;
    }
  });
  return problems;
}
