/**
 * Slack's Block Kit rules, checked the way Slack checks them: every message, unfurl and view the fake
 * Slack API receives goes through `slackRejection`, and what Slack would refuse is refused with Slack's
 * own error (`invalid_blocks`, `invalid_arguments`, `msg_too_long`…) and messages naming the problem
 * and where it is (`[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]`).
 *
 * Written from Slack's reference pages, independently of the app's own `src/slack/blocks/limits.ts`, so
 * a limit the app's builders get wrong is caught here rather than confirmed. Each rule names the page it
 * comes from. Plain JS so the benchmark runs the same fake as the tests. Types: ./block-kit-rules.d.mts.
 *
 * Lengths are counted in UTF-16 units (String#length), at least as strict as Slack's characters.
 */

/** Slack's reference pages the rules below come from (`@see DOCS.section` means this table's `section`). */
export const DOCS = {
  blocks: 'https://docs.slack.dev/reference/block-kit/blocks',
  actions: 'https://docs.slack.dev/reference/block-kit/blocks/actions-block',
  context: 'https://docs.slack.dev/reference/block-kit/blocks/context-block',
  header: 'https://docs.slack.dev/reference/block-kit/blocks/header-block',
  image: 'https://docs.slack.dev/reference/block-kit/blocks/image-block',
  input: 'https://docs.slack.dev/reference/block-kit/blocks/input-block',
  markdown: 'https://docs.slack.dev/reference/block-kit/blocks/markdown-block',
  section: 'https://docs.slack.dev/reference/block-kit/blocks/section-block',
  button: 'https://docs.slack.dev/reference/block-kit/block-elements/button-element',
  checkboxes: 'https://docs.slack.dev/reference/block-kit/block-elements/checkboxes-element',
  overflow: 'https://docs.slack.dev/reference/block-kit/block-elements/overflow-menu-element',
  plainTextInput: 'https://docs.slack.dev/reference/block-kit/block-elements/plain-text-input-element',
  radio: 'https://docs.slack.dev/reference/block-kit/block-elements/radio-button-group-element',
  select: 'https://docs.slack.dev/reference/block-kit/block-elements/select-menu-element',
  confirm: 'https://docs.slack.dev/reference/block-kit/composition-objects/confirmation-dialog-object',
  option: 'https://docs.slack.dev/reference/block-kit/composition-objects/option-object',
  optionGroup: 'https://docs.slack.dev/reference/block-kit/composition-objects/option-group-object',
  text: 'https://docs.slack.dev/reference/block-kit/composition-objects/text-object',
  modal: 'https://docs.slack.dev/reference/views/modal-views',
  home: 'https://docs.slack.dev/reference/views/home-tab-views',
  postMessage: 'https://docs.slack.dev/reference/methods/chat.postMessage',
  unfurl: 'https://docs.slack.dev/reference/methods/chat.unfurl',
  metadata: 'https://docs.slack.dev/messaging/message-metadata',
  viewResponses: 'https://docs.slack.dev/surfaces/modals#updating_response',
  commandAck:
    'https://docs.slack.dev/interactivity/implementing-slash-commands#responding_immediate_response',
  viewsOpen: 'https://docs.slack.dev/reference/methods/views.open',
  viewsPublish: 'https://docs.slack.dev/reference/methods/views.publish',
  webhooks: 'https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks',
};

/** Every limit the rules enforce, with the page that documents it. */
export const blockKitLimits = {
  /** @see DOCS.postMessage "blocks": up to 50 blocks in a message (also each unfurl's blocks). */
  messageBlocks: 50,
  /** @see DOCS.modal, DOCS.home "Max of 100 blocks". */
  viewBlocks: 100,
  /** @see DOCS.postMessage "Slack will truncate messages containing more than 40,000 characters" (error msg_too_long). */
  messageText: 40_000,
  /** @see DOCS.text "The minimum length is 1 and maximum length is 3000 characters". */
  text: 3000,
  /** @see DOCS.section text. */
  sectionText: 3000,
  /** @see DOCS.section fields: "Maximum number of items is 10", "Maximum length for the text in each item is 2000". */
  sectionFields: 10,
  sectionFieldText: 2000,
  /** @see DOCS.header "Maximum length for the text in this field is 150 characters". */
  headerText: 150,
  /** @see DOCS.context "Maximum number of items is 10". */
  contextElements: 10,
  /** @see DOCS.actions "There is a maximum of 25 elements in each action block". */
  actionsElements: 25,
  /** @see DOCS.blocks block_id "Maximum length for this field is 255 characters", unique in a message / view. */
  blockId: 255,
  /** @see DOCS.button action_id "Maximum length is 255 characters", unique among the action_ids of its block. */
  actionId: 255,
  /** @see DOCS.button text 75, value 2000, url 3000, accessibility_label 75. */
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  accessibilityLabel: 75,
  /** @see DOCS.overflow "An array of up to five option objects"; the earlier reference also said "minimum is 2". */
  overflowOptionsMin: 2,
  overflowOptionsMax: 5,
  /** @see DOCS.select options "Maximum number of options is 100", option_groups "Maximum number … is 100". */
  selectOptions: 100,
  /** @see DOCS.optionGroup label 75, options 100. */
  optionGroupLabel: 75,
  /** @see DOCS.checkboxes, DOCS.radio "A maximum of 10 options are allowed". */
  choiceOptions: 10,
  /** @see DOCS.option text 75, value 150, description 75, url 3000 (overflow menus only). */
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  /** @see DOCS.select placeholder "Maximum length for the text in this field is 150 characters". */
  placeholder: 150,
  /** @see DOCS.input label 2000, hint 2000. */
  inputLabel: 2000,
  inputHint: 2000,
  /** @see DOCS.plainTextInput min_length 0–3000, max_length 1–3000. */
  inputLength: 3000,
  /** @see DOCS.image alt_text 2000, title 2000, image_url 3000. */
  imageAltText: 2000,
  imageTitle: 2000,
  /** @see DOCS.markdown "The cumulative limit for all markdown blocks in a single payload is 12,000 characters". */
  markdownText: 12_000,
  /** @see DOCS.confirm title 100, text 300, confirm 30, deny 30. */
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  /** @see DOCS.modal title, submit and close "max length of 24 characters". */
  viewTitle: 24,
  viewButton: 24,
  /** @see DOCS.modal, DOCS.home private_metadata 3000, callback_id 255. */
  privateMetadata: 3000,
  callbackId: 255,
};

const L = blockKitLimits;

/** Block types Slack knows (@see DOCS.blocks); anything else is refused. */
const BLOCK_TYPES = new Set([
  'actions',
  'context',
  'context_actions',
  'divider',
  'file',
  'header',
  'image',
  'input',
  'markdown',
  'rich_text',
  'section',
  'table',
  'video',
]);

const SELECTS = [
  'static_select',
  'external_select',
  'users_select',
  'conversations_select',
  'channels_select',
  'multi_static_select',
  'multi_external_select',
  'multi_users_select',
  'multi_conversations_select',
  'multi_channels_select',
];

/** Which elements each place takes: "Works with block types" on each element's page (@see DOCS.section etc.). */
const SECTION_ACCESSORIES = new Set([
  'button',
  'checkboxes',
  'datepicker',
  'image',
  'overflow',
  'radio_buttons',
  'timepicker',
  'workflow_button',
  ...SELECTS,
]);
const ACTIONS_ELEMENTS = new Set([
  'button',
  'checkboxes',
  'datepicker',
  'datetimepicker',
  'overflow',
  'radio_buttons',
  'rich_text_input',
  'timepicker',
  'workflow_button',
  ...SELECTS,
]);
const INPUT_ELEMENTS = new Set([
  'checkboxes',
  'datepicker',
  'datetimepicker',
  'email_text_input',
  'file_input',
  'number_input',
  'plain_text_input',
  'radio_buttons',
  'rich_text_input',
  'timepicker',
  'url_text_input',
  ...SELECTS,
]);

/** @typedef {import('./block-kit-rules.d.mts').BlockKitProblem} BlockKitProblem */
/** @typedef {{ problems: BlockKitProblem[]; blockIds: Set<string>; where: string }} Context */

/** @param {unknown} v @returns {v is Record<string, unknown>} */
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A JSON pointer segment (RFC 6901): `~` and `/` escaped, as in `/unfurls/https:~1~1…`. */
const segment = (/** @type {string | number} */ key) =>
  String(key).replaceAll('~', '~0').replaceAll('/', '~1');

/** @param {Context} ctx @param {string} at @param {string} message */
function problem(ctx, at, message) {
  ctx.problems.push({ pointer: at, message });
}

/**
 * A string field: required or not, at most `max` long (and at least `min`).
 * @param {Context} ctx @param {unknown} value @param {string} at
 * @param {{ max: number; min?: number; required?: boolean }} rule
 */
function checkString(ctx, value, at, { max, min = 0, required = false }) {
  if (value === undefined) {
    if (required) problem(ctx, at, `missing required field: ${at.split('/').pop()}`);
    return;
  }
  if (typeof value !== 'string') return problem(ctx, at, 'must be a string');
  if (value.length < min) return problem(ctx, at, `must be more than ${min - 1} characters`);
  if (value.length > max) problem(ctx, at, `must be less than ${max + 1} characters`);
}

/**
 * An array field: required or not, between `min` and `max` items.
 * @param {Context} ctx @param {unknown} value @param {string} at
 * @param {{ max: number; min?: number; required?: boolean }} rule
 * @returns {unknown[]} the items (none when the field is missing or not an array)
 */
function checkList(ctx, value, at, { max, min = 0, required = false }) {
  if (value === undefined) {
    if (required) problem(ctx, at, `missing required field: ${at.split('/').pop()}`);
    return [];
  }
  if (!Array.isArray(value)) {
    problem(ctx, at, 'must provide an array');
    return [];
  }
  if (value.length < min) problem(ctx, at, `must provide at least ${min} items`);
  if (value.length > max) problem(ctx, at, `no more than ${max} items allowed`);
  return value;
}

/**
 * A text object (@see DOCS.text): `plain_text` or `mrkdwn` (only `plain_text` where `plainOnly`),
 * 1 to `max` characters, `emoji` only on plain_text and `verbatim` only on mrkdwn.
 * @param {Context} ctx @param {unknown} value @param {string} at
 * @param {{ max: number; plainOnly?: boolean; required?: boolean }} rule
 */
function checkText(ctx, value, at, { max, plainOnly = false, required = true }) {
  if (value === undefined) {
    if (required) problem(ctx, at, `missing required field: ${at.split('/').pop()}`);
    return;
  }
  if (!isObject(value)) return problem(ctx, at, 'must provide an object');
  if (value.type !== 'plain_text' && value.type !== 'mrkdwn') {
    problem(ctx, `${at}/type`, 'must be a valid enum value');
  } else if (plainOnly && value.type !== 'plain_text') {
    problem(ctx, `${at}/type`, 'must be a valid enum value: only plain_text is allowed here');
  }
  checkString(ctx, value.text, `${at}/text`, { max: Math.min(max, L.text), min: 1, required: true });
  if (value.emoji !== undefined && value.type !== 'plain_text') {
    problem(ctx, `${at}/emoji`, 'emoji is only allowed on plain_text');
  }
  if (value.verbatim !== undefined && value.type !== 'mrkdwn') {
    problem(ctx, `${at}/verbatim`, 'verbatim is only allowed on mrkdwn');
  }
}

/** @see DOCS.confirm @param {Context} ctx @param {unknown} value @param {string} at */
function checkConfirm(ctx, value, at) {
  if (value === undefined) return;
  if (!isObject(value)) return problem(ctx, at, 'must provide an object');
  checkText(ctx, value.title, `${at}/title`, { max: L.confirmTitle, plainOnly: true });
  checkText(ctx, value.text, `${at}/text`, { max: L.confirmText });
  checkText(ctx, value.confirm, `${at}/confirm`, { max: L.confirmButton, plainOnly: true });
  checkText(ctx, value.deny, `${at}/deny`, { max: L.confirmButton, plainOnly: true });
  checkStyle(ctx, value.style, `${at}/style`);
}

/** @param {Context} ctx @param {unknown} value @param {string} at */
function checkStyle(ctx, value, at) {
  if (value !== undefined && value !== 'primary' && value !== 'danger') {
    problem(ctx, at, 'must be a valid enum value');
  }
}

/**
 * An option (@see DOCS.option): plain_text text unless in checkboxes or radio buttons (mrkdwn allowed
 * there), a value, a description, and a url only in overflow menus.
 * @param {Context} ctx @param {unknown} value @param {string} at
 * @param {{ mrkdwnAllowed: boolean; urlAllowed: boolean }} rule
 */
function checkOption(ctx, value, at, { mrkdwnAllowed, urlAllowed }) {
  if (!isObject(value)) return problem(ctx, at, 'must provide an object');
  checkText(ctx, value.text, `${at}/text`, { max: L.optionText, plainOnly: !mrkdwnAllowed });
  checkString(ctx, value.value, `${at}/value`, { max: L.optionValue, min: 1, required: true });
  checkText(ctx, value.description, `${at}/description`, { max: L.optionDescription, required: false });
  if (value.url !== undefined) {
    if (urlAllowed) checkString(ctx, value.url, `${at}/url`, { max: L.url });
    else problem(ctx, `${at}/url`, 'url is only allowed on overflow menu options');
  }
}

/**
 * @param {Context} ctx @param {unknown[]} options @param {string} at
 * @param {{ mrkdwnAllowed: boolean; urlAllowed: boolean }} rule
 */
function checkOptions(ctx, options, at, rule) {
  options.forEach((option, i) => {
    checkOption(ctx, option, `${at}/${i}`, rule);
  });
}

/**
 * An initial option must be one of the options (@see DOCS.select initial_option "exactly matches one
 * of the options"): same value and same text.
 * @param {Context} ctx @param {unknown} initial @param {unknown[]} options @param {string} at
 */
function checkInitialOption(ctx, initial, options, at) {
  if (!isObject(initial)) return problem(ctx, at, 'must provide an object');
  const key = (/** @type {unknown} */ o) =>
    isObject(o) ? JSON.stringify([o.value, isObject(o.text) ? o.text.text : undefined]) : '';
  if (!options.some((o) => key(o) === key(initial))) {
    problem(ctx, at, 'must match one of the options');
  }
}

/**
 * A block element, in a place that takes `allowed` element types.
 * @param {Context} ctx @param {unknown} value @param {string} at @param {Set<string>} allowed
 */
function checkElement(ctx, value, at, allowed) {
  if (!isObject(value)) return problem(ctx, at, 'must provide an object');
  const type = typeof value.type === 'string' ? value.type : '';
  if (type === '') return problem(ctx, `${at}/type`, 'missing required field: type');
  if (!allowed.has(type)) return problem(ctx, `${at}/type`, `unsupported element type here: ${type}`);
  if (type !== 'image') {
    checkString(ctx, value.action_id, `${at}/action_id`, { max: L.actionId, min: 1 });
  }
  checkText(ctx, value.placeholder, `${at}/placeholder`, {
    max: L.placeholder,
    plainOnly: true,
    required: false,
  });
  checkConfirm(ctx, value.confirm, `${at}/confirm`);
  switch (type) {
    case 'button':
    case 'workflow_button':
      checkText(ctx, value.text, `${at}/text`, { max: L.buttonText, plainOnly: true });
      checkString(ctx, value.value, `${at}/value`, { max: L.buttonValue });
      checkString(ctx, value.url, `${at}/url`, { max: L.url });
      checkString(ctx, value.accessibility_label, `${at}/accessibility_label`, {
        max: L.accessibilityLabel,
      });
      checkStyle(ctx, value.style, `${at}/style`);
      break;
    case 'overflow': {
      const options = checkList(ctx, value.options, `${at}/options`, {
        min: L.overflowOptionsMin,
        max: L.overflowOptionsMax,
        required: true,
      });
      checkOptions(ctx, options, `${at}/options`, { mrkdwnAllowed: false, urlAllowed: true });
      break;
    }
    case 'static_select':
    case 'multi_static_select':
      checkStaticSelect(ctx, value, at);
      break;
    case 'checkboxes':
    case 'radio_buttons': {
      const options = checkList(ctx, value.options, `${at}/options`, {
        min: 1,
        max: L.choiceOptions,
        required: true,
      });
      checkOptions(ctx, options, `${at}/options`, { mrkdwnAllowed: true, urlAllowed: false });
      if (value.initial_option !== undefined) {
        checkInitialOption(ctx, value.initial_option, options, `${at}/initial_option`);
      }
      checkList(ctx, value.initial_options, `${at}/initial_options`, { max: L.choiceOptions }).forEach(
        (initial, i) => {
          checkInitialOption(ctx, initial, options, `${at}/initial_options/${i}`);
        },
      );
      break;
    }
    case 'plain_text_input':
      for (const [field, min] of /** @type {const} */ ([
        ['min_length', 0],
        ['max_length', 1],
      ])) {
        const length = value[field];
        if (length === undefined) continue;
        if (
          typeof length !== 'number' ||
          !Number.isInteger(length) ||
          length < min ||
          length > L.inputLength
        ) {
          problem(ctx, `${at}/${field}`, `must be an integer from ${min} to ${L.inputLength}`);
        }
      }
      break;
    case 'image':
      checkString(ctx, value.image_url, `${at}/image_url`, { max: L.url, min: 1 });
      checkString(ctx, value.alt_text, `${at}/alt_text`, { max: L.imageAltText, required: true });
      break;
  }
}

/** @see DOCS.select, DOCS.optionGroup @param {Context} ctx @param {Record<string, unknown>} value @param {string} at */
function checkStaticSelect(ctx, value, at) {
  const rule = { mrkdwnAllowed: false, urlAllowed: false };
  /** @type {unknown[]} */
  let all = [];
  if (value.options !== undefined && value.option_groups !== undefined) {
    problem(ctx, at, 'must provide either options or option_groups, not both');
  } else if (value.options === undefined && value.option_groups === undefined) {
    problem(ctx, `${at}/options`, 'missing required field: options');
  }
  if (value.options !== undefined) {
    all = checkList(ctx, value.options, `${at}/options`, { min: 1, max: L.selectOptions });
    checkOptions(ctx, all, `${at}/options`, rule);
  }
  if (value.option_groups !== undefined) {
    const groups = checkList(ctx, value.option_groups, `${at}/option_groups`, {
      min: 1,
      max: L.selectOptions,
    });
    groups.forEach((group, i) => {
      const where = `${at}/option_groups/${i}`;
      if (!isObject(group)) {
        problem(ctx, where, 'must provide an object');
        return;
      }
      checkText(ctx, group.label, `${where}/label`, { max: L.optionGroupLabel, plainOnly: true });
      const options = checkList(ctx, group.options, `${where}/options`, {
        max: L.selectOptions,
        required: true,
      });
      checkOptions(ctx, options, `${where}/options`, rule);
      all = [...all, ...options];
    });
  }
  if (value.initial_option !== undefined) {
    checkInitialOption(ctx, value.initial_option, all, `${at}/initial_option`);
  }
  checkList(ctx, value.initial_options, `${at}/initial_options`, { max: L.selectOptions }).forEach(
    (initial, i) => {
      checkInitialOption(ctx, initial, all, `${at}/initial_options/${i}`);
    },
  );
}

/** @param {Context} ctx @param {unknown} block @param {string} at */
function checkBlock(ctx, block, at) {
  if (!isObject(block)) return problem(ctx, at, 'must provide an object');
  const type = typeof block.type === 'string' ? block.type : '';
  if (type === '') return problem(ctx, `${at}/type`, 'missing required field: type');
  if (!BLOCK_TYPES.has(type)) return problem(ctx, `${at}/type`, `unsupported block type: ${type}`);
  // @see DOCS.blocks: block_id "Maximum length for this field is 255 characters" and
  // "should be unique for each message" (or view).
  if (block.block_id !== undefined) {
    checkString(ctx, block.block_id, `${at}/block_id`, { max: L.blockId, min: 1 });
    if (typeof block.block_id === 'string') {
      if (ctx.blockIds.has(block.block_id)) {
        problem(ctx, `${at}/block_id`, `must be unique within the ${ctx.where}: ${block.block_id}`);
      }
      ctx.blockIds.add(block.block_id);
    }
  }
  switch (type) {
    case 'section': {
      // @see DOCS.section: text (3000) is "not required if a valid array of fields objects is provided".
      if (block.text === undefined && block.fields === undefined) {
        problem(ctx, at, 'must provide either text or fields');
      }
      checkText(ctx, block.text, `${at}/text`, { max: L.sectionText, required: false });
      const fields = checkList(ctx, block.fields, `${at}/fields`, { min: 1, max: L.sectionFields });
      fields.forEach((field, i) => {
        checkText(ctx, field, `${at}/fields/${i}`, { max: L.sectionFieldText });
      });
      if (block.accessory !== undefined) {
        checkElement(ctx, block.accessory, `${at}/accessory`, SECTION_ACCESSORIES);
      }
      break;
    }
    case 'header':
      checkText(ctx, block.text, `${at}/text`, { max: L.headerText, plainOnly: true });
      break;
    case 'context': {
      const elements = checkList(ctx, block.elements, `${at}/elements`, {
        min: 1,
        max: L.contextElements,
        required: true,
      });
      elements.forEach((element, i) => {
        const where = `${at}/elements/${i}`;
        if (isObject(element) && element.type === 'image') {
          checkElement(ctx, element, where, new Set(['image']));
        } else {
          checkText(ctx, element, where, { max: L.text });
        }
      });
      break;
    }
    case 'actions': {
      const elements = checkList(ctx, block.elements, `${at}/elements`, {
        min: 1,
        max: L.actionsElements,
        required: true,
      });
      /** @type {Set<string>} */
      const actionIds = new Set();
      elements.forEach((element, i) => {
        const where = `${at}/elements/${i}`;
        checkElement(ctx, element, where, ACTIONS_ELEMENTS);
        // @see DOCS.button action_id: "Should be unique among all other action_ids in the containing block".
        const actionId = isObject(element) ? element.action_id : undefined;
        if (typeof actionId === 'string') {
          if (actionIds.has(actionId)) {
            problem(ctx, `${where}/action_id`, `must be unique within the block: ${actionId}`);
          }
          actionIds.add(actionId);
        }
      });
      break;
    }
    case 'input':
      checkText(ctx, block.label, `${at}/label`, { max: L.inputLabel, plainOnly: true });
      checkText(ctx, block.hint, `${at}/hint`, { max: L.inputHint, plainOnly: true, required: false });
      if (block.element === undefined) problem(ctx, `${at}/element`, 'missing required field: element');
      else checkElement(ctx, block.element, `${at}/element`, INPUT_ELEMENTS);
      break;
    case 'image':
      if (block.image_url === undefined && block.slack_file === undefined) {
        problem(ctx, at, 'must provide either image_url or slack_file');
      }
      checkString(ctx, block.image_url, `${at}/image_url`, { max: L.url, min: 1 });
      checkString(ctx, block.alt_text, `${at}/alt_text`, { max: L.imageAltText, required: true });
      checkText(ctx, block.title, `${at}/title`, { max: L.imageTitle, plainOnly: true, required: false });
      break;
    case 'markdown':
      checkString(ctx, block.text, `${at}/text`, { max: L.markdownText, min: 1, required: true });
      break;
  }
}

/**
 * @param {Context} ctx @param {unknown} blocks @param {string} at @param {number} max
 * @param {boolean} required
 */
function checkBlocks(ctx, blocks, at, max, required) {
  checkList(ctx, blocks, at, { max, required }).forEach((block, i) => {
    checkBlock(ctx, block, `${at}/${i}`);
  });
}

/** @param {string} where @returns {Context} */
const newContext = (where) => ({ problems: [], blockIds: new Set(), where });

/**
 * The problems of a message's blocks (chat.postMessage, chat.postEphemeral, chat.update, a
 * response_url answer, one link's unfurl): at most 50 blocks, each valid.
 * @param {unknown} message
 * @param {string} [at] where the message sits in the request ('' for the top level)
 * @returns {BlockKitProblem[]}
 */
export function messageProblems(message, at = '') {
  const ctx = newContext('message');
  if (!isObject(message)) {
    problem(ctx, at === '' ? '/' : at, 'must provide an object');
    return ctx.problems;
  }
  checkBlocks(ctx, message.blocks, `${at}/blocks`, L.messageBlocks, false);
  return ctx.problems;
}

/**
 * The problems of a view (views.open, views.push, views.update: a modal; views.publish: a Home tab).
 * @see DOCS.modal @see DOCS.home
 * @param {unknown} view
 * @param {string} [at] where the view sits in the request ('/view' in the Web API's arguments)
 * @returns {BlockKitProblem[]}
 */
export function viewProblems(view, at = '/view') {
  const ctx = newContext('view');
  if (!isObject(view)) {
    problem(ctx, at, view === undefined ? 'missing required field: view' : 'must provide an object');
    return ctx.problems;
  }
  if (view.type !== 'modal' && view.type !== 'home') {
    problem(ctx, `${at}/type`, 'must be a valid enum value');
  }
  checkBlocks(ctx, view.blocks, `${at}/blocks`, L.viewBlocks, true);
  checkString(ctx, view.private_metadata, `${at}/private_metadata`, { max: L.privateMetadata });
  checkString(ctx, view.callback_id, `${at}/callback_id`, { max: L.callbackId });
  if (view.type === 'modal') {
    checkText(ctx, view.title, `${at}/title`, { max: L.viewTitle, plainOnly: true });
    checkText(ctx, view.close, `${at}/close`, { max: L.viewButton, plainOnly: true, required: false });
    // @see DOCS.modal: "submit is required when an input block is within the blocks array".
    const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isObject(b) && b.type === 'input');
    checkText(ctx, view.submit, `${at}/submit`, { max: L.viewButton, plainOnly: true, required: hasInput });
  }
  return ctx.problems;
}

/**
 * The problems of chat.unfurl's `unfurls`: each link's blocks are checked as a message's (block_ids
 * unique per link).
 * @see DOCS.unfurl "URL-encoded JSON map with keys set to URLs … pointing to their unfurl blocks"
 * @param {unknown} unfurls
 * @returns {BlockKitProblem[]}
 */
export function unfurlProblems(unfurls) {
  if (!isObject(unfurls)) return [{ pointer: '/unfurls', message: 'must provide an object' }];
  return Object.entries(unfurls).flatMap(([url, unfurl]) => {
    return messageProblems(unfurl, `/unfurls/${segment(url)}`);
  });
}

/** `[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]`, as Slack words it. */
export function formatProblem(/** @type {BlockKitProblem} */ { pointer, message }) {
  return `[ERROR] ${message} [json-pointer:${pointer}]`;
}

/**
 * The arguments each method requires ("Required arguments" on each method's page, e.g.
 * @see DOCS.postMessage, DOCS.viewsOpen, DOCS.viewsPublish): each entry is a list of alternatives,
 * one of which must be given in full (chat.unfurl takes `channel` and `ts`, or `unfurl_id` and
 * `source`; views.update `view_id` or `external_id`).
 * @type {Record<string, string[][][]>}
 */
const REQUIRED_ARGUMENTS = {
  'chat.postMessage': [[['channel']]],
  'chat.postEphemeral': [[['channel']], [['user']]],
  'chat.update': [[['channel']], [['ts']]],
  'chat.unfurl': [
    [
      ['channel', 'ts'],
      ['unfurl_id', 'source'],
    ],
  ],
  'views.open': [[['trigger_id'], ['interactivity_pointer']], [['view']]],
  'views.push': [[['trigger_id'], ['interactivity_pointer']], [['view']]],
  'views.update': [[['view_id'], ['external_id']], [['view']]],
  'views.publish': [[['user_id']], [['view']]],
};

/** @param {string} method @param {Record<string, unknown>} args @returns {BlockKitProblem[]} */
function missingArguments(method, args) {
  const given = (/** @type {string} */ name) => args[name] !== undefined && args[name] !== '';
  return (REQUIRED_ARGUMENTS[method] ?? [])
    .filter((alternatives) => !alternatives.some((names) => names.every(given)))
    .map((alternatives) => ({
      pointer: `/${alternatives[0]?.find((name) => !given(name)) ?? ''}`,
      message: `missing required field: ${alternatives.map((names) => names.join(' and ')).join(' or ')}`,
    }));
}

/**
 * Message metadata: an `event_type` string and an `event_payload` object whose values are strings,
 * numbers, booleans, or objects (or arrays of objects) of those.
 * @see DOCS.metadata (errors invalid_metadata_format, @see DOCS.postMessage)
 * @param {unknown} metadata
 */
function isValidMetadata(metadata) {
  const scalar = (/** @type {unknown} */ v) => ['string', 'number', 'boolean'].includes(typeof v);
  const flat = (/** @type {unknown} */ v) => isObject(v) && Object.values(v).every(scalar);
  return (
    isObject(metadata) &&
    typeof metadata.event_type === 'string' &&
    metadata.event_type.length > 0 &&
    isObject(metadata.event_payload) &&
    Object.values(metadata.event_payload).every(
      (v) => scalar(v) || flat(v) || (Array.isArray(v) && v.every(flat)),
    )
  );
}

/** Methods that carry a message, and the error Slack gives for bad blocks in each. */
const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'response_url']);
const VIEW_METHODS = new Set(['views.open', 'views.push', 'views.update', 'views.publish']);

/** Whether `slackRejection` looks at calls of `method`. */
export function isCheckedMethod(/** @type {string} */ method) {
  return MESSAGE_METHODS.has(method) || VIEW_METHODS.has(method) || method === 'chat.unfurl';
}

/**
 * How Slack would refuse this call, or undefined when it would accept it. Messages with invalid
 * blocks get `invalid_blocks` (@see DOCS.postMessage; a response_url answers HTTP 400 with the bare
 * code, as incoming webhooks do, @see DOCS.webhooks), blocks that are not a JSON array
 * `invalid_blocks_format`, metadata of the wrong shape `invalid_metadata_format`, a text over 40,000
 * characters `msg_too_long`, a post with neither text nor blocks `no_text`; views with problems, and
 * calls without a required argument, `invalid_arguments` (a view's pointers under `/view`).
 * @param {string} method
 * @param {Record<string, unknown>} args
 * @returns {import('./block-kit-rules.d.mts').SlackRejection | undefined}
 */
export function slackRejection(method, args) {
  /** @type {(error: string, problems?: BlockKitProblem[]) => import('./block-kit-rules.d.mts').SlackRejection} */
  const reject = (error, problems = []) => ({
    status: method === 'response_url' ? 400 : 200,
    error,
    messages: problems.map(formatProblem),
  });
  const missing = missingArguments(method, args);
  if (missing.length > 0) return reject('invalid_arguments', missing);
  if (MESSAGE_METHODS.has(method)) {
    if (typeof args.blocks === 'string') return reject('invalid_blocks_format');
    if (args.metadata !== undefined && !isValidMetadata(args.metadata)) {
      return reject('invalid_metadata_format', [
        { pointer: '/metadata', message: 'must be valid message metadata' },
      ]);
    }
    const problems = messageProblems(args);
    if (problems.length > 0) return reject('invalid_blocks', problems);
    if (typeof args.text === 'string' && args.text.length > L.messageText) {
      return reject('msg_too_long', [
        { pointer: '/text', message: `must be less than ${L.messageText + 1} characters` },
      ]);
    }
    const postsNew = method === 'chat.postMessage' || method === 'chat.postEphemeral';
    const empty = (args.text === undefined || args.text === '') && args.blocks === undefined;
    if (postsNew && empty && args.attachments === undefined) return reject('no_text');
    return undefined;
  }
  if (VIEW_METHODS.has(method)) {
    const problems = viewProblems(args.view);
    return problems.length > 0 ? reject('invalid_arguments', problems) : undefined;
  }
  if (method === 'chat.unfurl' && args.unfurls !== undefined) {
    if (typeof args.unfurls === 'string') return reject('invalid_unfurls_format');
    const problems = unfurlProblems(args.unfurls);
    return problems.length > 0 ? reject('invalid_blocks', problems) : undefined;
  }
  return undefined;
}

/**
 * Slack's refusal of what the app answered an interaction or a command with in the HTTP response
 * (its `ack`), as `[ERROR] …` messages: a view it updates or pushes with `response_action`
 * (@see DOCS.viewResponses), `errors` that are not block_id → message strings, or a message (text,
 * blocks) answering a slash command (@see DOCS.commandAck). Empty when Slack would take it.
 * @param {unknown} body the parsed JSON of the app's answer (undefined for an empty one)
 * @returns {string[]}
 */
export function ackRefusal(body) {
  if (!isObject(body)) return [];
  /** @type {BlockKitProblem[]} */
  let problems = [];
  if (body.response_action === 'update' || body.response_action === 'push') {
    problems = viewProblems(body.view);
  } else if (body.response_action === 'errors') {
    const { errors } = body;
    if (!isObject(errors) || Object.values(errors).some((m) => typeof m !== 'string' || m.length === 0)) {
      problems = [{ pointer: '/errors', message: 'must map block_ids to messages' }];
    }
  } else if (body.response_action !== undefined && body.response_action !== 'clear') {
    problems = [{ pointer: '/response_action', message: 'must be a valid enum value' }];
  } else if (body.blocks !== undefined || body.text !== undefined) {
    problems = messageProblems(body);
  }
  return problems.map(formatProblem);
}
