import { readFollowSubmission } from '../../blocks/follow-blocks.js';
import { followModalIds } from '../../ids.js';
import type { FeatureDeps } from '../feature-deps.js';
import { keepOpenWithError, readSubmitter, type ViewListener } from '../listener-kit.js';

/**
 * The "Follow…" form's submission: the follow is saved before the form closes (an empty form, or a
 * full list, keeps it open with why), then the Home tab shows it.
 */
export function onFollowSubmitted(
  deps: Pick<FeatureDeps, 'referrals' | 'follows' | 'home' | 'logger'>,
): ViewListener {
  const { referrals, follows, home } = deps;
  return async ({ ack, body, view }) => {
    const form = readFollowSubmission(view.state.values);
    const who = readSubmitter(body);
    if (form === null || who === null) {
      return keepOpenWithError(ack, followModalIds.wordsBlock, 'Type a company or keywords.');
    }
    const member = await referrals.ensureMember(who.teamId, who.userId);
    const outcome = await follows.add(member.id, form);
    if (outcome.kind === 'empty') {
      return keepOpenWithError(
        ack,
        followModalIds.wordsBlock,
        'Type a company or keywords, or pick a workplace or place.',
      );
    }
    if (outcome.kind === 'full') {
      return keepOpenWithError(
        ack,
        followModalIds.wordsBlock,
        `You follow ${outcome.max} things already: unfollow one first.`,
      );
    }
    await ack();
    await home.publish(who.teamId, who.userId);
  };
}
