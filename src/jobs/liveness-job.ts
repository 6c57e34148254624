import type { Posting } from '../generated/sqlite/client.js';
import type { Logger } from '../logger.js';
import { fetchHostOf } from '../postings/load-posting.js';
import type { LoadOutcome, PostingStore } from '../postings/posting-store.js';
import type { ReferralService } from '../referrals/referral-service.js';
import { teamWorkspace, withWorkspace } from '../runtime/workspace-context.js';
import { statusNoticeJob } from '../slack/effects/notice-jobs.js';
import type { CardPublisher } from '../slack/support/card-publisher.js';
import { addJob } from '../work/work-queue.js';
import type { PeriodicJob } from './job-scheduler.js';
import {
  createHostPacer,
  DEFAULT_HOST_PACING,
  type HostOutcome,
  type HostPacingSettings,
  type PacedRoundResult,
  type PacerClock,
  systemClock,
} from './liveness-pacer.js';

export interface LivenessJobDeps {
  postings: Pick<PostingStore, 'dueForCheck' | 'recheck' | 'countForChecks'>;
  referrals: Pick<ReferralService, 'openReferralsOf' | 'changeStatus'>;
  cards: Pick<CardPublisher, 'refresh'>;
  logger: Logger;
  livenessHours: number;
  /** Per-host limits (VOUCH_LIVENESS_PER_HOST and the back-off of liveness-pacer.ts). */
  pacing?: Partial<HostPacingSettings>;
  clock?: PacerClock;
}

/** How often a round starts: each round checks its share of the period, spread over the round. */
const ROUND_MS = 5 * 60 * 1000;
/** Checks are planned over this part of a round, so a round ends before the next one starts. */
const PLANNED_SHARE = 0.9;
/** A round run by hand (`runOnce`) checks at most this many, and starts nothing after this long. */
const BY_HAND = { limit: 100, withinMs: 60_000 };

export interface LivenessRound extends Omit<PacedRoundResult, 'started'> {
  checked: number;
  closed: number;
  /** Postings due in this round (at most its share of the period). */
  due: number;
  /** Open job postings: each is checked once per `livenessHours`. */
  open: number;
  /** Least time between two checks' starts (0 for a round run by hand). */
  spacingMs: number;
}

/** What a recheck's load says about the host's health. */
export function hostOutcomeOf(load: LoadOutcome | undefined): HostOutcome {
  if (load === undefined || load.status !== 'failed') return { kind: 'ok' };
  const status = load.httpStatus;
  if ((status === 429 || status === 503) && load.retryAfterMs !== undefined)
    return { kind: 'retry_after', ms: load.retryAfterMs };
  // No status: refused, timed out, unreachable. 429 without Retry-After: back off on our own.
  if (status === undefined || status === 429 || status >= 500) return { kind: 'failed' };
  return { kind: 'ok' };
}

/**
 * Re-checks open postings every `livenessHours`. A posting the job board reports gone is closed, its
 * open referrals are closed by the system, and both people of each are told (nobody left wondering).
 *
 * Every ROUND_MS a round checks its share of the period (open postings × round / period), the oldest
 * checks first, spread evenly over the round: a million postings over 24 hours are about 12 checks a
 * second, never a burst. liveness-pacer.ts keeps each job board to a few requests at a time and leaves
 * alone a board that asks for it (Retry-After) or is failing.
 */
export function createLivenessJob(deps: LivenessJobDeps): PeriodicJob & {
  /**
   * A round by hand (tests, operators): up to 100 due postings as fast as the hosts' limits allow,
   * starting nothing after `withinMs` (default a minute); a paused host's postings wait for a round.
   */
  runOnce(options?: { withinMs?: number }): Promise<LivenessRound>;
  /** One paced round, as the scheduler runs it. */
  runRound(): Promise<LivenessRound>;
  /** Starts no more checks (the process is stopping); checks in flight finish. */
  stop(): void;
} {
  const { postings, referrals, cards, logger, livenessHours } = deps;
  const clock = deps.clock ?? systemClock;
  const periodMs = livenessHours * 60 * 60 * 1000;
  const everyMs = Math.min(periodMs, ROUND_MS);
  const pacer = createHostPacer({ ...DEFAULT_HOST_PACING, ...deps.pacing }, clock);
  let stopped = false;
  let running = false;

  async function check(posting: Posting, counts: { closed: number }): Promise<HostOutcome> {
    try {
      const result = await postings.recheck(posting);
      if (result.closedNow) {
        counts.closed += 1;
        for (const referral of await referrals.openReferralsOf(posting.id)) {
          // Closed, and both parties' notices queued, in one transaction.
          await referrals.changeStatus(
            { referralId: referral.id, actor: { kind: 'system' }, to: 'closed' },
            (tx, written) =>
              addJob(tx, { ...statusNoticeJob(written), workspace: teamWorkspace(posting.workspaceId) }),
          );
        }
        // The card is in the posting's workspace: its token (with several workspaces).
        await withWorkspace(teamWorkspace(posting.workspaceId), () => cards.refresh(posting));
      }
      return hostOutcomeOf(result.load);
    } catch (error) {
      logger.warn({ err: error, postingId: posting.id }, 'liveness check failed for a posting');
      return { kind: 'ok' };
    }
  }

  async function round(plan: { limit: number; open: number; spacingMs: number; withinMs: number }) {
    const due = await postings.dueForCheck(periodMs, plan.limit);
    const counts = { closed: 0 };
    const result = await pacer.run({
      items: due,
      hostOf: (posting) => fetchHostOf(posting.url),
      check: (posting) => check(posting, counts),
      spacingMs: plan.spacingMs,
      deadline: clock.now() + plan.withinMs,
      stopped: () => stopped,
    });
    const { started, ...rest } = result;
    const outcome: LivenessRound = {
      ...rest,
      checked: started,
      closed: counts.closed,
      due: due.length,
      open: plan.open,
      spacingMs: plan.spacingMs,
    };
    if (due.length > 0) logger.info({ ...outcome }, 'posting liveness checked');
    return outcome;
  }

  /** Rounds never overlap: a round still finishing its last checks makes the next one skip. */
  async function once(plan: () => Promise<Parameters<typeof round>[0]>): Promise<LivenessRound> {
    if (running || stopped)
      return { checked: 0, closed: 0, due: 0, open: 0, spacingMs: 0, leftOver: 0, maxInFlightByHost: {} };
    running = true;
    try {
      return await round(await plan());
    } finally {
      running = false;
    }
  }

  async function runRound(): Promise<LivenessRound> {
    return once(async () => {
      const open = await postings.countForChecks();
      const limit = Math.max(1, Math.ceil((open * everyMs) / periodMs));
      return { limit, open, spacingMs: (everyMs * PLANNED_SHARE) / limit, withinMs: everyMs * 0.95 };
    });
  }

  return {
    name: 'posting-liveness',
    everyMs,
    run: async () => {
      await runRound();
    },
    runRound,
    runOnce: (options = {}) =>
      once(async () => ({
        limit: BY_HAND.limit,
        open: 0,
        spacingMs: 0,
        withinMs: options.withinMs ?? BY_HAND.withinMs,
      })),
    stop() {
      stopped = true;
    },
  };
}
