import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createDatabase } from '../../../src/db/client.js';
import { type FakeJobBoard, startFakeJobBoard } from '../../helpers/fake-job-board.mjs';
import { type FakeSlackApi, startFakeSlackApi } from '../../helpers/fake-slack-api.mjs';
import { dmChannelOf } from '../../helpers/slack-blocks.js';
import {
  clickButton,
  openInterestModal,
  type SlackSide,
  shareJobByCommand,
  submitInterestForm,
} from '../../helpers/slack-flows.js';
import { linkSharedEvent } from '../../helpers/slack-payloads.mjs';
import { createSlackRequester, type SlackRequester } from '../../helpers/slack-requests.js';
import {
  freePort,
  isBuilt,
  type SpawnedVouch,
  spawnVouch,
  waitForStatus,
} from '../../helpers/spawn-vouch.js';
import { createEmptyTestDatabase, describeEachDatabase } from '../../helpers/test-database.js';

const quietDbLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

const SIGNING_SECRET = 'crash-secret';
/** Short, so that work a killed process held is claimed again within a second or two. */
const LEASE_SECONDS = '1';

/** Resolves when `check` holds, polling; fails after `timeoutMs` (a hang detector, not a timing). */
async function eventually(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describeEachDatabase('acknowledged work survives a SIGKILL of the process', (kind) => {
  let workdir: string;
  let slack: FakeSlackApi;
  let board: FakeJobBoard;
  let database: { url: string; drop(): Promise<void> };
  const running: SpawnedVouch[] = [];

  beforeAll(async () => {
    workdir = mkdtempSync(join(tmpdir(), 'vouch-crash-'));
    slack = await startFakeSlackApi();
    board = await startFakeJobBoard();
    database = await createEmptyTestDatabase(kind);
  });
  afterEach(async () => {
    for (const vouch of running.splice(0)) {
      vouch.child.kill('SIGKILL');
      await vouch.exited;
    }
  });
  afterAll(async () => {
    await Promise.all([slack.close(), board.close()]);
    await database.drop();
    rmSync(workdir, { recursive: true, force: true });
  });

  /** `npm start` as a child process on the shared database; resolves once it is ready. */
  async function startVouch(): Promise<{ vouch: SpawnedVouch; requests: SlackRequester; side: SlackSide }> {
    const port = await freePort();
    const vouch = spawnVouch(
      {
        SLACK_BOT_TOKEN: 'xoxb-crash-test',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.url,
        DATABASE_URL: database.url,
        PORT: String(port),
        FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
        VOUCH_WORK_LEASE_SECONDS: LEASE_SECONDS,
        LOG_LEVEL: 'warn',
      },
      workdir,
    );
    running.push(vouch);
    await waitForStatus(`http://127.0.0.1:${port}/readyz`, 200, 20_000);
    const requests = createSlackRequester(`http://127.0.0.1:${port}`, SIGNING_SECRET, slack.responseUrl);
    return { vouch, requests, side: { requests, slack } };
  }

  async function kill(vouch: SpawnedVouch): Promise<void> {
    vouch.child.kill('SIGKILL');
    const { signal } = await vouch.exited;
    expect(signal).toBe('SIGKILL');
  }

  it.skipIf(!isBuilt)(
    'a link being fetched when the process dies gets its card after a restart, once, without any re-delivery',
    async () => {
      const url = board.job(
        '/jobs/crash-card',
        { title: 'Staff Engineer', company: 'Crashco' },
        { delayMs: 30_000 },
      );
      const first = await startVouch();
      const shared = linkSharedEvent({ channel: 'C0CRASH', user: 'U0CRASH', urls: [url] });
      const ack = await first.requests.eventCallback(shared);
      expect(ack.status).toBe(200);
      await eventually(() => board.requests('/jobs/crash-card').length > 0, 'the fetch to start');
      await kill(first.vouch);
      expect(slack.calls('chat.unfurl')).toEqual([]);

      // The board answers now; nobody sends the event again.
      board.job('/jobs/crash-card', { title: 'Staff Engineer', company: 'Crashco' }, { delayMs: 0 });
      const second = await startVouch();
      const unfurl = await slack.waitFor('chat.unfurl', (c) => c.args.ts === shared.message_ts, 20_000);
      expect(JSON.stringify(unfurl.args.unfurls)).toContain('Staff Engineer');

      // Slack re-delivering the same event now finds the job and starts nothing.
      const again = await second.requests.eventCallback(shared, { eventId: ack.eventId, retryNum: 1 });
      expect(again.status).toBe(200);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(slack.calls('chat.unfurl').filter((c) => c.args.ts === shared.message_ts)).toHaveLength(1);
    },
    60_000,
  );

  /** DMs the bot posted to `user` (the fake keeps every chat.postMessage it answered or held). */
  const dmsTo = (user: string) =>
    slack.calls('chat.postMessage').filter((c) => c.args.channel === dmChannelOf(user));

  /** A posting shared by command, with `referrer` listed as able to refer; returns its id. */
  async function postingWithReferrer(side: SlackSide, slug: string, referrer: string): Promise<string> {
    const url = board.job(`/jobs/${slug}`, { title: `Engineer ${slug}`, company: `Co ${slug}` });
    const { postingId } = await shareJobByCommand(side, { url, channel: 'C0CRASH', user: 'U0SHARER' });
    await clickButton(side, {
      user: referrer,
      actionId: 'i_can_refer',
      value: postingId,
      channel: 'C0CRASH',
    });
    await slack.waitFor('chat.postEphemeral', (c) => c.args.user === referrer);
    return postingId;
  }

  it.skipIf(!isBuilt)(
    'DMs being sent when the process dies reach each person once after a restart, without any re-delivery',
    async () => {
      const first = await startVouch();
      const [candidate, referrer] = ['U0CRCAND1', 'U0CRREF1'];
      const postingId = await postingWithReferrer(first.side, 'crash-dm', referrer);
      const { view } = await openInterestModal(first.side, {
        postingId,
        user: candidate,
        channel: 'C0CRASH',
      });
      // Slack takes the DMs in, and its answers never make it back: the process dies first.
      slack.hold('chat.postMessage', 60_000);
      const submitted = await submitInterestForm(first.side, {
        user: candidate,
        view,
        form: { note: 'I know the stack', referrer },
      });
      expect(submitted.status).toBe(200);
      await eventually(
        () =>
          dmsTo(candidate).length > 0 &&
          dmsTo(referrer).some((c) => JSON.stringify(c.args.blocks).includes(candidate)),
        'both DMs to reach Slack',
      );
      await kill(first.vouch);
      slack.hold('chat.postMessage', 0);

      await startVouch();
      // The restarted process claims the jobs once their lease runs out, finds each DM in its
      // conversation (its job key is in the message metadata) and does not post it again.
      await new Promise((r) => setTimeout(r, 4_000));
      const requests = dmsTo(referrer).filter((c) => String(c.args.text).includes('Engineer crash-dm'));
      expect(requests.filter((c) => JSON.stringify(c.args.blocks).includes(candidate))).toHaveLength(1);
      expect(dmsTo(candidate)).toHaveLength(1);
    },
    60_000,
  );

  it.skipIf(!isBuilt)(
    'a process killed at any moment of an interest submission leaves the referral and all its DMs, or neither',
    async () => {
      const outcomes: string[] = [];
      // The last round kills right after the answer: the one moment known to follow the write.
      const moments: Array<number | 'answered'> = [0, 15, 40, 80, 150, 'answered'];
      for (const [round, killAfterMs] of moments.entries()) {
        const vouch = await startVouch();
        const [candidate, referrer] = [`U0CRCAND${round}X`, `U0CRREF${round}X`];
        const postingId = await postingWithReferrer(vouch.side, `crash-write-${round}`, referrer);
        const { view } = await openInterestModal(vouch.side, {
          postingId,
          user: candidate,
          channel: 'C0CRASH',
        });
        const submission = submitInterestForm(vouch.side, {
          user: candidate,
          view,
          form: { note: 'hi', referrer },
        }).then(
          (r) => r.status,
          () => 'no answer',
        );
        if (killAfterMs === 'answered') await submission;
        else await new Promise((r) => setTimeout(r, killAfterMs));
        await kill(vouch.vouch);
        const answered = await submission;

        await startVouch();
        await new Promise((r) => setTimeout(r, 3_000));
        const toCandidate = dmsTo(candidate).length;
        const toReferrer = dmsTo(referrer).filter((c) =>
          JSON.stringify(c.args.blocks).includes(candidate),
        ).length;
        outcomes.push(
          `${killAfterMs}${killAfterMs === 'answered' ? '' : ' ms'}: answered ${answered}, DMs ${toCandidate}/${toReferrer}`,
        );
        // All or nothing, and an acknowledged submission is never lost.
        expect([`${toCandidate}/${toReferrer}`]).toContain(toCandidate === 0 ? '0/0' : '1/1');
        if (answered === 200) expect(toCandidate).toBe(1);
        for (const process of running.splice(0)) {
          process.child.kill('SIGKILL');
          await process.exited;
        }
      }
      console.info(`interest submission killed mid-way [${kind}]: ${outcomes.join('; ')}`);
    },
    180_000,
  );

  it.skipIf(!isBuilt)(
    'an "I can refer" click acknowledged before a crash takes effect once: not lost before its write, not toggled twice after it',
    async () => {
      const first = await startVouch();
      const url = board.job('/jobs/crash-click', { title: 'Engineer crash-click', company: 'Clickco' });
      const { postingId } = await shareJobByCommand(first.side, {
        url,
        channel: 'C0CRASH',
        user: 'U0SHARER',
      });
      const referrers = () => prismaCount(postingId);

      // Killed before its write: the click waits on Slack (users.info) when the process dies.
      slack.hold('users.info', 60_000);
      const before = await clickButton(first.side, {
        user: 'U0CLICK1',
        actionId: 'i_can_refer',
        value: postingId,
        channel: 'C0CRASH',
      });
      expect(before.status).toBe(200);
      await slack.waitFor('users.info', (c) => c.args.user === 'U0CLICK1');
      await kill(first.vouch);
      slack.hold('users.info', 0);
      expect(await referrers()).toBe(0);

      // Killed after its write: the click waits on Slack (its private "thanks") when the process dies.
      const second = await startVouch();
      await eventually(
        () => slack.calls('chat.postEphemeral').some((c) => c.args.user === 'U0CLICK1'),
        'the first click to take effect',
      );
      expect(await referrers()).toBe(1);
      slack.hold('chat.postEphemeral', 60_000);
      await clickButton(second.side, {
        user: 'U0CLICK2',
        actionId: 'i_can_refer',
        value: postingId,
        channel: 'C0CRASH',
      });
      await eventually(
        () => slack.calls('chat.postEphemeral').some((c) => c.args.user === 'U0CLICK2'),
        'the second click to write',
      );
      await kill(second.vouch);
      slack.hold('chat.postEphemeral', 0);

      await startVouch();
      await new Promise((r) => setTimeout(r, 3_000));
      // Both listed, once each: the first click ran again and took effect, the second did not run again.
      expect(await referrers()).toBe(2);
    },
    60_000,
  );

  /** Members listed as able to refer on a posting, read from the database the processes share. */
  async function prismaCount(postingId: string): Promise<number> {
    const database = await createDatabase({ url: databaseUrl(), logger: quietDbLogger });
    try {
      return await database.prisma.postingReferrer.count({ where: { postingId } });
    } finally {
      await database.close();
    }
  }
  const databaseUrl = () => database.url;
});
