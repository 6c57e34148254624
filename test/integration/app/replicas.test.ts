import { afterEach, describe, expect, it } from 'vitest';
import { DIGEST_METADATA_EVENT } from '../../../src/slack/effects/digest-handlers.js';
import { eventually, pause, useCrashHarness } from '../../helpers/crash-harness.js';
import type { RecordedCall } from '../../helpers/fake-slack-api.mjs';
import { type RoundRobin, startRoundRobin } from '../../helpers/round-robin.mjs';
import { buttonValue, dmChannelOf, mentions, textOf, unfurlBlocksOf } from '../../helpers/slack-blocks.js';
import {
  interestFormValues,
  openInterestModal,
  type SlackSide,
  shareJobByUnfurl,
  submitInterestForm,
  waitForDm,
} from '../../helpers/slack-flows.js';
import {
  blockAction,
  eventEnvelope,
  linkSharedEvent,
  viewSubmission,
} from '../../helpers/slack-payloads.mjs';
import type { SlackResponse } from '../../helpers/slack-requests.js';
import { isBuilt, type SpawnedVouch } from '../../helpers/spawn-vouch.js';
import { TEST_POSTGRES_URL } from '../../helpers/test-database.js';

/**
 * Two Vouch processes (`node dist/main.js`, as `npm start` runs it) on one PostgreSQL database behind
 * a round-robin balancer (test/helpers/round-robin.mjs): what README's "several replicas can share
 * one PostgreSQL database" promises, shown. Every Slack request goes through the balancer, so
 * consecutive requests reach different processes; a re-delivery or a repeated click reaches the other
 * process than the first. What members see is counted at the fake Slack API, what was stored in the
 * database.
 */
if (!TEST_POSTGRES_URL)
  console.warn(
    'replica tests skipped: set TEST_POSTGRES_URL (two processes share one PostgreSQL database; one SQLite file is for one process)',
  );

/** Every periodic job runs this often in these processes (VOUCH_PERIODIC_JOBS_EVERY_SECONDS). */
const ROUND_SECONDS = 3;
/** A round's lease (src/jobs/job-scheduler.ts: the period less a second): no second run of a job within it. */
const ROUND_LEASE_MS = ROUND_SECONDS * 1000 - 1000;
const REPLICA_ENV = {
  VOUCH_PERIODIC_JOBS_EVERY_SECONDS: String(ROUND_SECONDS),
  VOUCH_REMINDER_DAYS: '1',
  VOUCH_LIVENESS_HOURS: '1',
  // The scheduler says at debug level when a round of a periodic job ran, and how long it took.
  LOG_LEVEL: 'debug',
};
const DAY_MS = 86_400_000;

describe.skipIf(!TEST_POSTGRES_URL || !isBuilt)(
  'two Vouch processes behind a round-robin balancer [postgresql]',
  () => {
    const harness = useCrashHarness('postgresql');
    let balancer: RoundRobin | undefined;
    afterEach(async () => {
      await balancer?.close();
      balancer = undefined;
    });

    /** Two processes on the block's database, the balancer over both, and the Slack side through it. */
    async function twoReplicas() {
      const [first, second] = await Promise.all([
        harness.startVouch(REPLICA_ENV),
        harness.startVouch(REPLICA_ENV),
      ]);
      balancer = await startRoundRobin({ upstreams: [first.url, second.url] });
      return { first, second, balancer, side: harness.sideAt(balancer.url) };
    }

    /** Which process (0 or 1) the balancer sent a request to. */
    const upstreamOf = (response: SlackResponse) => Number(response.headers.get('x-round-robin-upstream'));

    /** Calls Slack took (not refused) of `method` that match `predicate`. */
    const taken = (method: string, predicate: (call: RecordedCall) => boolean) =>
      harness
        .slack()
        .calls(method)
        .filter((c) => c.failed === undefined && predicate(c));

    /** DMs the bot posted to `user` whose text (fallback and blocks) matches `pattern`. */
    const dmsTo = (user: string, pattern: RegExp) =>
      taken('chat.postMessage', (c) => c.args.channel === dmChannelOf(user) && pattern.test(textOf(c.args)));

    /** Sends the same signed interaction payload twice at once: a client retry, reaching both processes. */
    async function sendTwice(side: SlackSide, payload: Record<string, unknown>): Promise<SlackResponse[]> {
      const answers = await Promise.all([
        side.requests.interaction(payload),
        side.requests.interaction(payload),
      ]);
      for (const answer of answers) expect(answer.status).toBe(200);
      return answers;
    }

    /** The rounds of each periodic job both processes logged: when each began (ms since epoch). */
    function periodicRounds(processes: SpawnedVouch[]): Map<string, number[]> {
      const rounds = new Map<string, number[]>();
      for (const vouch of processes) {
        for (const line of vouch.stdout().split('\n')) {
          if (!line.includes('periodic job finished')) continue;
          const entry = JSON.parse(line) as { job: string; ms: number; time: number };
          rounds.set(entry.job, [...(rounds.get(entry.job) ?? []), entry.time - entry.ms]);
        }
      }
      for (const starts of rounds.values()) starts.sort((a, b) => a - b);
      return rounds;
    }

    it('a shared link, a re-delivery, a referral from interest to referred, a reminder, a liveness check and a digest: each once', async () => {
      const { first, second, side } = await twoReplicas();
      const slack = harness.slack();
      const [channel, sharer, referrer, candidate] = [
        'C0REPLFLOW',
        'U0RSHARER',
        'U0RREFERRER',
        'U0RCANDIDATE',
      ];
      slack.respond('conversations.members', () => ({
        members: [sharer, referrer, candidate],
        response_metadata: { next_cursor: '' },
      }));
      const path = '/jobs/replicas-flow';
      const url = harness.board().job(path, { title: 'Replica Engineer', company: 'Twinco' });

      // A link posted in a channel; Slack delivers the event again (a retry) and the balancer sends
      // the retry to the other process.
      const event = linkSharedEvent({ channel, user: sharer, urls: [url] });
      const envelope = eventEnvelope(event);
      const delivered = await side.requests.event(envelope);
      const redelivered = await side.requests.event(envelope, { retryNum: 1, retryReason: 'http_timeout' });
      expect([delivered.status, redelivered.status]).toEqual([200, 200]);
      expect(upstreamOf(redelivered)).not.toBe(upstreamOf(delivered));
      const unfurl = await slack.waitFor('chat.unfurl', (c) => unfurlBlocksOf(c, url).length > 0, 10_000);
      const postingId = buttonValue(unfurlBlocksOf(unfurl, url), 'i_can_refer');
      await pause(1_500);
      expect(taken('chat.unfurl', (c) => unfurlBlocksOf(c, url).length > 0)).toHaveLength(1);
      const shares = () => harness.withDatabase((db) => db.prisma.share.count({ where: { postingId } }));
      expect(await shares()).toBe(1);

      // "I can refer", the same click delivered twice (one to each process): listed once.
      await sendTwice(
        side,
        blockAction({
          user: referrer,
          actionId: 'i_can_refer',
          value: postingId,
          channel,
          messageTs: event.message_ts,
          responseUrl: slack.responseUrl(`repl-refer-${referrer}`),
        }),
      );
      await eventually(
        () => taken('chat.postEphemeral', (c) => c.args.user === referrer).length > 0,
        'the referrer to be thanked',
      );

      // "I'm interested" and the form, submitted twice (one to each process): one referral, one request.
      const { view } = await openInterestModal(side, { postingId, user: candidate, channel });
      await sendTwice(
        side,
        viewSubmission({
          user: candidate,
          view,
          values: interestFormValues({ note: 'Two processes, one referral', referrer }),
        }),
      );
      const request = await waitForDm(side, referrer, { matching: /asked you for a referral/ });
      await waitForDm(side, candidate, { matching: /We asked/ });

      // The referrer refers them, the click delivered twice: one status change, one DM to the candidate.
      const referred = /referred you/i;
      await sendTwice(
        side,
        blockAction({
          user: referrer,
          actionId: 'mark_referred',
          value: buttonValue(request.args.blocks, 'mark_referred', { prefix: true }),
          channel: dmChannelOf(referrer),
          responseUrl: slack.responseUrl(`repl-referred-${referrer}`),
          blocks: request.args.blocks as unknown[],
        }),
      );
      await eventually(
        () => dmsTo(candidate, referred).length > 0,
        'the candidate to hear they were referred',
      );

      // A channel digest, due now; the referral unchanged for two days (reminders after one); the
      // posting last checked two hours ago (liveness every hour). Both processes run every periodic
      // job every few seconds from here on.
      const digestSet = await side.requests.command({
        text: 'digest daily',
        user_id: sharer,
        channel_id: channel,
      });
      expect(digestSet.status).toBe(200);
      await eventually(
        () => taken('response_url', (c) => mentions(c.args, 'daily')).length > 0,
        'the digest set',
      );
      const checksBefore = harness.board().requests(path).length;
      await harness.withDatabase(async (db) => {
        await db.prisma.referral.updateMany({
          where: { postingId },
          data: { statusChangedAt: new Date(Date.now() - 2 * DAY_MS) },
        });
        await db.prisma.posting.update({
          where: { id: postingId },
          data: { checkedAt: new Date(Date.now() - 2 * 60 * 60 * 1000) },
        });
        await db.prisma.channelDigest.updateMany({
          where: { channelId: channel },
          data: { nextDueAt: new Date() },
        });
      });
      const reminders = () => dmsTo(candidate, /Reminder:/);
      const digests = () =>
        taken(
          'chat.postMessage',
          (c) =>
            c.args.channel === channel &&
            (c.args.metadata as { event_type?: string } | undefined)?.event_type === DIGEST_METADATA_EVENT,
        );
      await eventually(() => reminders().length > 0, 'the reminder', 20_000);
      await eventually(() => digests().length > 0, 'the digest', 20_000);
      await eventually(
        () => harness.board().requests(path).length > checksBefore,
        'the liveness check',
        20_000,
      );
      // Three more rounds of every job on both processes: nothing more.
      await pause(3 * ROUND_SECONDS * 1000 + 500);

      // What members saw: one card, one request, one "referred", one reminder, one digest.
      expect(taken('chat.unfurl', (c) => c.args.ts === event.message_ts).length).toBeGreaterThanOrEqual(1);
      expect(dmsTo(referrer, /asked you for a referral/)).toHaveLength(1);
      expect(dmsTo(candidate, /We asked/)).toHaveLength(1);
      expect(dmsTo(candidate, referred)).toHaveLength(1);
      expect(reminders()).toHaveLength(1);
      expect(digests()).toHaveLength(1);
      expect(harness.board().requests(path).length - checksBefore).toBe(1);
      // What was stored: one share, one referrer, one referral, its statuses once each, one reminder.
      expect(await shares()).toBe(1);
      await harness.withDatabase(async (db) => {
        expect(await db.prisma.postingReferrer.count({ where: { postingId } })).toBe(1);
        const referrals = await db.prisma.referral.findMany({ where: { postingId } });
        expect(referrals).toHaveLength(1);
        const referralId = referrals[0]?.id ?? '';
        const events = await db.prisma.referralEvent.findMany({
          where: { referralId },
          orderBy: { createdAt: 'asc' },
        });
        expect(events.map((e) => e.toStatus)).toEqual(['interested', 'requested', 'referred']);
        expect(await db.prisma.reminder.count({ where: { referralId } })).toBe(1);
        expect(await db.prisma.job.count({ where: { state: 'failed' } })).toBe(0);
      });

      // Each periodic job ran round after round, once per round's lease, whichever process held it:
      // both processes tick every round, so without the lease there would be about twice as many
      // rounds, two of them at nearly the same moment. (A round's start is read from its log line,
      // after its claim: a slow claim shifts it, hence the counts and the half-lease margin.)
      const rounds = periodicRounds([first.vouch, second.vouch]);
      expect([...rounds.keys()].sort()).toEqual([
        'channel-digests',
        'event-ledger-prune',
        'note-retention',
        'posting-liveness',
        'referral-reminders',
      ]);
      for (const [job, starts] of rounds) {
        expect(starts.length, job).toBeGreaterThanOrEqual(3);
        const gaps = starts.slice(1).map((start, i) => start - (starts[i] ?? 0));
        expect(Math.min(...gaps), job).toBeGreaterThanOrEqual(ROUND_LEASE_MS / 2);
        const span = (starts.at(-1) ?? 0) - (starts[0] ?? 0);
        expect(starts.length, job).toBeLessThanOrEqual(Math.floor(span / ROUND_LEASE_MS) + 1);
      }
    }, 120_000);

    /** `count` job links shared in `channel` through the balancer, each at its own company, with their cards. */
    async function sharedPostings(side: SlackSide, channel: string, label: string, count: number) {
      const postings: Array<{ postingId: string; ts: string; url: string }> = [];
      for (let i = 0; i < count; i += 1) {
        const url = harness.board().job(`/jobs/replicas-${label}-${i}`, {
          title: `Load Engineer ${label} ${i}`,
          company: `Loadco ${label} ${i}`,
        });
        const { postingId, ts } = await shareJobByUnfurl(side, { url, channel, user: 'U0RLSHARER' });
        postings.push({ postingId, ts, url });
      }
      return postings;
    }

    /** "I can refer" on a card, as Slack sends it (fresh trigger and action_ts). */
    const referClick = (
      user: string,
      channel: string,
      posting: { postingId: string; ts: string },
    ): Record<string, unknown> =>
      blockAction({
        user,
        actionId: 'i_can_refer',
        value: posting.postingId,
        channel,
        messageTs: posting.ts,
        responseUrl: harness.slack().responseUrl(`repl-load-${user}`),
      });

    it('200 concurrent clicks, 50 of them repeats, spread over both processes: one listing, one thanks and one DM per click', async () => {
      const { side, balancer } = await twoReplicas();
      const slack = harness.slack();
      const channel = 'C0REPLLOAD';
      const postings = await sharedPostings(side, channel, 'load', 5);
      // On each card a candidate waits for someone who can refer (nobody could when they asked).
      const waiting = postings.map((_, i) => `U0RLWAIT${i}`);
      for (const [i, posting] of postings.entries()) {
        const user = waiting[i] ?? '';
        const { view } = await openInterestModal(side, { postingId: posting.postingId, user, channel });
        const submitted = await submitInterestForm(side, { user, view, form: { note: 'hi' } });
        expect(submitted.status).toBe(200);
        await slack.waitFor(
          'views.publish',
          (c) => c.args.user_id === user && mentions(c.args, posting.postingId),
        );
      }
      const forwardedBefore = balancer.stats().forwarded;

      // 30 members say they can refer on each of the 5 cards: 150 clicks, and 50 of them delivered
      // a second time (a client retry: the same signed payload), all 200 at once.
      const referrers = Array.from({ length: 30 }, (_, i) => `U0RLREF${i}`);
      const clicks = referrers.flatMap((user) =>
        postings.map((posting) => referClick(user, channel, posting)),
      );
      const repeats = clicks.filter((_, i) => i % 3 === 0);
      expect(clicks.length + repeats.length).toBe(200);
      const answers = await Promise.all(
        [...clicks, ...repeats].map((payload) => side.requests.interaction(payload)),
      );
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
      const forwarded = balancer.stats().forwarded.map((n, i) => n - (forwardedBefore[i] ?? 0));
      expect(Math.min(...forwarded)).toBeGreaterThanOrEqual(80);

      const canRefer = (referrer: string) => new RegExp(`<@${referrer}> can refer`);
      // (Each also had one DM when they asked: nobody could refer yet.)
      const told = () =>
        waiting.reduce((sum, user) => sum + dmsTo(user, /<@U0RLREF\d+> can refer/).length, 0);
      const thanked = () =>
        taken('chat.postEphemeral', (c) => referrers.includes(String(c.args.user))).length;
      await eventually(
        () => told() >= clicks.length && thanked() >= clicks.length,
        'every click done',
        60_000,
      );
      await pause(2_000);

      // Each click once: every referrer listed on every card, thanked once per card, and each
      // waiting candidate told once about each referrer; the repeats did nothing.
      await harness.withDatabase(async (db) => {
        for (const posting of postings)
          expect(await db.prisma.postingReferrer.count({ where: { postingId: posting.postingId } })).toBe(
            referrers.length,
          );
        expect(await db.prisma.job.count({ where: { state: 'failed' } })).toBe(0);
      });
      for (const referrer of referrers)
        expect(taken('chat.postEphemeral', (c) => c.args.user === referrer)).toHaveLength(postings.length);
      for (const candidate of waiting) {
        for (const referrer of referrers)
          expect(dmsTo(candidate, canRefer(referrer)), candidate).toHaveLength(1);
      }
      expect(thanked()).toBe(clicks.length);
      expect(told()).toBe(clicks.length);
    }, 180_000);

    it('one process SIGKILLed in the middle of the work: the other takes over its leased jobs, each card once', async () => {
      const { first, second, side, balancer } = await twoReplicas();
      const channel = 'C0REPLKILL';
      const [posting] = await sharedPostings(side, channel, 'kill', 1);
      if (posting === undefined) throw new Error('no posting shared');

      // 30 links to pages that take 2 s to answer: each process is fetching its half of them when
      // the first one dies.
      const events = Array.from({ length: 30 }, (_, i) =>
        linkSharedEvent({
          channel,
          user: 'U0RKSHARER',
          urls: [
            harness
              .board()
              .job(
                `/jobs/replicas-slow-${i}`,
                { title: `Slow Engineer ${i}`, company: 'Slowco' },
                { delayMs: 2_000 },
              ),
          ],
        }),
      );
      const acks = await Promise.all(events.map((event) => side.requests.eventCallback(event)));
      expect(acks.map((a) => a.status)).toEqual(acks.map(() => 200));
      const ackedByFirst = events.filter((_, i) => acks[i] !== undefined && upstreamOf(acks[i]) === 0);
      expect(ackedByFirst.length).toBeGreaterThan(0);
      await pause(300);
      const cardsOf = (ts: string) =>
        taken('chat.unfurl', (c) => c.args.ts === ts && c.args.channel === channel);
      await harness.kill(first.vouch);
      const killedAt = Date.now();
      const uncardedAtKill = ackedByFirst.filter((event) => cardsOf(event.message_ts).length === 0);
      expect(uncardedAtKill.length, 'work of the killed process still to do').toBeGreaterThan(0);

      // Members go on clicking through the balancer: it sends them to the process left.
      const referrers = Array.from({ length: 20 }, (_, i) => `U0RKREF${i}`);
      const clicks = await Promise.all(
        referrers.map((user) => side.requests.interaction(referClick(user, channel, posting))),
      );
      expect(clicks.map((c) => c.status)).toEqual(clicks.map(() => 200));
      expect(balancer.stats().failed).toBe(0);

      // Every acknowledged link gets its card, those the killed process held included (after their
      // lease ran out), and one card per message: a job run again re-sends the same unfurl of the
      // same link in the same message, which Slack shows as one card.
      await eventually(
        () => events.every((event) => cardsOf(event.message_ts).length > 0),
        'every card',
        60_000,
      );
      await pause(1_500);
      for (const event of events) {
        const urls = new Set(cardsOf(event.message_ts).flatMap((c) => Object.keys(c.args.unfurls as object)));
        expect([...urls]).toEqual(event.links.map((link) => link.url));
      }
      await harness.withDatabase(async (db) => {
        expect(
          await db.prisma.share.count({ where: { messageTs: { in: events.map((e) => e.message_ts) } } }),
        ).toBe(events.length);
        expect(await db.prisma.postingReferrer.count({ where: { postingId: posting.postingId } })).toBe(
          referrers.length,
        );
        expect(
          await db.prisma.job.count({ where: { state: { in: ['pending', 'running', 'failed'] } } }),
        ).toBe(0);
      });
      for (const referrer of referrers)
        expect(taken('chat.postEphemeral', (c) => c.args.user === referrer)).toHaveLength(1);

      // The periodic jobs carry on in the process left, once the killed one's round leases ran out.
      await eventually(
        () =>
          [...periodicRounds([second.vouch]).values()].every((starts) => starts.some((at) => at > killedAt)),
        'the periodic jobs to run on the process left',
        20_000,
      );
    }, 180_000);
  },
);
