import { z } from 'zod';
import { resumeFileSchema } from '../../profiles/profile-fields.js';
import type { JobSpec, WorkQueue } from '../../work/work-queue.js';
import type { PostingRef } from '../blocks/posting-format.js';
import { resumeFileComment, resumeFileMissingDm } from '../blocks/profile-blocks.js';
import { slackUserIdSchema } from '../slack-ids.js';
import type { FileForwarder } from '../support/file-forwarder.js';
import { dmJob } from './effect-jobs.js';

/** The job that passes a candidate's résumé file on to the referrer who receives their request. */
export const RESUME_FILE_JOB = 'slack-resume-file';

/** The résumé file follows the request DM by a moment, so it arrives under it. */
const AFTER_REQUEST_MS = 2_000;

const postingRefSchema = z.object({
  postingId: z.string(),
  title: z.string().nullable(),
  company: z.string().nullable(),
  url: z.string(),
});

const payloadSchema = z.object({
  referrerUserId: slackUserIdSchema,
  candidateUserId: slackUserIdSchema,
  file: resumeFileSchema,
  posting: postingRefSchema,
});

/**
 * The candidate's résumé file for the referrer's DM, written with the request DM (`key` beside its
 * key). The payload names both members, so erasing either drops it while it waits.
 */
export function resumeFileJob(
  key: string,
  input: {
    referrerUserId: string;
    candidateUserId: string;
    file: { id: string; name: string };
    posting: PostingRef;
  },
  now: Date = new Date(),
): JobSpec {
  return {
    kind: RESUME_FILE_JOB,
    key,
    payload: input,
    runAfter: new Date(now.getTime() + AFTER_REQUEST_MS),
  };
}

/**
 * Runs résumé-file jobs: the file is copied into the referrer's DM; when it cannot be (deleted in
 * Slack, too big, refused) the referrer gets a DM saying so instead, with a link to the file in Slack
 * when there is one. The copy is not retried (a retry could send it twice); a run again after a crash
 * mid-upload may.
 */
export function registerResumeFileHandler(
  queue: Pick<WorkQueue, 'handle' | 'add'>,
  deps: { forwarder: FileForwarder },
): void {
  queue.handle(RESUME_FILE_JOB, async (payload, job) => {
    const { referrerUserId, candidateUserId, file, posting } = payloadSchema.parse(payload);
    const outcome = await deps.forwarder.forward(referrerUserId, {
      fileId: file.id,
      filename: file.name,
      comment: resumeFileComment({ candidateUserId, posting }),
    });
    if (outcome.sent) return;
    await queue.add(
      dmJob(
        `${job.key}:missing`,
        referrerUserId,
        resumeFileMissingDm({ candidateUserId, posting, fileName: file.name, permalink: outcome.permalink }),
      ),
    );
  });
}
