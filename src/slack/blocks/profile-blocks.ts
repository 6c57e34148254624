import { z } from 'zod';
import {
  PITCH_MAX_LENGTH,
  PROFILE_URL_MAX_LENGTH,
  type ProfileFields,
  type ResumeFile,
  slackFileIdSchema,
} from '../../profiles/profile-fields.js';
import { cleanText } from '../../text/clean-text.js';
import { homeActionIds, profileFormIds as ids } from '../ids.js';
import {
  actions,
  button,
  context,
  type KnownBlock,
  type ModalView,
  option,
  plainText,
  type SlackMessage,
  section,
  viewText,
} from './block-kit.js';
import { oneLine, slackLimits, truncate } from './limits.js';
import { escapeMrkdwn, link, mention, quote } from './mrkdwn.js';
import { type PostingRef, plainTitle, postingLinkLine } from './posting-format.js';

/**
 * A candidate's profile in Slack (src/profiles/): its inputs (the "Your profile" modal and the
 * "I'm interested" form share them), the App Home section, and what a referrer the candidate named
 * or accepted reads in the request DM. Everything the member typed is escaped: it cannot ping.
 */

/** What a form's profile inputs hold, as typed (URLs are checked by `checkProfile`). */
export interface ProfileInputs {
  profileUrl: string | null;
  resumeUrl: string | null;
  pitch: string | null;
  /** A file attached in this form. */
  attached: ResumeFile | null;
  /** Ticked: the profile's file is removed (profile form) or left out of this request (interest form). */
  dropKeptFile: boolean;
  /** The interest form's "Save these to my profile". */
  save: boolean;
}

/** Résumé formats a referrer can open; Slack checks them in the client, Vouch again on download. */
const resumeFileTypes = ['pdf', 'doc', 'docx', 'odt', 'rtf', 'txt', 'md', 'pages'];

function fileName(file: ResumeFile): string {
  return truncate(oneLine(cleanText(file.name)), 100);
}

function urlInput(
  blockId: string,
  actionId: string,
  label: string,
  hint: string,
  placeholder: string,
  initial: string | null,
): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional: true,
    label: plainText(label, slackLimits.inputLabel),
    hint: plainText(hint, slackLimits.inputHint),
    element: {
      type: 'plain_text_input',
      action_id: actionId,
      max_length: PROFILE_URL_MAX_LENGTH,
      placeholder: plainText(placeholder, slackLimits.placeholder),
      ...(initial !== null ? { initial_value: initial } : {}),
    },
  };
}

/**
 * The profile's inputs, prefilled from `profile`: a profile link, a résumé link, the pitch, a résumé
 * file (Slack's file_input cannot be prefilled: the file the profile holds is named, with a box to
 * drop it). `purpose` words them for the profile itself or for one request.
 * @see https://docs.slack.dev/reference/block-kit/block-elements/file-input-element
 */
export function profileInputBlocks(
  profile: ProfileFields | null,
  purpose: 'profile' | 'request',
): KnownBlock[] {
  const forRequest = purpose === 'request';
  const blocks: KnownBlock[] = [
    urlInput(
      ids.profileUrlBlock,
      ids.profileUrlInput,
      'LinkedIn or other profile',
      'A link to your LinkedIn, GitHub, portfolio or personal page.',
      'https://www.linkedin.com/in/you',
      profile?.profileUrl ?? null,
    ),
    urlInput(
      ids.resumeUrlBlock,
      ids.resumeUrlInput,
      'Résumé link',
      'A link the referrer can open (a shared document, your site).',
      'https://…',
      profile?.resumeUrl ?? null,
    ),
    {
      type: 'input',
      block_id: ids.pitchBlock,
      optional: true,
      label: plainText('Your pitch, in one line', slackLimits.inputLabel),
      hint: plainText(`What you do and what you are looking for (${PITCH_MAX_LENGTH} characters).`, 200),
      element: {
        type: 'plain_text_input',
        action_id: ids.pitchInput,
        max_length: PITCH_MAX_LENGTH,
        placeholder: plainText('Backend engineer, 6 years of payments, looking for staff roles', 150),
        ...(profile?.pitch ? { initial_value: profile.pitch } : {}),
      },
    },
    {
      type: 'input',
      block_id: ids.resumeFileBlock,
      optional: true,
      label: plainText(
        forRequest && profile?.resumeFile ? 'A different résumé file for this request' : 'Résumé file',
        slackLimits.inputLabel,
      ),
      hint: plainText('PDF or document, up to 10 MB.', slackLimits.inputHint),
      element: {
        type: 'file_input',
        action_id: ids.resumeFileInput,
        filetypes: resumeFileTypes,
        max_files: 1,
      },
    } as KnownBlock,
  ];
  if (profile?.resumeFile) {
    const name = fileName(profile.resumeFile);
    blocks.push({
      type: 'input',
      block_id: ids.keptFileBlock,
      optional: true,
      label: plainText(`Your résumé file: ${name}`, slackLimits.inputLabel),
      element: {
        type: 'checkboxes',
        action_id: ids.keptFileCheckbox,
        options: [
          option(
            forRequest ? 'Leave it out of this request' : 'Remove it from my profile',
            ids.dropFileOption,
          ),
        ],
      },
    });
  }
  return blocks;
}

/** "Save these to my profile", for the interest form. */
export function saveToProfileBlock(): KnownBlock {
  return {
    type: 'input',
    block_id: ids.saveBlock,
    optional: true,
    label: plainText('Your profile', slackLimits.inputLabel),
    element: {
      type: 'checkboxes',
      action_id: ids.saveCheckbox,
      options: [
        option('Save these to my profile', ids.saveOption, 'Otherwise they go with this request only'),
      ],
    },
  };
}

/** The "Your profile" modal (App Home's "Edit profile"). */
export function profileModal(profile: ProfileFields | null): ModalView {
  return {
    type: 'modal',
    callback_id: ids.callbackId,
    title: viewText('Your profile'),
    submit: viewText('Save'),
    close: viewText('Cancel'),
    blocks: [
      section(
        'When you ask for a referral, Vouch sends these to the referrer you ask or accept, with your request. ' +
          'Nobody else sees them, and you can change them for each request.',
      ),
      ...profileInputBlocks(profile, 'profile'),
      context(
        'Leave a field empty to remove it. `/vouch export` includes your profile; `/vouch forget-me` erases it.',
      ),
    ],
  };
}

const stateSchema = z.record(z.string(), z.record(z.string(), z.unknown()));
const textSchema = z.object({ value: z.string().nullish() });
const filesSchema = z.object({
  files: z
    .array(z.object({ id: slackFileIdSchema, name: z.string().nullish(), title: z.string().nullish() }))
    .nullish(),
});
const checkboxesSchema = z.object({ selected_options: z.array(z.object({ value: z.string() })).nullish() });

/**
 * The profile inputs of a submitted form (`view.state.values`); absent inputs are empty. Null when one
 * of them is not shaped as Slack sends it.
 */
export function readProfileInputs(values: unknown): ProfileInputs | null {
  const state = stateSchema.safeParse(values);
  if (!state.success) return null;
  const get = (block: string, action: string): unknown => state.data[block]?.[action];
  const text = (block: string, action: string): string | null | undefined => {
    const raw = get(block, action);
    if (raw === undefined) return null;
    const parsed = textSchema.safeParse(raw);
    return parsed.success ? (parsed.data.value ?? null) : undefined;
  };
  const ticked = (block: string, action: string, value: string): boolean | undefined => {
    const raw = get(block, action);
    if (raw === undefined) return false;
    const parsed = checkboxesSchema.safeParse(raw);
    return parsed.success ? (parsed.data.selected_options ?? []).some((o) => o.value === value) : undefined;
  };
  const profileUrl = text(ids.profileUrlBlock, ids.profileUrlInput);
  const resumeUrl = text(ids.resumeUrlBlock, ids.resumeUrlInput);
  const pitch = text(ids.pitchBlock, ids.pitchInput);
  const dropKeptFile = ticked(ids.keptFileBlock, ids.keptFileCheckbox, ids.dropFileOption);
  const save = ticked(ids.saveBlock, ids.saveCheckbox, ids.saveOption);
  const fileRaw = get(ids.resumeFileBlock, ids.resumeFileInput);
  const files = fileRaw === undefined ? { success: true as const, data: {} } : filesSchema.safeParse(fileRaw);
  if (
    profileUrl === undefined ||
    resumeUrl === undefined ||
    pitch === undefined ||
    dropKeptFile === undefined ||
    save === undefined ||
    !files.success
  ) {
    return null;
  }
  const first = ('files' in files.data ? files.data.files : null)?.[0];
  const name = cleanText(first?.name ?? first?.title ?? '').trim() || 'résumé';
  return {
    profileUrl,
    resumeUrl,
    pitch,
    attached: first ? { id: first.id, name: name.slice(0, 255) } : null,
    dropKeptFile,
    save,
  };
}

/** A link's label: its host and path, short (the whole URL is the link). */
function linkLabel(url: string): string {
  try {
    const parsed = new URL(url);
    return truncate(`${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`, 60);
  } catch {
    return truncate(url, 60);
  }
}

/** The profile's lines, in mrkdwn (escaped); empty when it holds nothing. */
function profileLines(profile: ProfileFields, fileNote: string): string[] {
  return [
    profile.profileUrl ? `🔗 Profile: ${link(profile.profileUrl, linkLabel(profile.profileUrl))}` : null,
    profile.resumeUrl ? `📄 Résumé: ${link(profile.resumeUrl, linkLabel(profile.resumeUrl))}` : null,
    profile.resumeFile ? `📎 Résumé file: ${escapeMrkdwn(fileName(profile.resumeFile))}${fileNote}` : null,
    profile.pitch ? quote(oneLine(profile.pitch)) : null,
  ].filter((line): line is string => line !== null);
}

/** App Home's "Your profile" section: what the profile holds (only its owner sees it), and "Edit profile". */
export function profileHomeBlocks(profile: ProfileFields | null): KnownBlock[] {
  const lines = profile === null ? [] : profileLines(profile, '');
  const edit = button({
    actionId: homeActionIds.editProfile,
    text: lines.length > 0 ? 'Edit profile' : 'Add profile',
  });
  if (lines.length === 0) {
    return [
      context(
        'Add your LinkedIn, a résumé and a one-line pitch: Vouch sends them with your referral requests, ' +
          'to the referrer you ask or accept only.',
      ),
      ...actions([edit]),
    ];
  }
  return [
    section(lines.join('\n'), edit),
    context('Only you see this. A referrer sees it with your request, once you ask or accept them.'),
  ];
}

/**
 * The candidate's profile in the request DM a referrer they named or accepted receives; nothing when
 * they sent none. `fileFollows`: the résumé file comes as a file in this conversation.
 */
export function requestProfileBlocks(profile: ProfileFields | null | undefined): KnownBlock[] {
  if (!profile) return [];
  const lines = profileLines(profile, ' _(sent in this conversation in a moment)_');
  return lines.length > 0 ? [section(`*Their profile:*\n${lines.join('\n')}`)] : [];
}

/** The message a résumé file arrives with in the referrer's DM. */
export function resumeFileComment(input: { candidateUserId: string; posting: PostingRef }): string {
  return `📎 ${mention(input.candidateUserId)}'s résumé, for their referral request for ${escapeMrkdwn(plainTitle(input.posting))}.`;
}

/**
 * When the résumé file cannot be passed on (deleted in Slack, too big, Slack refused): the referrer is
 * told, with a link to the file in Slack when there is one, and how to get it.
 */
export function resumeFileMissingDm(input: {
  candidateUserId: string;
  posting: PostingRef;
  fileName: string;
  permalink: string | null;
}): SlackMessage {
  const name = escapeMrkdwn(truncate(oneLine(input.fileName), 100));
  const where = input.permalink ? ` It may open for you in Slack: ${link(input.permalink, name)}.` : '';
  return {
    text: escapeMrkdwn(`A résumé file for ${plainTitle(input.posting)} could not be attached`),
    blocks: [
      section(
        `📎 ${mention(input.candidateUserId)} added a résumé file (*${name}*) to their request for ` +
          `${postingLinkLine(input.posting)}, but Vouch could not attach it here.${where} ` +
          'Otherwise, ask them for it with *Open DM*.',
      ),
    ],
  };
}

/** A form's errors under the profile's link fields, as `response_action: errors` takes them. */
export function profileFormErrors(
  errors: Partial<Record<'profileUrl' | 'resumeUrl', string>>,
): Record<string, string> {
  return {
    ...(errors.profileUrl !== undefined ? { [ids.profileUrlBlock]: errors.profileUrl } : {}),
    ...(errors.resumeUrl !== undefined ? { [ids.resumeUrlBlock]: errors.resumeUrl } : {}),
  };
}
