import { z } from 'zod';
import { tagModalIds as ids } from '../ids.js';
import { slackUserIdSchema } from '../slack-ids.js';
import { context, type ModalView, option, plainText, section, viewText } from './block-kit.js';
import { slackLimits, truncate } from './limits.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { displayTitle } from './posting-format.js';
import { encodeViewMetadata } from './view-metadata.js';

/** What a tag says about the tagged member; matches the Prisma `TagRole` enum. */
export const tagRoleSchema = z.enum(['referrer', 'candidate']);
export type TagRole = z.infer<typeof tagRoleSchema>;

export interface TagModalInput {
  postingId: string;
  title: string | null;
  company?: string | null;
  /** Opaque, given back on submit. */
  metadata?: unknown;
}

/**
 * "Tag someone": pick a colleague and say whether they could refer or might be interested. Vouch
 * DMs them privately; nothing is posted in the channel.
 */
export function tagModal(input: TagModalInput): ModalView {
  const title = escapeMrkdwn(
    truncate(displayTitle({ title: input.title, company: input.company ?? null }), 150),
  );
  return {
    type: 'modal',
    callback_id: ids.callbackId,
    title: viewText('Tag someone'),
    submit: viewText('Send'),
    close: viewText('Cancel'),
    private_metadata: encodeViewMetadata(input.postingId, input.metadata),
    blocks: [
      section(`Who should know about *${title}*?`),
      {
        type: 'input',
        block_id: ids.userBlock,
        label: plainText('Colleague', slackLimits.inputLabel),
        element: {
          type: 'users_select',
          action_id: ids.userSelect,
          placeholder: plainText('Pick someone', slackLimits.placeholder),
        },
      },
      {
        type: 'input',
        block_id: ids.roleBlock,
        label: plainText('They…', slackLimits.inputLabel),
        element: {
          type: 'radio_buttons',
          action_id: ids.roleRadio,
          options: [option('could refer', 'referrer'), option('might be interested', 'candidate')],
        },
      },
      context('Vouch sends them a private message with the posting. Nothing is said in the channel.'),
    ],
  };
}

export interface TagSubmission {
  userId: string;
  role: TagRole;
}

const submissionSchema = z.object({
  [ids.userBlock]: z.object({ [ids.userSelect]: z.object({ selected_user: slackUserIdSchema }) }),
  [ids.roleBlock]: z.object({
    [ids.roleRadio]: z.object({ selected_option: z.object({ value: tagRoleSchema }) }),
  }),
});

/**
 * Reads `view.state.values` of a submitted tag modal; null when incomplete, not ours, or when the
 * selected user is not shaped like a Slack user id.
 */
export function readTagSubmission(values: unknown): TagSubmission | null {
  const parsed = submissionSchema.safeParse(values);
  if (!parsed.success) return null;
  return {
    userId: parsed.data[ids.userBlock][ids.userSelect].selected_user,
    role: parsed.data[ids.roleBlock][ids.roleRadio].selected_option.value,
  };
}
