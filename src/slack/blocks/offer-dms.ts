import { offerActionIds, referrerDmActionIds } from '../ids.js';
import { encodeStatusUpdate } from './action-values.js';
import { actions, button, context, type SlackMessage, section } from './block-kit.js';
import { escapeMrkdwn, inChannel, mention } from './mrkdwn.js';
import { type PostingRef, plainTitle, postingLinkLine } from './posting-format.js';

/**
 * The anonymous invitation a referrer gets when a candidate asks anyone who can refer: what and
 * where, never who. The candidate decides whether the referrer who offers learns their name.
 */
export function invitationDm(input: {
  referralId: string;
  posting: PostingRef;
  channelId: string | null;
}): SlackMessage {
  return {
    text: escapeMrkdwn(`Someone is interested in ${plainTitle(input.posting)}`),
    blocks: [
      section(
        `🙋 Someone${inChannel(input.channelId)} is interested in ${postingLinkLine(input.posting)}, ` +
          'and you said you can refer there.',
      ),
      ...actions([
        button({
          actionId: offerActionIds.offer,
          text: 'Offer to refer',
          style: 'primary',
          value: input.referralId,
        }),
        button({
          actionId: referrerDmActionIds.decline,
          text: 'Not this time',
          value: encodeStatusUpdate({ referralId: input.referralId, to: 'declined' }),
        }),
      ]),
      context(
        "You'll learn who it is, and read their note, only if they accept your offer. Saying no is fine: " +
          'nobody is told who declined.',
      ),
    ],
  };
}

/** What the referrer sees after offering: the candidate decides now. */
export function offerSentMessage(posting: PostingRef): SlackMessage {
  return {
    text: '✅ Offer sent. If they accept, Vouch tells you who they are and shares their note.',
    blocks: [
      section(
        `✅ Offer sent for ${postingLinkLine(posting)}. If they accept, Vouch tells you who they are and shares their note.`,
      ),
    ],
  };
}

/** The candidate hears that a referrer offered, with the button to accept them. */
export function offerReceivedDm(input: {
  offerId: string;
  referrerUserId: string;
  posting: PostingRef;
}): SlackMessage {
  return {
    text: escapeMrkdwn(`Someone offered to refer you for ${plainTitle(input.posting)}`),
    blocks: [
      section(
        `🤝 ${mention(input.referrerUserId)} offered to refer you for ${postingLinkLine(input.posting)}. ` +
          'Accept to share your name and your note with them.',
      ),
      ...actions([
        button({ actionId: offerActionIds.accept, text: 'Accept', style: 'primary', value: input.offerId }),
      ]),
      context(
        'Until you accept, they only know that someone is interested. You can accept more than one offer.',
      ),
    ],
  };
}

/** The candidate's receipt after accepting. */
export function offerAcceptedMessage(referrerUserId: string, posting: PostingRef): SlackMessage {
  return {
    text: 'Accepted.',
    blocks: [
      section(
        `✅ You accepted ${mention(referrerUserId)}'s offer for ${postingLinkLine(posting)}: they now see your name and your note.`,
      ),
    ],
  };
}
