import { z } from 'zod';
import type { ProfileFields } from '../../profiles/profile-fields.js';
import { cleanText } from '../../text/clean-text.js';
import { interestModalIds as ids } from '../ids.js';
import { isSlackUserId } from '../slack-ids.js';
import {
  context,
  type KnownBlock,
  type ModalView,
  option,
  plainText,
  section,
  viewText,
} from './block-kit.js';
import { oneLine, slackLimits, truncate } from './limits.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { displayTitle } from './posting-format.js';
import {
  type ProfileInputs,
  profileInputBlocks,
  readProfileInputs,
  saveToProfileBlock,
} from './profile-blocks.js';
import { referrerMentions, VERIFIED_MARK } from './verification-blocks.js';
import { encodeViewMetadata } from './view-metadata.js';

export interface InterestModalInput {
  postingId: string;
  title: string | null;
  company: string | null;
  /** Who can refer (posting referrers and the company directory). `name` labels the select. */
  referrers: ReadonlyArray<{ userId: string; name?: string | null; verified?: boolean }>;
  /** Opaque, given back on submit (e.g. `{ channel, ts }` of the card to refresh). */
  metadata?: unknown;
  /** The member's profile (src/profiles/): the form starts from it; null or absent when they have none. */
  profile?: ProfileFields | null;
}

/** The longest note we accept: enough for a few paragraphs, short enough for every DM. */
export const interestNoteMaxLength = 1500;

/**
 * The "I'm interested" modal: an optional note, which referrer to ask (or anyone), and whether to
 * show the candidate's name on the card (off unless they tick it: job seeking is private).
 * @see https://docs.slack.dev/reference/views/modal-views
 */
export function interestModal(input: InterestModalInput): ModalView {
  const posting = escapeMrkdwn(truncate(displayTitle(input), 150));
  const company = input.company ? escapeMrkdwn(truncate(oneLine(input.company), 80)) : null;
  const blocks: KnownBlock[] = [section(company ? `*${posting}* at ${company}` : `*${posting}*`)];

  blocks.push({
    type: 'input',
    block_id: ids.noteBlock,
    optional: true,
    label: plainText('A note for the referrer', slackLimits.inputLabel),
    hint: plainText(
      'Why this role, what you have done that fits. Only the referrer sees it.',
      slackLimits.inputHint,
    ),
    element: {
      type: 'plain_text_input',
      action_id: ids.noteInput,
      multiline: true,
      max_length: interestNoteMaxLength,
      placeholder: plainText('Hi! I would love a referral because…', slackLimits.placeholder),
    },
  });

  blocks.push(
    context(
      '*Your profile*, sent with your request to the referrer you ask or accept (change it for this request here):',
    ),
    ...profileInputBlocks(input.profile ?? null, 'request'),
    saveToProfileBlock(),
  );

  const referrers = dedupe(input.referrers);
  if (referrers.length > 0) {
    const anyone = option('Anyone who can refer', ids.anyoneOption);
    // One option is "anyone"; Slack allows 100 in a select.
    const people = referrers
      .slice(0, slackLimits.selectOptions - 1)
      .map((r) => option(`${r.name?.trim() || r.userId}${r.verified ? ` ${VERIFIED_MARK}` : ''}`, r.userId));
    blocks.push({
      type: 'input',
      block_id: ids.referrerBlock,
      label: plainText('Who should we ask?', slackLimits.inputLabel),
      element: {
        type: 'static_select',
        action_id: ids.referrerSelect,
        options: [anyone, ...people],
        initial_option: anyone,
      },
    });
    blocks.push(context(`Can refer: ${referrerMentions(referrers)}`));
  } else {
    blocks.push(
      context(
        "Nobody has said they can refer here yet. We'll save your interest and DM you as soon as someone can.",
      ),
    );
  }

  const showName = option(
    'Show my name on the card',
    ids.showNameOption,
    'Otherwise the card only counts you',
  );
  blocks.push({
    type: 'input',
    block_id: ids.showNameBlock,
    optional: true,
    label: plainText('Privacy', slackLimits.inputLabel),
    element: { type: 'checkboxes', action_id: ids.showNameCheckbox, options: [showName] },
  });

  return {
    type: 'modal',
    callback_id: ids.callbackId,
    title: viewText("I'm interested"),
    submit: viewText(referrers.length > 0 ? 'Ask for referral' : 'Save my interest'),
    close: viewText('Cancel'),
    private_metadata: encodeViewMetadata(input.postingId, input.metadata),
    blocks,
  };
}

function dedupe<T extends { userId: string }>(list: readonly T[]): T[] {
  const seen = new Set<string>();
  return list.filter((item) => {
    if (seen.has(item.userId)) return false;
    seen.add(item.userId);
    return true;
  });
}

const stateSchema = z.record(z.string(), z.record(z.string(), z.unknown()));
const textInputSchema = z.object({ value: z.string().nullish() });
const selectSchema = z.object({ selected_option: z.object({ value: z.string() }).nullish() });
const checkboxesSchema = z.object({ selected_options: z.array(z.object({ value: z.string() })).nullish() });

/** Who the candidate asked: anyone who can refer, one member, or nobody (no referrer yet). */
export type ReferrerChoice = { kind: 'anyone' } | { kind: 'member'; userId: string } | { kind: 'none' };

export interface InterestSubmission {
  note: string | null;
  referrer: ReferrerChoice;
  showName: boolean;
  /** The profile inputs as typed (checked by the listener: a wrong URL keeps the form open). */
  profile: ProfileInputs;
}

/**
 * Reads `view.state.values` of a submitted interest modal: the note without control characters.
 * Null when the payload is not shaped like our modal, a chosen referrer included (then the
 * listener answers with a friendly error, it does not guess).
 */
export function readInterestSubmission(values: unknown): InterestSubmission | null {
  const state = stateSchema.safeParse(values);
  if (!state.success) return null;
  const get = (block: string, action: string): unknown => state.data[block]?.[action];

  const noteRaw = get(ids.noteBlock, ids.noteInput);
  const note = noteRaw === undefined ? null : textInputSchema.safeParse(noteRaw);
  if (note && !note.success) return null;
  // Cleaned after the cut, which may split a surrogate pair.
  const noteText = cleanText((note?.data?.value ?? '').trim().slice(0, interestNoteMaxLength)).trim() || null;

  let referrer: ReferrerChoice = { kind: 'none' };
  const selectRaw = get(ids.referrerBlock, ids.referrerSelect);
  if (selectRaw !== undefined) {
    const select = selectSchema.safeParse(selectRaw);
    if (!select.success) return null;
    const value = select.data.selected_option?.value;
    if (value && value !== ids.anyoneOption && !isSlackUserId(value)) return null;
    referrer = !value || value === ids.anyoneOption ? { kind: 'anyone' } : { kind: 'member', userId: value };
  }

  const showRaw = get(ids.showNameBlock, ids.showNameCheckbox);
  let showName = false;
  if (showRaw !== undefined) {
    const boxes = checkboxesSchema.safeParse(showRaw);
    if (!boxes.success) return null;
    showName = (boxes.data.selected_options ?? []).some((o) => o.value === ids.showNameOption);
  }
  const profile = readProfileInputs(values);
  if (profile === null) return null;
  return { note: noteText, referrer, showName, profile };
}
