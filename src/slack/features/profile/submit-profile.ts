import { checkProfile, chooseResumeFile } from '../../../profiles/profile-fields.js';
import { profileFormErrors, readProfileInputs } from '../../blocks/profile-blocks.js';
import { profileFormIds } from '../../ids.js';
import type { FeatureDeps } from '../feature-deps.js';
import {
  keepOpenAfterFailedWrite,
  keepOpenWithError,
  readSubmitter,
  type ViewListener,
} from '../listener-kit.js';

/**
 * The profile form's submission: a link that is not http(s) keeps the form open with why under that
 * field; otherwise the profile is saved before the form closes, then the Home tab shows it.
 */
export function onProfileSubmitted(
  deps: Pick<FeatureDeps, 'referrals' | 'profiles' | 'home' | 'logger'>,
): ViewListener {
  const { referrals, profiles, home, logger } = deps;
  return async ({ ack, body, view }) => {
    const inputs = readProfileInputs(view.state.values);
    const who = readSubmitter(body);
    if (inputs === null || who === null) {
      logger.warn('malformed profile submission refused');
      return keepOpenWithError(
        ack,
        profileFormIds.profileUrlBlock,
        'Vouch could not read this form. Please close it and try again.',
      );
    }
    const checked = checkProfile({ ...inputs, resumeFile: inputs.attached });
    if (!checked.ok) return ack({ response_action: 'errors', errors: profileFormErrors(checked.errors) });
    try {
      const member = await referrals.ensureMember(who.teamId, who.userId);
      const kept = await profiles.get(member.id);
      await profiles.save(member.id, {
        ...checked.profile,
        resumeFile: chooseResumeFile(inputs.attached, inputs.dropKeptFile, kept),
      });
    } catch (error) {
      return keepOpenAfterFailedWrite(ack, profileFormIds.profileUrlBlock, error, {
        logger,
        what: 'profile',
        fallback: 'Vouch could not save your profile just now. Please try again in a moment.',
      });
    }
    await ack();
    await home.publish(who.teamId, who.userId);
  };
}
