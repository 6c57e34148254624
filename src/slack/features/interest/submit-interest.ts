import { randomUUID } from 'node:crypto';
import { checkProfile, chooseResumeFile, type ProfileFields } from '../../../profiles/profile-fields.js';
import type { Member } from '../../../referrals/records.js';
import { statusLabel } from '../../../referrals/status-machine.js';
import { addJob, type JobSpec } from '../../../work/work-queue.js';
import { readInterestSubmission } from '../../blocks/interest-modal.js';
import { invitationDm } from '../../blocks/offer-dms.js';
import { profileFormErrors } from '../../blocks/profile-blocks.js';
import { candidateConfirmationDm, noReferrerYetDm, referrerRequestDm } from '../../blocks/referral-dms.js';
import { cardRefreshJob, dmJob, homeJob } from '../../effects/effect-jobs.js';
import { resumeFileJob } from '../../effects/resume-file-jobs.js';
import { interestModalIds } from '../../ids.js';
import { refOf } from '../../support/posting-ref.js';
import { interactionKey } from '../deliveries/delivery-key.js';
import type { FeatureDeps } from '../feature-deps.js';
import {
  cardLocation,
  keepOpenAfterFailedWrite,
  keepOpenWithError,
  readSubmission,
  type ViewListener,
} from '../listener-kit.js';

type Submission = NonNullable<ReturnType<typeof readInterestSubmission>>;

/** What one interest submission owes people, as jobs written with the referral (one transaction). */
export function interestFollowUps(input: {
  referralId: string;
  created: boolean;
  /** The submission's own key: a changed note sent twice is told twice, a retry once. */
  submissionKey: string;
  teamId: string;
  candidateUserId: string;
  submission: Submission;
  posting: Parameters<typeof refOf>[0] & { id: string };
  /** The named referrer, or the referrers invited anonymously; empty when nobody can refer yet. */
  asked: readonly Member[];
  ask: string | 'anyone' | null;
  channelId: string | null;
  status: string;
  /** The profile sent with the request: a named referrer receives it (and its résumé file). */
  profile?: ProfileFields | null;
}): JobSpec[] {
  const { referralId, teamId, candidateUserId, submission, asked, ask } = input;
  const posting = refOf(input.posting);
  const key = (what: string) => `interest:${referralId}:${what}`;
  const jobs: JobSpec[] = [];
  if (!input.created) {
    jobs.push(
      dmJob(key(`again:${input.submissionKey}`), candidateUserId, {
        text: `You already told Vouch you're interested in this job (status: ${input.status}). Your note and name choice are updated.`,
      }),
    );
    // "Save these to my profile" changes the Home's profile section.
    if (submission.profile.save)
      jobs.push(homeJob(key(`home:${input.submissionKey}`), teamId, candidateUserId));
    return jobs;
  }
  if (ask === null) {
    jobs.push(
      dmJob(
        key(`dm:${candidateUserId}`),
        candidateUserId,
        noReferrerYetDm({ referralId, posting, showName: submission.showName }),
      ),
    );
  } else {
    if (ask === 'anyone') {
      // Double opt-in: the referrers hear that someone is interested, not who.
      const invitation = invitationDm({ referralId, posting, channelId: input.channelId });
      for (const member of asked) {
        jobs.push(dmJob(key(`invite:${member.slackUserId}`), member.slackUserId, invitation));
        jobs.push(homeJob(key(`home:${member.slackUserId}`), teamId, member.slackUserId));
      }
    } else {
      const referrer = asked[0];
      if (referrer !== undefined) {
        jobs.push(
          dmJob(
            key(`dm:${referrer.slackUserId}`),
            referrer.slackUserId,
            referrerRequestDm({
              referralId,
              candidateUserId,
              posting,
              note: submission.note,
              teamId,
              profile: input.profile ?? null,
            }),
          ),
          homeJob(key(`home:${referrer.slackUserId}`), teamId, referrer.slackUserId),
        );
        if (input.profile?.resumeFile) {
          jobs.push(
            resumeFileJob(key(`file:${referrer.slackUserId}`), {
              referrerUserId: referrer.slackUserId,
              candidateUserId,
              file: input.profile.resumeFile,
              posting,
            }),
          );
        }
      }
    }
    jobs.push(
      dmJob(
        key(`dm:${candidateUserId}`),
        candidateUserId,
        candidateConfirmationDm({
          referralId,
          posting,
          askedReferrerUserIds: asked.map((m) => m.slackUserId),
          askedAnyone: ask === 'anyone',
          showName: submission.showName,
        }),
      ),
    );
  }
  jobs.push(
    cardRefreshJob(key('card'), input.posting.id),
    homeJob(key(`home:${candidateUserId}`), teamId, candidateUserId),
  );
  return jobs;
}

/**
 * The interest form's submission: the referral and everything it owes people (DMs to the referrer(s)
 * and the candidate, the card's counts, App Homes) are written in one transaction before the modal
 * closes, as jobs of the work queue: if the write fails the form stays open with why, and once it
 * is written a crash cannot lose a DM.
 */
export function onInterestSubmitted(
  deps: Pick<FeatureDeps, 'referrals' | 'profiles' | 'work' | 'logger'>,
): ViewListener {
  const { referrals, profiles, work, logger } = deps;
  return async ({ ack, body, view }) => {
    const read = readSubmission(body, view, readInterestSubmission);
    if (read === null) {
      await keepOpenWithError(
        ack,
        interestModalIds.noteBlock,
        'Vouch could not read this form. Please close it and try again.',
      );
      logger.warn('malformed interest submission refused');
      return;
    }
    const { meta, form: submission, who } = read;
    // Links that are not http(s) keep the form open with why, before anything is written.
    const typed = checkProfile({ ...submission.profile, resumeFile: submission.profile.attached });
    if (!typed.ok) {
      await ack({ response_action: 'errors', errors: profileFormErrors(typed.errors) });
      return;
    }
    const typedProfile = typed.profile;
    let saved: boolean;
    try {
      saved = await record();
    } catch (error) {
      return keepOpenAfterFailedWrite(ack, interestModalIds.noteBlock, error, {
        logger,
        what: 'interest',
        fallback:
          'Vouch could not save this just now. Your note is still here: please try again in a moment.',
      });
    }
    if (!saved) {
      await keepOpenWithError(
        ack,
        interestModalIds.noteBlock,
        '🔒 This posting closed in the meantime, so Vouch is not taking interest in it.',
      );
      return;
    }
    await ack();
    work.wake();

    /** The referral and its follow-up jobs, written together; false when the posting closed meanwhile. */
    async function record(): Promise<boolean> {
      const candidate = await referrals.ensureMember(who.teamId, who.userId);
      const posting = await referrals.getPosting(meta.postingId);
      if (posting.status === 'closed') return false;
      const available = (await referrals.referrersFor(posting)).filter((m) => m.id !== candidate.id);
      let asked: Member[] = [];
      let ask: string | 'anyone' | null = null;
      if (submission.referrer.kind === 'member') {
        const chosenId = submission.referrer.userId;
        const chosen = available.find((m) => m.slackUserId === chosenId);
        if (chosen !== undefined) {
          asked = [chosen];
          ask = chosen.id;
        }
      }
      if (ask === null && available.length > 0) {
        asked = available;
        ask = 'anyone';
      }
      const channelId = cardLocation(meta.context).channel ?? null;
      // What this request sends: the form's fields, and the profile's résumé file unless replaced or left out.
      const profile: ProfileFields = {
        ...typedProfile,
        resumeFile: chooseResumeFile(
          submission.profile.attached,
          submission.profile.dropKeptFile,
          await profiles.get(candidate.id),
        ),
      };
      await referrals.expressInterest(
        {
          postingId: posting.id,
          candidateId: candidate.id,
          note: submission.note,
          ask,
          invite: ask === 'anyone' ? asked.map((m) => m.id) : [],
          showName: submission.showName,
          channelId,
          profile,
          saveProfile: submission.profile.save,
        },
        async (tx, written) => {
          await addJob(
            tx,
            ...interestFollowUps({
              referralId: written.referralId,
              created: written.created,
              submissionKey: interactionKey(body as unknown as Record<string, unknown>) ?? randomUUID(),
              teamId: who.teamId,
              candidateUserId: who.userId,
              submission,
              posting,
              asked: ask === 'anyone' ? asked.filter((m) => written.invited.includes(m.id)) : asked,
              ask,
              channelId,
              status: statusLabel(written.status),
              profile,
            }),
          );
        },
      );
      return true;
    }
  };
}
