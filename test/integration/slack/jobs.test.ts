import { afterAll, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../../src/db/client.js';
import { createJobScheduler } from '../../../src/jobs/job-scheduler.js';
import { createLogger } from '../../../src/logger.js';
import { type FakeJobBoard, startFakeJobBoard } from '../../helpers/fake-job-board.mjs';
import {
  actionIdsOf,
  blocksOf,
  buttonsOf,
  buttonValue,
  dmChannelOf,
  dmsTo,
  mentions,
  stringsMentioning,
  textOf,
} from '../../helpers/slack-blocks.js';
import {
  askVouch,
  expressInterest,
  offerAndAccept,
  settle,
  shareJobByCommand,
  waitForDm,
  waitForHome,
} from '../../helpers/slack-flows.js';
import { blockAction } from '../../helpers/slack-payloads.mjs';
import { startReplica, type TestApp } from '../../helpers/start-test-app.js';
import { useAppForSuite } from '../../helpers/suite-app.js';
import { createRecordingLogger, describeEachDatabase } from '../../helpers/test-database.js';

const CHANNEL = 'C0JOBSJOB';
const SHARER = 'U0JSHARER';
const DAY = 86_400_000;

/** "I'm interested" → modal → submit, asking `ask` (a referrer's user id, or 'anyone'). */
async function expressInterestAsking(
  app: TestApp,
  postingId: string,
  candidate: string,
  ask: string,
): Promise<void> {
  await expressInterest(app, { postingId, user: candidate, channel: CHANNEL }, { note: 'hi', referrer: ask });
  await waitForHome(app, candidate, { including: postingId });
}

describeEachDatabase('periodic jobs', (kind) => {
  let app: TestApp;
  let board: FakeJobBoard;
  let database: Database;
  let counter = 0;
  /** A referrer (in the company directory) and a candidate of their own for each test. */
  const people = () => {
    counter += 1;
    return {
      referrer: `U0REF${counter}`,
      candidate: `U0CAND${counter}`,
      company: `Jobco ${kind} ${counter}`,
    };
  };

  async function referralOf(candidate: string) {
    const referral = await database.prisma.referral.findFirst({
      where: { candidate: { slackUserId: candidate } },
    });
    if (referral === null) throw new Error(`no referral for ${candidate}`);
    return referral;
  }

  async function backdate(referralId: string, days: number): Promise<void> {
    await database.prisma.referral.update({
      where: { id: referralId },
      data: { statusChangedAt: new Date(Date.now() - days * DAY) },
    });
  }

  /** A job shared in CHANNEL, with a referral by a fresh candidate asking `ask`. */
  async function requestedReferral(ask: 'referrer' | 'anyone') {
    const who = people();
    await askVouch(app, { text: `refer-at ${who.company}`, user_id: who.referrer });
    const url = board.job(`/jobs/${kind}-${counter}`, { title: `Engineer ${counter}`, company: who.company });
    const { postingId } = await shareJobByCommand(app, { url, channel: CHANNEL, user: SHARER });
    await expressInterestAsking(app, postingId, who.candidate, ask === 'anyone' ? 'anyone' : who.referrer);
    // Settled: the card's counts were refreshed after the submission.
    await app.slack.waitFor(
      'chat.update',
      (c) => c.args.channel === CHANNEL && mentions(c.args.blocks, `/jobs/${kind}-${counter}`),
      10_000,
    );
    const referral = await referralOf(who.candidate);
    expect(referral.status).toBe('requested');
    return { ...who, url, postingId, referral };
  }

  const env = { VOUCH_REMINDER_DAYS: '3', VOUCH_LIVENESS_HOURS: '6' };
  useAppForSuite({ database: kind, env, startBoard: startFakeJobBoard }, async (started) => {
    ({ app, board } = started);
    database = await createDatabase({ url: app.databaseUrl, logger: createRecordingLogger() });
  });
  afterAll(() => database?.close());

  it('reminds the asked referrer once when a request has waited past VOUCH_REMINDER_DAYS', async () => {
    const { referrer, candidate, referral } = await requestedReferral('referrer');
    await backdate(referral.id, 4);
    app.slack.reset();

    expect(await app.vouch.jobs.reminders.runOnce()).toBe(1);
    await waitForDm(app, referrer);
    const [reminder, ...more] = dmsTo(app, referrer);
    expect(more).toHaveLength(0);
    expect(String(reminder?.args.text)).toMatch(/^Reminder/);
    const text = textOf(reminder?.args.blocks);
    expect(text).toContain(`<@${candidate}> asked you for a referral`);
    expect(text).toContain('4 days ago');
    expect(buttonsOf(reminder?.args.blocks).map((b) => b.action_id)).toContain('status_update:referred');
    expect(dmsTo(app, candidate)).toHaveLength(0);

    // Once per stage: the next round says nothing.
    expect(await app.vouch.jobs.reminders.runOnce()).toBe(0);
    await settle();
    expect(dmsTo(app, referrer)).toHaveLength(1);
  });

  it('does not remind anyone before VOUCH_REMINDER_DAYS have passed', async () => {
    const { referrer, referral } = await requestedReferral('referrer');
    await backdate(referral.id, 2);
    app.slack.reset();
    expect(await app.vouch.jobs.reminders.runOnce()).toBe(0);
    await settle();
    expect(dmsTo(app, referrer)).toHaveLength(0);
  });

  it('reminds nobody by name of an open request until the candidate accepts a referrer, then that referrer', async () => {
    const { referrer, candidate, referral } = await requestedReferral('anyone');
    expect(referral.askAnyone).toBe(true);
    await backdate(referral.id, 5);
    const invitationsOnly = dmsTo(app, referrer).length;

    // Only invited: a reminder would name the candidate, so there is none.
    expect(await app.vouch.jobs.reminders.runOnce()).toBe(0);
    expect(dmsTo(app, referrer)).toHaveLength(invitationsOnly);

    await offerAndAccept(app, { referrer, candidate, title: `Engineer ${counter}` });
    await backdate(referral.id, 5);
    app.slack.reset();
    expect(await app.vouch.jobs.reminders.runOnce()).toBe(1);
    const reminder = await waitForDm(app, referrer);
    expect(textOf(reminder.args.blocks)).toContain(`<@${candidate}> asked you for a referral`);
  });

  it('reminds the candidate at the next stage, once, after the referrer referred them', async () => {
    const { referrer, candidate, referral } = await requestedReferral('referrer');
    await backdate(referral.id, 4);
    app.slack.reset();
    expect(await app.vouch.jobs.reminders.runOnce()).toBe(1);

    // The referrer presses "I referred them" in the reminder DM.
    const reminder = await waitForDm(app, referrer);
    await app.requests.interaction(
      blockAction({
        user: referrer,
        actionId: 'status_update:referred',
        value: buttonValue(reminder.args.blocks, 'status_update:referred'),
        channel: dmChannelOf(referrer),
        responseUrl: app.slack.responseUrl('referred'),
        blocks: reminder.args.blocks as unknown[],
      }),
    );
    await expect.poll(async () => (await referralOf(candidate)).status, { timeout: 10_000 }).toBe('referred');
    await waitForHome(app, candidate);
    // The status notice reaches the candidate from its own job: let it land before the reset, so the
    // DM read below is the reminder, not this one arriving late.
    await waitForDm(app, candidate, { matching: /referred you for/ });
    await backdate(referral.id, 4);
    app.slack.reset();

    expect(await app.vouch.jobs.reminders.runOnce()).toBe(1);
    // The reminder DM is a job now: the status change's own DM to the candidate may still be landing.
    const nudge = await waitForDm(app, candidate, { textMatching: /^Reminder/ });
    expect(textOf(nudge.args.blocks)).toMatch(/since your referral for .* moved to \*📨 Referred\*/);
    expect(actionIdsOf(blocksOf(nudge))).toContain('status_update:interviewing');
    expect(dmsTo(app, referrer)).toHaveLength(0);
    expect(await app.vouch.jobs.reminders.runOnce()).toBe(0);
  });

  it('sends one reminder when two replicas run the reminders job at the same moment', async () => {
    const { referrer, referral } = await requestedReferral('referrer');
    await backdate(referral.id, 4);
    const replica = await startReplica(app, { VOUCH_REMINDER_DAYS: String(app.config.reminderDays) });
    try {
      app.slack.reset();
      const sent = await Promise.all([
        app.vouch.jobs.reminders.runOnce(),
        replica.jobs.reminders.runOnce(),
        app.vouch.jobs.reminders.runOnce(),
        replica.jobs.reminders.runOnce(),
      ]);
      expect(sent.reduce((a, b) => a + b, 0)).toBe(1);
      await waitForDm(app, referrer);
      await settle();
      expect(dmsTo(app, referrer)).toHaveLength(1);
    } finally {
      await replica.stop();
    }
  });

  /** Makes the posting's last check older than VOUCH_LIVENESS_HOURS (6 in this app). */
  async function checkedLongAgo(postingId: string): Promise<void> {
    await database.prisma.posting.update({
      where: { id: postingId },
      data: { checkedAt: new Date(Date.now() - 7 * 60 * 60 * 1000) },
    });
  }

  it('closes a posting whose page is gone: its referrals close, both people hear, the card is refreshed', async () => {
    const { referrer, candidate, url, postingId, referral } = await requestedReferral('referrer');
    board.remove(new URL(url).pathname, 404);
    await checkedLongAgo(postingId);
    app.slack.reset();

    const result = await app.vouch.jobs.liveness.runOnce();
    expect(result.closed).toBeGreaterThanOrEqual(1);
    expect((await database.prisma.posting.findUniqueOrThrow({ where: { id: postingId } })).status).toBe(
      'closed',
    );
    expect((await database.prisma.referral.findUniqueOrThrow({ where: { id: referral.id } })).status).toBe(
      'closed',
    );
    const events = await database.prisma.referralEvent.findMany({
      where: { referralId: referral.id, toStatus: 'closed' },
    });
    expect(events).toHaveLength(1);
    expect(events[0]?.actorId).toBeNull();

    const toCandidate = await waitForDm(app, candidate);
    const toReferrer = await waitForDm(app, referrer);
    expect(textOf(toCandidate.args.blocks)).toMatch(/no longer open, so your referral request was closed/);
    expect(textOf(toReferrer.args.blocks)).toMatch(
      new RegExp(`<@${candidate}>'s referral request was closed`),
    );
    // The card in the channel is re-rendered without its buttons for new interest.
    await app.slack.waitFor(
      'chat.update',
      (c) =>
        c.args.channel === CHANNEL &&
        blocksOf(c).length > 0 &&
        !actionIdsOf(blocksOf(c), { withAccessories: true }).includes('im_interested'),
      10_000,
    );
    // A closed posting is not checked again.
    expect((await app.vouch.jobs.liveness.runOnce()).checked).toBe(0);
  });

  it('closes an open request with its posting: the candidate hears, a referrer only invited is not told who it was', async () => {
    const { referrer, candidate, url, postingId } = await requestedReferral('anyone');
    board.remove(new URL(url).pathname, 410);
    await checkedLongAgo(postingId);
    app.slack.reset();

    expect((await app.vouch.jobs.liveness.runOnce()).closed).toBeGreaterThanOrEqual(1);
    await waitForDm(app, candidate);
    expect(dmsTo(app, referrer).flatMap((dm) => stringsMentioning(dm.args, candidate))).toEqual([]);
  });

  it('tells the referrer the candidate accepted when the posting of an open request closes', async () => {
    const { referrer, candidate, url, postingId } = await requestedReferral('anyone');
    await offerAndAccept(app, { referrer, candidate, title: `Engineer ${counter}` });
    board.remove(new URL(url).pathname, 410);
    await checkedLongAgo(postingId);
    app.slack.reset();

    expect((await app.vouch.jobs.liveness.runOnce()).closed).toBeGreaterThanOrEqual(1);
    const toReferrer = await waitForDm(app, referrer);
    expect(textOf(toReferrer.args.blocks)).toContain(`<@${candidate}>`);
    await waitForDm(app, candidate);
  });

  it('keeps the title on the closed card and in the closure DMs', async () => {
    const { candidate, url, postingId } = await requestedReferral('referrer');
    const title = `Engineer ${counter}`;
    board.remove(new URL(url).pathname, 410);
    await checkedLongAgo(postingId);
    app.slack.reset();
    await app.vouch.jobs.liveness.runOnce();
    const card = await app.slack.waitFor('chat.update', (c) => c.args.channel === CHANNEL, 10_000);
    const blocks = blocksOf(card);
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: title } });
    expect(textOf(blocks)).toContain('This posting is closed');
    const dm = await waitForDm(app, candidate);
    expect(textOf(dm.args.blocks)).toContain(title);
  });

  it('leaves a posting that is still listed open, and does not check it again before VOUCH_LIVENESS_HOURS', async () => {
    const url = board.job(`/jobs/${kind}-alive`, { title: 'Still Here Engineer', company: `Alive ${kind}` });
    const { postingId } = await shareJobByCommand(app, { url, channel: CHANNEL, user: SHARER });
    const path = new URL(url).pathname;
    await checkedLongAgo(postingId);
    const fetchesBefore = board.requests(path).length;

    await app.vouch.jobs.liveness.runOnce();
    expect(board.requests(path).length).toBe(fetchesBefore + 1);
    const posting = await database.prisma.posting.findUniqueOrThrow({ where: { id: postingId } });
    expect(posting.status).toBe('open');
    expect(posting.checkedAt?.getTime()).toBeGreaterThan(Date.now() - 60_000);

    await app.vouch.jobs.liveness.runOnce();
    expect(board.requests(path).length).toBe(fetchesBefore + 1);
  });

  it('lets exactly one of two schedulers claim a job at the same moment, fresh or after the lease ran out', async () => {
    const second = await createDatabase({ url: app.databaseUrl, logger: createRecordingLogger() });
    try {
      const logger = createLogger('silent');
      const a = createJobScheduler({ db: database.prisma, logger, holder: 'replica-a' });
      const b = createJobScheduler({ db: second.prisma, logger, holder: 'replica-b' });
      const name = `lease-test-${kind}`;

      const fresh = await Promise.all([a.claim(name, 60_000), b.claim(name, 60_000)]);
      expect(fresh.filter(Boolean)).toHaveLength(1);
      // Held: nobody else gets it.
      expect(await Promise.all([a.claim(name, 60_000), b.claim(name, 60_000)])).toEqual([false, false]);

      await database.prisma.jobLease.update({
        where: { name },
        data: { leaseUntil: new Date(Date.now() - 1_000) },
      });
      const expired = await Promise.all([a.claim(name, 60_000), b.claim(name, 60_000)]);
      expect(expired.filter(Boolean)).toHaveLength(1);
      const lease = await database.prisma.jobLease.findUniqueOrThrow({ where: { name } });
      expect(lease.holder).toBe(expired[0] ? 'replica-a' : 'replica-b');
    } finally {
      await second.close();
    }
  });

  it('runs a periodic job once when two replicas tick it together', async () => {
    const second = await createDatabase({ url: app.databaseUrl, logger: createRecordingLogger() });
    try {
      const logger = createLogger('silent');
      let runs = 0;
      const job = {
        name: `tick-test-${kind}`,
        everyMs: 60_000,
        run: async () => {
          runs += 1;
        },
      };
      const a = createJobScheduler({ db: database.prisma, logger, holder: 'replica-a' });
      const b = createJobScheduler({ db: second.prisma, logger, holder: 'replica-b' });
      const ran = await Promise.all([a.tick(job), b.tick(job), a.tick(job), b.tick(job)]);
      expect(ran.filter(Boolean)).toHaveLength(1);
      expect(runs).toBe(1);
    } finally {
      await second.close();
    }
  });
});
