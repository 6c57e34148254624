import { describe, expect, it } from 'vitest';
import { detailsModal } from '../../../src/slack/blocks/details-modal.js';
import { followDm, followModal } from '../../../src/slack/blocks/follow-blocks.js';
import { homeView } from '../../../src/slack/blocks/home-view.js';
import { interestModal } from '../../../src/slack/blocks/interest-modal.js';
import { postingCard } from '../../../src/slack/blocks/posting-card.js';
import { tagModal } from '../../../src/slack/blocks/tag-modal.js';
import { ackRefusal, slackRejection } from '../../helpers/block-kit-rules.mjs';
import type { RecordedCall } from '../../helpers/fake-slack-api.mjs';
import { expectNothingRefused } from '../../helpers/suite-app.js';
import { cardInput, hugeSummary, mlManagerRef, pinterestSummary } from './blocks/fixtures.js';

/**
 * The fake Slack API's Block Kit rules (test/helpers/block-kit-rules.mjs): what the app really sends
 * passes, and every rule refuses a payload that breaks it, with Slack's error and a message naming
 * the field.
 */

type Json = Record<string, unknown>;

const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const x = (n: number) => 'x'.repeat(n);
const section = (text = 'Hello', extra: Json = {}) => ({ type: 'section', text: mrkdwn(text), ...extra });
const button = (extra: Json = {}) => ({ type: 'button', text: plain('Go'), action_id: 'go', ...extra });
const actions = (...elements: Json[]) => ({ type: 'actions', elements });
const options = (n: number, extra: (i: number) => Json = () => ({})) =>
  Array.from({ length: n }, (_, i) => ({ text: plain(`Option ${i}`), value: `v${i}`, ...extra(i) }));
const select = (extra: Json = {}) => ({
  type: 'static_select',
  action_id: 'pick',
  options: options(3),
  ...extra,
});
const input = (element: Json, extra: Json = {}) => ({
  type: 'input',
  label: plain('Label'),
  element,
  ...extra,
});
const tooMany = (n: number) => Array.from({ length: n }, () => ({ type: 'divider' }));
const message = (...blocks: Json[]): Json => ({ channel: 'C1', text: 'fallback', blocks });
const modal = (extra: Json = {}): Json => ({
  view: { type: 'modal', title: plain('Title'), submit: plain('Send'), blocks: [section()], ...extra },
});
const confirm = (extra: Json = {}) => ({
  title: plain('Sure?'),
  text: plain('Really.'),
  confirm: plain('Yes'),
  deny: plain('No'),
  ...extra,
});

/** The arguments each method requires besides its Block Kit, filled in unless a test overrides them. */
const requiredArguments: Record<string, Json> = {
  'chat.postMessage': { channel: 'C1' },
  'chat.postEphemeral': { channel: 'C1', user: 'U1' },
  'chat.update': { channel: 'C1', ts: '1.2' },
  'chat.unfurl': { channel: 'C1', ts: '1.2' },
  'views.open': { trigger_id: 't' },
  'views.push': { trigger_id: 't' },
  'views.update': { view_id: 'V1' },
  'views.publish': { user_id: 'U1' },
};

/** What the fake answers `method` with `args`: Slack's error and its messages, or 'ok'. */
function answer(method: string, args: Json): { error: string; messages: string[]; status: number } | 'ok' {
  return slackRejection(method, { ...requiredArguments[method], ...args }) ?? 'ok';
}

describe('the fake Slack API accepts what the app really sends', () => {
  const fullCard = postingCard(cardInput({ summary: hugeSummary() }));
  it.each<[string, string, Json]>([
    ['a job card', 'chat.postMessage', { channel: 'C1', ...postingCard(cardInput()) }],
    [
      'a job card Vouch posted, with its "…" menu',
      'chat.postMessage',
      { channel: 'C1', ...postingCard(cardInput({ removableShareId: 'share_1' })) },
    ],
    ['a job card with everything the page had', 'chat.update', { channel: 'C1', ts: '1.2', ...fullCard }],
    [
      'a job card as an unfurl',
      'chat.unfurl',
      { unfurls: { [pinterestSummary.url]: { blocks: postingCard(cardInput()).blocks } } },
    ],
    [
      'a follow DM of twenty postings',
      'chat.postMessage',
      {
        channel: 'D1',
        ...followDm(
          Array.from({ length: 20 }, (_, i) => ({
            card: cardInput({ postingId: `p${i}` }),
            channelId: 'C0JOBS',
          })),
        ),
      },
    ],
    [
      'a full App Home',
      'views.publish',
      {
        user_id: 'U1',
        view: homeView({
          asCandidate: [
            { referralId: 'r1', status: 'requested', posting: mlManagerRef, referrerUserId: 'U0R' },
          ],
          waitingOnMe: [
            {
              referralId: 'r2',
              status: 'requested',
              posting: mlManagerRef,
              candidateUserId: 'U0C',
              note: 'hi',
            },
          ],
          companies: ['Pinterest', 'Stripe'],
          recentPostings: Array.from({ length: 30 }, (_, i) => ({
            ...mlManagerRef,
            postingId: `p${i}`,
            counts: { referrers: i, interested: 1 },
          })),
          follows: [],
        }),
      },
    ],
    [
      'the interest modal',
      'views.open',
      {
        trigger_id: 't',
        view: interestModal({
          postingId: 'p1',
          title: 'ML Manager',
          company: 'Pinterest',
          referrers: [{ userId: 'U0REF1', name: 'Ana' }, { userId: 'U0REF2' }],
          metadata: { channel: 'C1', ts: '1.2' },
        }),
      },
    ],
    ['the details modal', 'views.open', { view: detailsModal(hugeSummary(), { postingId: 'p1' }) }],
    [
      'the tag modal',
      'views.push',
      { view: tagModal({ postingId: 'p1', title: 'ML Manager', company: null }) },
    ],
    ['the follow modal', 'views.update', { view_id: 'V1', view: followModal() }],
  ])('%s', (_name, method, args) => {
    expect(answer(method, args)).toBe('ok');
  });

  it('the same action_id in two blocks (a Remove button per row) is fine: unique per block', () => {
    const row = (i: number) =>
      section(`Row ${i}`, { accessory: button({ action_id: 'remove', value: `${i}` }) });
    expect(answer('chat.postMessage', message(row(1), row(2), actions(button()), actions(button())))).toBe(
      'ok',
    );
  });
});

describe('the fake Slack API refuses what Slack refuses, naming the field', () => {
  it.each<[string, string, Json, string]>([
    // Messages and views.
    [
      '51 blocks in a message',
      'chat.postMessage',
      message(...tooMany(51)),
      'no more than 50 items allowed [json-pointer:/blocks]',
    ],
    [
      '101 blocks in a Home tab',
      'views.publish',
      { view: { type: 'home', blocks: tooMany(101) } },
      'no more than 100 items allowed [json-pointer:/view/blocks]',
    ],
    [
      '101 blocks in a modal',
      'views.open',
      modal({ blocks: tooMany(101) }),
      'no more than 100 items allowed [json-pointer:/view/blocks]',
    ],
    [
      'an unknown block type',
      'chat.postMessage',
      message({ type: 'banner' }),
      'unsupported block type: banner [json-pointer:/blocks/0/type]',
    ],
    [
      'a block_id of 256 characters',
      'chat.postMessage',
      message(section('a', { block_id: x(256) })),
      'must be less than 256 characters [json-pointer:/blocks/0/block_id]',
    ],
    [
      'a block_id twice in a message',
      'chat.postMessage',
      message(section('a', { block_id: 'b' }), section('c', { block_id: 'b' })),
      'must be unique within the message: b [json-pointer:/blocks/1/block_id]',
    ],
    [
      'a block_id twice in a view',
      'views.publish',
      {
        view: { type: 'home', blocks: [section('a', { block_id: 'b' }), { type: 'divider', block_id: 'b' }] },
      },
      'must be unique within the view: b [json-pointer:/view/blocks/1/block_id]',
    ],
    // Text objects.
    [
      'section text of 3001 characters',
      'chat.postMessage',
      message(section(x(3001))),
      'must be less than 3001 characters [json-pointer:/blocks/0/text/text]',
    ],
    [
      'an empty text',
      'chat.postMessage',
      message(section('')),
      'must be more than 0 characters [json-pointer:/blocks/0/text/text]',
    ],
    [
      'a text of an unknown type',
      'chat.postMessage',
      message({ type: 'section', text: { type: 'markdown', text: 'a' } }),
      'must be a valid enum value [json-pointer:/blocks/0/text/type]',
    ],
    [
      'emoji on mrkdwn',
      'chat.postMessage',
      message({ type: 'section', text: { ...mrkdwn('a'), emoji: true } }),
      'emoji is only allowed on plain_text [json-pointer:/blocks/0/text/emoji]',
    ],
    [
      'a section with neither text nor fields',
      'chat.postMessage',
      message({ type: 'section' }),
      'must provide either text or fields [json-pointer:/blocks/0]',
    ],
    [
      '11 section fields',
      'chat.postMessage',
      message({ type: 'section', fields: Array.from({ length: 11 }, () => mrkdwn('f')) }),
      'no more than 10 items allowed [json-pointer:/blocks/0/fields]',
    ],
    [
      'a section field of 2001 characters',
      'chat.postMessage',
      message({ type: 'section', fields: [mrkdwn(x(2001))] }),
      'must be less than 2001 characters [json-pointer:/blocks/0/fields/0/text]',
    ],
    [
      'a header of 151 characters',
      'chat.postMessage',
      message({ type: 'header', text: plain(x(151)) }),
      'must be less than 151 characters [json-pointer:/blocks/0/text/text]',
    ],
    [
      'a mrkdwn header',
      'chat.postMessage',
      message({ type: 'header', text: mrkdwn('*Hi*') }),
      'must be a valid enum value: only plain_text is allowed here [json-pointer:/blocks/0/text/type]',
    ],
    [
      '11 context elements',
      'chat.postMessage',
      message({ type: 'context', elements: Array.from({ length: 11 }, () => mrkdwn('c')) }),
      'no more than 10 items allowed [json-pointer:/blocks/0/elements]',
    ],
    [
      'an empty context',
      'chat.postMessage',
      message({ type: 'context', elements: [] }),
      'must provide at least 1 items [json-pointer:/blocks/0/elements]',
    ],
    [
      'an image without alt_text',
      'chat.postMessage',
      message({ type: 'image', image_url: 'https://x.example/a.png' }),
      'missing required field: alt_text [json-pointer:/blocks/0/alt_text]',
    ],
    [
      'a message text of 40,001 characters',
      'chat.postMessage',
      { channel: 'C1', text: x(40_001) },
      'must be less than 40001 characters [json-pointer:/text]',
    ],
    // Actions and buttons.
    [
      '26 elements in an actions block',
      'chat.postMessage',
      message(actions(...Array.from({ length: 26 }, (_, i) => button({ action_id: `b${i}` })))),
      'no more than 25 items allowed [json-pointer:/blocks/0/elements]',
    ],
    [
      'an empty actions block',
      'chat.postMessage',
      message(actions()),
      'must provide at least 1 items [json-pointer:/blocks/0/elements]',
    ],
    [
      'an action_id twice in one block',
      'chat.postMessage',
      message(actions(button(), button())),
      'must be unique within the block: go [json-pointer:/blocks/0/elements/1/action_id]',
    ],
    [
      'an action_id of 256 characters',
      'chat.postMessage',
      message(actions(button({ action_id: x(256) }))),
      'must be less than 256 characters [json-pointer:/blocks/0/elements/0/action_id]',
    ],
    [
      'a button text of 76 characters',
      'chat.postMessage',
      message(actions(button({ text: plain(x(76)) }))),
      'must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]',
    ],
    [
      'a mrkdwn button text',
      'chat.postMessage',
      message(actions(button({ text: mrkdwn('Go') }))),
      'must be a valid enum value: only plain_text is allowed here [json-pointer:/blocks/0/elements/0/text/type]',
    ],
    [
      'a button value of 2001 characters',
      'chat.postMessage',
      message(actions(button({ value: x(2001) }))),
      'must be less than 2001 characters [json-pointer:/blocks/0/elements/0/value]',
    ],
    [
      'a button url of 3001 characters',
      'chat.postMessage',
      message(actions(button({ url: `https://${x(2993)}` }))),
      'must be less than 3001 characters [json-pointer:/blocks/0/elements/0/url]',
    ],
    [
      'a button accessibility_label of 76 characters',
      'chat.postMessage',
      message(actions(button({ accessibility_label: x(76) }))),
      'must be less than 76 characters [json-pointer:/blocks/0/elements/0/accessibility_label]',
    ],
    [
      'a button style Slack does not know',
      'chat.postMessage',
      message(actions(button({ style: 'green' }))),
      'must be a valid enum value [json-pointer:/blocks/0/elements/0/style]',
    ],
    [
      'a plain_text_input outside an input block',
      'chat.postMessage',
      message(section('a', { accessory: { type: 'plain_text_input', action_id: 'i' } })),
      'unsupported element type here: plain_text_input [json-pointer:/blocks/0/accessory/type]',
    ],
    [
      'a confirm title of 101 characters',
      'chat.postMessage',
      message(actions(button({ confirm: confirm({ title: plain(x(101)) }) }))),
      'must be less than 101 characters [json-pointer:/blocks/0/elements/0/confirm/title/text]',
    ],
    [
      'a confirm text of 301 characters',
      'chat.postMessage',
      message(actions(button({ confirm: confirm({ text: mrkdwn(x(301)) }) }))),
      'must be less than 301 characters [json-pointer:/blocks/0/elements/0/confirm/text/text]',
    ],
    [
      'a confirm button of 31 characters',
      'chat.postMessage',
      message(actions(button({ confirm: confirm({ deny: plain(x(31)) }) }))),
      'must be less than 31 characters [json-pointer:/blocks/0/elements/0/confirm/deny/text]',
    ],
    // Menus and options.
    [
      'an overflow menu of 6 options',
      'chat.postMessage',
      message(section('a', { accessory: { type: 'overflow', action_id: 'o', options: options(6) } })),
      'no more than 5 items allowed [json-pointer:/blocks/0/accessory/options]',
    ],
    [
      'an overflow menu of 1 option',
      'chat.postMessage',
      message(section('a', { accessory: { type: 'overflow', action_id: 'o', options: options(1) } })),
      'must provide at least 2 items [json-pointer:/blocks/0/accessory/options]',
    ],
    [
      '101 options in a select',
      'chat.postMessage',
      message(actions(select({ options: options(101) }))),
      'no more than 100 items allowed [json-pointer:/blocks/0/elements/0/options]',
    ],
    [
      'an option text of 76 characters',
      'chat.postMessage',
      message(actions(select({ options: options(1, () => ({ text: plain(x(76)) })) }))),
      'must be less than 76 characters [json-pointer:/blocks/0/elements/0/options/0/text/text]',
    ],
    [
      'an option value of 151 characters',
      'chat.postMessage',
      message(actions(select({ options: options(1, () => ({ value: x(151) })) }))),
      'must be less than 151 characters [json-pointer:/blocks/0/elements/0/options/0/value]',
    ],
    [
      'an option description of 76 characters',
      'chat.postMessage',
      message(actions(select({ options: options(1, () => ({ description: plain(x(76)) })) }))),
      'must be less than 76 characters [json-pointer:/blocks/0/elements/0/options/0/description/text]',
    ],
    [
      'a mrkdwn option in a select',
      'chat.postMessage',
      message(actions(select({ options: options(1, () => ({ text: mrkdwn('a') })) }))),
      'must be a valid enum value: only plain_text is allowed here [json-pointer:/blocks/0/elements/0/options/0/text/type]',
    ],
    [
      'a url on a select option',
      'chat.postMessage',
      message(actions(select({ options: options(1, () => ({ url: 'https://x.example' })) }))),
      'url is only allowed on overflow menu options [json-pointer:/blocks/0/elements/0/options/0/url]',
    ],
    [
      'an initial_option that is not an option',
      'chat.postMessage',
      message(actions(select({ initial_option: { text: plain('Other'), value: 'other' } }))),
      'must match one of the options [json-pointer:/blocks/0/elements/0/initial_option]',
    ],
    [
      'options and option_groups both',
      'chat.postMessage',
      message(actions(select({ option_groups: [{ label: plain('G'), options: options(1) }] }))),
      'must provide either options or option_groups, not both [json-pointer:/blocks/0/elements/0]',
    ],
    [
      'an option group label of 76 characters',
      'chat.postMessage',
      message(
        actions(
          select({ options: undefined, option_groups: [{ label: plain(x(76)), options: options(1) }] }),
        ),
      ),
      'must be less than 76 characters [json-pointer:/blocks/0/elements/0/option_groups/0/label/text]',
    ],
    [
      'a select placeholder of 151 characters',
      'chat.postMessage',
      message(actions(select({ placeholder: plain(x(151)) }))),
      'must be less than 151 characters [json-pointer:/blocks/0/elements/0/placeholder/text]',
    ],
    [
      '11 checkboxes',
      'views.open',
      modal({ blocks: [input({ type: 'checkboxes', action_id: 'c', options: options(11) })] }),
      'no more than 10 items allowed [json-pointer:/view/blocks/0/element/options]',
    ],
    [
      '11 radio buttons',
      'views.open',
      modal({ blocks: [input({ type: 'radio_buttons', action_id: 'r', options: options(11) })] }),
      'no more than 10 items allowed [json-pointer:/view/blocks/0/element/options]',
    ],
    // Inputs.
    [
      'an input label of 2001 characters',
      'views.open',
      modal({ blocks: [input(select(), { label: plain(x(2001)) })] }),
      'must be less than 2001 characters [json-pointer:/view/blocks/0/label/text]',
    ],
    [
      'an input hint of 2001 characters',
      'views.open',
      modal({ blocks: [input(select(), { hint: plain(x(2001)) })] }),
      'must be less than 2001 characters [json-pointer:/view/blocks/0/hint/text]',
    ],
    [
      'an input without its element',
      'views.open',
      modal({ blocks: [{ type: 'input', label: plain('L') }] }),
      'missing required field: element [json-pointer:/view/blocks/0/element]',
    ],
    [
      'a button as an input element',
      'views.open',
      modal({ blocks: [input(button())] }),
      'unsupported element type here: button [json-pointer:/view/blocks/0/element/type]',
    ],
    [
      'a plain_text_input max_length of 3001',
      'views.open',
      modal({ blocks: [input({ type: 'plain_text_input', action_id: 'i', max_length: 3001 })] }),
      'must be an integer from 1 to 3000 [json-pointer:/view/blocks/0/element/max_length]',
    ],
    [
      'a plain_text_input placeholder of 151 characters',
      'views.open',
      modal({ blocks: [input({ type: 'plain_text_input', action_id: 'i', placeholder: plain(x(151)) })] }),
      'must be less than 151 characters [json-pointer:/view/blocks/0/element/placeholder/text]',
    ],
    // Modals and Home tabs.
    [
      'a modal title of 25 characters',
      'views.open',
      modal({ title: plain(x(25)) }),
      'must be less than 25 characters [json-pointer:/view/title/text]',
    ],
    [
      'a mrkdwn modal title',
      'views.open',
      modal({ title: mrkdwn('Title') }),
      'must be a valid enum value: only plain_text is allowed here [json-pointer:/view/title/type]',
    ],
    [
      'a modal submit of 25 characters',
      'views.push',
      modal({ submit: plain(x(25)) }),
      'must be less than 25 characters [json-pointer:/view/submit/text]',
    ],
    [
      'a modal close of 25 characters',
      'views.update',
      modal({ close: plain(x(25)) }),
      'must be less than 25 characters [json-pointer:/view/close/text]',
    ],
    [
      'a modal with an input and no submit',
      'views.open',
      modal({ submit: undefined, blocks: [input(select())] }),
      'missing required field: submit [json-pointer:/view/submit]',
    ],
    [
      'private_metadata of 3001 characters',
      'views.open',
      modal({ private_metadata: x(3001) }),
      'must be less than 3001 characters [json-pointer:/view/private_metadata]',
    ],
    [
      'a callback_id of 256 characters',
      'views.open',
      modal({ callback_id: x(256) }),
      'must be less than 256 characters [json-pointer:/view/callback_id]',
    ],
    [
      'Home tab private_metadata of 3001 characters',
      'views.publish',
      { view: { type: 'home', blocks: [], private_metadata: x(3001) } },
      'must be less than 3001 characters [json-pointer:/view/private_metadata]',
    ],
    [
      'a view of an unknown type',
      'views.open',
      modal({ type: 'dialog' }),
      'must be a valid enum value [json-pointer:/view/type]',
    ],
    // Unfurls: each link's blocks are a message's.
    [
      '51 blocks in one link’s unfurl',
      'chat.unfurl',
      { unfurls: { 'https://jobs.example/a': { blocks: tooMany(51) } } },
      'no more than 50 items allowed [json-pointer:/unfurls/https:~1~1jobs.example~1a/blocks]',
    ],
    [
      'a header of 151 characters in an unfurl',
      'chat.unfurl',
      { unfurls: { 'https://jobs.example/a': { blocks: [{ type: 'header', text: plain(x(151)) }] } } },
      'must be less than 151 characters [json-pointer:/unfurls/https:~1~1jobs.example~1a/blocks/0/text/text]',
    ],
  ])('%s', (_name, method, args, problem) => {
    const refused = answer(method, args);
    expect(refused).not.toBe('ok');
    expect(refused === 'ok' ? [] : refused.messages).toContain(`[ERROR] ${problem}`);
  });
});

describe('the fake Slack API answers with Slack’s error for the surface', () => {
  it('invalid_blocks for messages and unfurls, in the JSON answer', () => {
    expect(answer('chat.postMessage', message(section(x(3001))))).toEqual({
      status: 200,
      error: 'invalid_blocks',
      messages: ['[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]'],
    });
    expect(answer('chat.postEphemeral', message({ type: 'banner' }))).toMatchObject({
      error: 'invalid_blocks',
    });
    expect(answer('chat.unfurl', { unfurls: { u: { blocks: [{ type: 'banner' }] } } })).toMatchObject({
      error: 'invalid_blocks',
    });
  });

  it('invalid_arguments for views', () => {
    expect(answer('views.publish', { view: { type: 'home', blocks: tooMany(101) } })).toMatchObject({
      status: 200,
      error: 'invalid_arguments',
    });
  });

  it('HTTP 400 and the bare code for a response_url answer, as incoming webhooks do', () => {
    expect(answer('response_url', { replace_original: true, blocks: [section(x(3001))] })).toMatchObject({
      status: 400,
      error: 'invalid_blocks',
    });
  });

  it('msg_too_long, invalid_blocks_format and no_text for the message itself', () => {
    expect(answer('chat.update', { channel: 'C1', ts: '1.2', text: x(40_001) })).toMatchObject({
      error: 'msg_too_long',
    });
    expect(answer('chat.update', { channel: 'C1', ts: '1.2', text: x(40_000) })).toBe('ok');
    expect(answer('chat.postMessage', { channel: 'C1', blocks: '[{not json' })).toMatchObject({
      error: 'invalid_blocks_format',
    });
    expect(answer('chat.postMessage', { channel: 'C1' })).toMatchObject({ error: 'no_text' });
  });

  it('invalid_arguments for a call without an argument the method requires', () => {
    expect(answer('views.publish', { user_id: undefined, view: { type: 'home', blocks: [] } })).toEqual({
      status: 200,
      error: 'invalid_arguments',
      messages: ['[ERROR] missing required field: user_id [json-pointer:/user_id]'],
    });
    expect(answer('views.open', { trigger_id: undefined, view: modal().view })).toMatchObject({
      messages: [
        '[ERROR] missing required field: trigger_id or interactivity_pointer [json-pointer:/trigger_id]',
      ],
    });
    expect(answer('views.open', { trigger_id: undefined, interactivity_pointer: 'p', ...modal() })).toBe(
      'ok',
    );
    expect(answer('chat.unfurl', { channel: undefined, ts: undefined, unfurls: {} })).toMatchObject({
      messages: [
        '[ERROR] missing required field: channel and ts or unfurl_id and source [json-pointer:/channel]',
      ],
    });
    expect(
      answer('chat.unfurl', { channel: undefined, unfurl_id: 'u', source: 'composer', unfurls: {} }),
    ).toBe('ok');
    expect(answer('chat.postEphemeral', { user: undefined, text: 'hi' })).toMatchObject({
      error: 'invalid_arguments',
    });
  });

  it('invalid_metadata_format for message metadata of the wrong shape', () => {
    const post = (metadata: unknown) => answer('chat.postMessage', { text: 'hi', metadata });
    expect(
      post({ event_type: 'vouch_card', event_payload: { share: 's1', n: 1, nested: { a: true } } }),
    ).toBe('ok');
    expect(post({ event_payload: { share: 's1' } })).toMatchObject({ error: 'invalid_metadata_format' });
    expect(post({ event_type: 'vouch_card', event_payload: 'share' })).toMatchObject({
      error: 'invalid_metadata_format',
    });
    expect(post({ event_type: 'vouch_card', event_payload: { deep: { deeper: { a: 1 } } } })).toMatchObject({
      error: 'invalid_metadata_format',
    });
  });

  it('checks only the methods that carry Block Kit', () => {
    expect(answer('conversations.open', { users: 'U1', blocks: [{ type: 'banner' }] })).toBe('ok');
  });
});

describe('what the app answers Slack in the HTTP response (its ack) is checked too', () => {
  it('a view it updates or pushes, errors, and a command’s message', () => {
    expect(ackRefusal(undefined)).toEqual([]);
    expect(ackRefusal({ response_action: 'clear' })).toEqual([]);
    expect(ackRefusal({ response_action: 'errors', errors: { note_block: 'Too long.' } })).toEqual([]);
    expect(ackRefusal({ response_action: 'update', view: modal().view })).toEqual([]);
    expect(ackRefusal({ response_action: 'update', view: modal({ title: plain(x(25)) }).view })).toEqual([
      '[ERROR] must be less than 25 characters [json-pointer:/view/title/text]',
    ]);
    expect(ackRefusal({ response_action: 'errors', errors: { note_block: '' } })).toEqual([
      '[ERROR] must map block_ids to messages [json-pointer:/errors]',
    ]);
    expect(ackRefusal({ response_action: 'close' })).toEqual([
      '[ERROR] must be a valid enum value [json-pointer:/response_action]',
    ]);
    expect(ackRefusal({ text: 'ok', blocks: [section(x(3001))] })).toEqual([
      '[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]',
    ]);
  });
});

describe('a Slack suite fails a test after which the fake holds a refused call', () => {
  it('throws naming the method, the error and Slack’s messages; passes when nothing was refused', () => {
    const refused: RecordedCall = {
      method: 'chat.postMessage',
      args: {},
      token: undefined,
      at: 0,
      failed: 'invalid_blocks',
      rejected: ['[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text]'],
    };
    expect(() => expectNothingRefused({ takeRejections: () => [refused] })).toThrow(
      'chat.postMessage: invalid_blocks [ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text]',
    );
    expect(() => expectNothingRefused({ takeRejections: () => [] })).not.toThrow();
  });
});
