import { expect } from 'vitest';
import type { FakeJobBoard } from './fake-job-board.mjs';
import type { RecordedCall } from './fake-slack-api.mjs';
import {
  type Block,
  buttonValue,
  dmChannelOf,
  mentions,
  overflowOptionValue,
  postingIdOf,
  textOf,
  unfurlBlocksOf,
  viewBlocksOf,
} from './slack-blocks.js';
import {
  appHomeOpened,
  blockAction,
  homeAction,
  linkSharedEvent,
  viewSubmission,
} from './slack-payloads.mjs';
import type { SlackResponse } from './slack-requests.js';
import type { TestApp } from './start-test-app.js';

/**
 * Multi-step actions against a running `TestApp`, done the way members do them in Slack: share a
 * job (unfurl or /vouch), say "I'm interested" and submit the modal, wait for a DM or a Home tab.
 * Each step goes through real HTTP to the app and waits on the fake Slack API for its effect.
 */

/** What a flow needs of a running app: where to send Slack's requests and the fake Slack API it calls. */
export type SlackSide = Pick<TestApp, 'requests' | 'slack'>;

/** Waits `ms` so that anything the app would still do has had every chance to happen. */
export function settle(ms = 500): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until the app has no job left to run: every delivery, and everything it wrote, done. */
export async function allWorkDone(app: Pick<TestApp, 'vouch'>, timeoutMs = 10_000): Promise<void> {
  await expect.poll(async () => (await app.vouch.work.stats()).backlog, { timeout: timeoutMs }).toBe(0);
}

/** The app still answers its health check and no Slack listener ended in an unhandled error. */
export async function expectStillServing(app: TestApp): Promise<void> {
  expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
  expect(app.logs.filter((line) => line.msg === 'unhandled error in a Slack listener')).toEqual([]);
}

let commandCounter = 0;

/** The ephemeral answer to a slash command, as posted to its response_url. */
export interface CommandAnswer {
  response_type?: string;
  replace_original?: boolean;
  text?: string;
  blocks?: unknown[];
}

/**
 * `/vouch <text>` as Slack sends it (`fields` override the form, e.g. user_id): checks it was
 * acknowledged at once with an empty 200, and resolves with the first answer posted to the
 * command's own response_url (the app answers every command there).
 */
export async function askVouch(
  app: TestApp,
  fields: Record<string, string>,
): Promise<CommandAnswer & { response: SlackResponse }> {
  commandCounter += 1;
  const id = `ask-${commandCounter}-${Date.now()}`;
  const answered = app.slack.waitFor(
    'response_url',
    (c) => c.args.path === `/response/${encodeURIComponent(id)}`,
    10_000,
  );
  const response = await app.requests.command({ response_url: app.slack.responseUrl(id), ...fields });
  expect(response.status).toBe(200);
  expect(response.text).toBe('');
  const answer = await answered;
  return { ...(answer.args as CommandAnswer), response };
}

/**
 * `askVouch`, checking the answer is shown only to the caller (ephemeral); resolves with what its
 * blocks say (`textOf`).
 */
export async function askVouchPrivately(app: TestApp, fields: Record<string, string>): Promise<string> {
  const answer = await askVouch(app, fields);
  expect(answer.response_type).toBe('ephemeral');
  return textOf(answer.blocks);
}

/** A job card the bot posted in a channel, and the posting id its buttons carry. */
export interface SharedCard {
  card: RecordedCall;
  postingId: string;
}

/**
 * `/vouch <url> [note]` in `channel` as `user`: checks the command was answered 200 and resolves
 * with the card the bot posted there (the first chat.postMessage to `channel` that names `url`).
 */
export async function shareJobByCommand(
  app: SlackSide,
  input: { url: string; channel: string; user: string; note?: string },
): Promise<SharedCard> {
  const response = await app.requests.command({
    text: `${input.url} ${input.note ?? ''}`.trim(),
    user_id: input.user,
    channel_id: input.channel,
  });
  expect(response.status).toBe(200);
  const card = await app.slack.waitFor(
    'chat.postMessage',
    (c) => c.args.channel === input.channel && mentions(c.args.blocks, input.url),
    10_000,
  );
  return { card, postingId: postingIdOf(card.args.blocks) };
}

/** A job page to publish on the local job board and share with /vouch, and who refers at its company. */
export interface JobToShare {
  /** Where the page lives on the board (a path no other test of the suite uses). */
  path: string;
  title: string;
  company: string;
  channel: string;
  sharer: string;
  note?: string;
  /** Members who say they refer at `company` (`/vouch refer-at`) before the job is shared. */
  referrers?: readonly string[];
}

/**
 * Each of `job.referrers` says they refer at `job.company`, then `job.sharer` shares the job's page
 * (published at `job.path` on `board`) with `/vouch` in `job.channel`; resolves with the card.
 */
export async function shareJobPage(app: TestApp, board: FakeJobBoard, job: JobToShare): Promise<SharedCard> {
  for (const referrer of job.referrers ?? []) {
    await askVouch(app, { text: `refer-at ${job.company}`, user_id: referrer });
  }
  const url = board.job(job.path, { title: job.title, company: job.company });
  return shareJobByCommand(app, { url, channel: job.channel, user: job.sharer, note: job.note });
}

/** A link unfurled into a job card. `ts` is the message the link was posted in. */
export interface UnfurledCard {
  unfurl: RecordedCall;
  postingId: string;
  ts: string;
}

/**
 * Posts `url` in `channel` as `user` (a link_shared event) and resolves with the chat.unfurl that
 * carries it. `timeoutMs` defaults to the fake Slack API's own wait.
 */
export async function shareJobByUnfurl(
  app: SlackSide,
  input: { url: string; channel: string; user: string; timeoutMs?: number },
): Promise<UnfurledCard> {
  const event = linkSharedEvent({ channel: input.channel, user: input.user, urls: [input.url] });
  await app.requests.eventCallback(event);
  const unfurl = await app.slack.waitFor(
    'chat.unfurl',
    (c) => unfurlBlocksOf(c, input.url).length > 0,
    input.timeoutMs,
  );
  return { unfurl, postingId: postingIdOf(unfurlBlocksOf(unfurl, input.url)), ts: event.message_ts };
}

/** A button click as `blockAction` builds it; the response_url is one of the fake Slack API's unless given. */
export type ButtonClick = Omit<Parameters<typeof blockAction>[0], 'responseUrl'> & { responseUrl?: string };

/** `click.user` clicks a button (a card's, a DM's, the Home tab's); resolves with Slack's HTTP answer. */
export function clickButton(app: SlackSide, click: ButtonClick): Promise<SlackResponse> {
  const responseUrl = click.responseUrl ?? app.slack.responseUrl(`${click.actionId}-${click.user}`);
  return app.requests.interaction(blockAction({ ...click, responseUrl }));
}

/** The "…" menu's removal options, by the reason they record. */
const removeCardOptions = {
  mistake: 'Remove card: shared by mistake',
  spam: 'Remove card: spam or not a job',
} as const;

/**
 * `user` picks "Remove card" (shared by mistake, unless `reason` says spam) in the "…" menu of `card`
 * (a card the bot posted) and confirms; resolves with Slack's HTTP answer. The click carries what
 * Slack sends: the card's channel and ts, and the option's value (with `actionTs`, a repeat of an
 * earlier click).
 */
export function removeCard(
  app: SlackSide,
  input: { user: string; card: RecordedCall; reason?: keyof typeof removeCardOptions; actionTs?: string },
): Promise<SlackResponse> {
  const payload = blockAction({
    user: input.user,
    actionId: 'card_menu',
    actionType: 'overflow',
    value: overflowOptionValue(
      input.card.args.blocks,
      'card_menu',
      removeCardOptions[input.reason ?? 'mistake'],
    ),
    channel: String(input.card.args.channel),
    messageTs: String(input.card.answer?.ts),
    responseUrl: app.slack.responseUrl(`card_menu-${input.user}`),
  });
  if (input.actionTs !== undefined) {
    for (const action of payload.actions) action.action_ts = input.actionTs;
  }
  return app.requests.interaction(payload);
}

/** Where and how a member clicks a button that opens a modal on a card ("I'm interested", "Tag someone"). */
export interface CardClick {
  postingId: string;
  user: string;
  channel: string;
  /** The card's message ts (a fresh one when not given). */
  messageTs?: string;
  /** The click's response_url (one of the fake Slack API's, named after button and user, if not given). */
  responseUrl?: string;
  /** How long to wait for the modal; 10 s unless given. */
  timeoutMs?: number;
}

/** A modal the bot opened for a click, and the click's HTTP answer. */
export interface OpenedModal {
  view: Record<string, unknown>;
  response: SlackResponse;
}

/**
 * Clicks the card button `actionId` as `click.user`, checks Slack got a 200, and resolves with the
 * modal the bot opened for that very click (matched by trigger_id).
 */
async function openModalFromCard(
  app: SlackSide,
  actionId: 'im_interested' | 'tag_someone',
  click: CardClick,
): Promise<OpenedModal> {
  const payload = blockAction({
    user: click.user,
    actionId,
    value: click.postingId,
    channel: click.channel,
    ...(click.messageTs !== undefined ? { messageTs: click.messageTs } : {}),
    responseUrl: click.responseUrl ?? app.slack.responseUrl(`${actionId}-${click.user}`),
  });
  const response = await app.requests.interaction(payload);
  expect(response.status).toBe(200);
  const opened = await app.slack.waitFor(
    'views.open',
    (c) => c.args.trigger_id === payload.trigger_id,
    click.timeoutMs ?? 10_000,
  );
  return { view: opened.args.view as Record<string, unknown>, response };
}

/**
 * Clicks "I'm interested" on a card, checks Slack got a 200, and resolves with the modal the bot
 * opened for that very click (matched by trigger_id) and the click's HTTP answer.
 */
export function openInterestModal(app: SlackSide, click: CardClick): Promise<OpenedModal> {
  return openModalFromCard(app, 'im_interested', click);
}

/** What a member fills in on the interest form. */
export interface InterestForm {
  /** The note to referrers; left empty (null) when not given. */
  note?: string | null;
  /** A referrer's user id or 'anyone'; without it the form has no referrer select at all. */
  referrer?: string;
  /** Ticks "show my name on the card". */
  showName?: boolean;
  /** What goes in the profile's inputs (empty when not given, as if the member had none). */
  profile?: ProfileForm;
}

/** The interest modal's `state.values` as Slack sends them for `form`. */
export function interestFormValues(form: InterestForm): Record<string, unknown> {
  return {
    interest_note: { note: { type: 'plain_text_input', value: form.note ?? null } },
    ...(form.referrer !== undefined
      ? {
          interest_referrer: {
            referrer: {
              type: 'static_select',
              selected_option: { value: form.referrer, text: { type: 'plain_text', text: 'x' } },
            },
          },
        }
      : {}),
    interest_show_name: {
      show_name: {
        type: 'checkboxes',
        selected_options: form.showName
          ? [{ value: 'show_name', text: { type: 'plain_text', text: 'Show' } }]
          : [],
      },
    },
    ...(form.profile !== undefined ? profileFormValues(form.profile) : {}),
  };
}

/** What a member puts in the profile's inputs (App Home's profile form, or the interest form's). */
export interface ProfileForm {
  profileUrl?: string;
  resumeUrl?: string;
  pitch?: string;
  /** A file attached through the file input (Slack uploads it first: `slack.addFile`). */
  file?: { id: string; name: string };
  /** Ticks "remove it from my profile" / "leave it out of this request" for the profile's file. */
  dropKeptFile?: boolean;
  /** Ticks the interest form's "Save these to my profile". */
  save?: boolean;
}

/** The profile inputs' `state.values` as Slack sends them for `form`. */
export function profileFormValues(form: ProfileForm): Record<string, unknown> {
  const text = (value: string | undefined) => ({ type: 'plain_text_input', value: value ?? null });
  const box = (ticked: boolean | undefined, value: string) => ({
    type: 'checkboxes',
    selected_options: ticked ? [{ value, text: { type: 'plain_text', text: 'x' } }] : [],
  });
  return {
    profile_url: { profile_url: text(form.profileUrl) },
    profile_resume_url: { resume_url: text(form.resumeUrl) },
    profile_pitch: { pitch: text(form.pitch) },
    profile_resume_file: {
      resume_file: {
        type: 'file_input',
        files: form.file ? [{ ...form.file, title: form.file.name, mimetype: 'application/pdf' }] : [],
      },
    },
    profile_kept_file: { kept_file: box(form.dropKeptFile, 'drop_file') },
    profile_save: { save_profile: box(form.save, 'save_profile') },
  };
}

/** `user` presses "Edit profile" on their Home tab; resolves with the profile modal the bot opened. */
export async function openProfileModal(app: SlackSide, user: string): Promise<OpenedModal> {
  const payload = homeAction({ user, actionId: 'home_edit_profile', value: 'edit' });
  const response = await app.requests.interaction(payload);
  expect(response.status).toBe(200);
  const opened = await app.slack.waitFor(
    'views.open',
    (c) => c.args.trigger_id === payload.trigger_id,
    10_000,
  );
  return { view: opened.args.view as Record<string, unknown>, response };
}

/** Submits the profile modal `view` as `user` with `form`; resolves with Slack's HTTP answer. */
export function submitProfileForm(
  app: SlackSide,
  input: { user: string; view: Record<string, unknown>; form: ProfileForm },
): Promise<SlackResponse> {
  return submitModal(app, input.user, input.view, profileFormValues(input.form));
}

/** Submits the modal `view` as `user` with these `state.values`; resolves with Slack's HTTP answer. */
function submitModal(
  app: SlackSide,
  user: string,
  view: Record<string, unknown>,
  values: Record<string, unknown>,
): Promise<SlackResponse> {
  return app.requests.interaction(viewSubmission({ user, view, values }));
}

/**
 * "Edit profile" → the profile modal → submit `form`: checks the form closed (an empty 200) and
 * resolves with the Home tab then published, showing `shows` (e.g. the pitch).
 */
export async function saveProfile(
  app: SlackSide,
  user: string,
  form: ProfileForm,
  shows: string,
): Promise<RecordedCall> {
  const { view } = await openProfileModal(app, user);
  const submitted = await submitProfileForm(app, { user, view, form });
  expect(submitted.status).toBe(200);
  expect(submitted.text).toBe('');
  return waitForHome(app, user, { including: shows });
}

/** Submits the interest modal `view` as `user` with `form`; resolves with Slack's HTTP answer. */
export function submitInterestForm(
  app: SlackSide,
  input: { user: string; view: Record<string, unknown>; form: InterestForm },
): Promise<SlackResponse> {
  return submitModal(app, input.user, input.view, interestFormValues(input.form));
}

/**
 * "I'm interested" → modal → submit `form`, checking both requests were answered 200. The app
 * carries on after the submission: wait for the effect the test relies on.
 */
export async function expressInterest(
  app: SlackSide,
  click: CardClick,
  form: InterestForm,
): Promise<{ view: Record<string, unknown> }> {
  const { view } = await openInterestModal(app, click);
  const submitted = await submitInterestForm(app, { user: click.user, view, form });
  expect(submitted.status).toBe(200);
  return { view };
}

/**
 * Clicks "Tag someone" on a card, checks Slack got a 200, and resolves with the tag modal the bot
 * opened for that very click (matched by trigger_id) and the click's HTTP answer.
 */
export function openTagModal(app: SlackSide, click: CardClick): Promise<OpenedModal> {
  return openModalFromCard(app, 'tag_someone', click);
}

/** The tag modal's `state.values` as Slack sends them: `user` picked, as a possible `role`. */
export function tagFormValues(user: string, role: 'candidate' | 'referrer'): Record<string, unknown> {
  return {
    tag_user: { user: { type: 'users_select', selected_user: user } },
    tag_role: { role: { type: 'radio_buttons', selected_option: { value: role } } },
  };
}

/**
 * Resolves with the first DM (already sent or to come) the bot posts to `userId`; `matching` is
 * tested on all the DM's text (its fallback text and its blocks' texts, one a line),
 * `textMatching` on its fallback text only.
 */
export function waitForDm(
  app: SlackSide,
  userId: string,
  options: { matching?: RegExp; textMatching?: RegExp; timeoutMs?: number } = {},
): Promise<RecordedCall> {
  const channel = dmChannelOf(userId);
  return app.slack.waitFor(
    'chat.postMessage',
    (c) =>
      c.args.channel === channel &&
      (options.matching === undefined || options.matching.test(textOf(c.args))) &&
      (options.textMatching === undefined || options.textMatching.test(String(c.args.text))),
    options.timeoutMs ?? 10_000,
  );
}

/**
 * Resolves with the first Home tab (already published or to come) published for `userId`, with
 * `including` in one of its strings (a text, or a button value such as a posting id) when given.
 */
export function waitForHome(
  app: SlackSide,
  userId: string,
  options: { including?: string; timeoutMs?: number } = {},
): Promise<RecordedCall> {
  return app.slack.waitFor(
    'views.publish',
    (c) =>
      c.args.user_id === userId &&
      (options.including === undefined || mentions(c.args.view, options.including)),
    options.timeoutMs ?? 10_000,
  );
}

/** Opens the Home tab as `user` and resolves with the blocks of the view Vouch published for it. */
export async function openHome(app: SlackSide, user: string): Promise<Block[]> {
  const before = app.slack.calls('views.publish').length;
  await app.requests.eventCallback(appHomeOpened(user));
  const call = await app.slack.waitFor(
    'views.publish',
    (c) => c.args.user_id === user && app.slack.calls('views.publish').indexOf(c) >= before,
    10_000,
  );
  return viewBlocksOf(call);
}

/**
 * Double opt-in, the referrer's half: waits for the anonymous invitation `referrer` got for the job
 * titled `title` and presses "Offer to refer" in it; resolves with the invitation DM.
 */
export async function offerToRefer(app: TestApp, referrer: string, title: string): Promise<RecordedCall> {
  const invitation = await waitForDm(app, referrer, {
    matching: new RegExp(`is interested in .*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
  });
  const referralId = buttonValue(invitation.args.blocks, 'offer_to_refer');
  await clickButton(app, {
    user: referrer,
    actionId: 'offer_to_refer',
    value: referralId,
    channel: dmChannelOf(referrer),
  });
  return invitation;
}

/**
 * Double opt-in, whole: `referrer` offers on the invitation, `candidate` accepts the offer; resolves
 * with the request DM the referrer then gets (the candidate's name and note).
 */
export async function offerAndAccept(
  app: TestApp,
  input: { referrer: string; candidate: string; title: string },
): Promise<RecordedCall> {
  await offerToRefer(app, input.referrer, input.title);
  const offer = await waitForDm(app, input.candidate, {
    matching: new RegExp(`<@${input.referrer}> offered to refer you`),
  });
  await clickButton(app, {
    user: input.candidate,
    actionId: 'accept_offer',
    value: buttonValue(offer.args.blocks, 'accept_offer'),
    channel: dmChannelOf(input.candidate),
  });
  return waitForDm(app, input.referrer, {
    matching: new RegExp(`<@${input.candidate}> is looking for a referral`),
  });
}
