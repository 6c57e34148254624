import { beforeEach, expect, it } from 'vitest';
import type { Database } from '../../../src/db/client.js';
import { FOLLOW_JOBS } from '../../../src/follows/follow-jobs.js';
import { FOLLOW_DM_INTERVAL_MS } from '../../../src/follows/follow-store.js';
import type { MemberExport } from '../../../src/privacy/member-data.js';
import { type FakeJobBoard, startFakeJobBoard } from '../../helpers/fake-job-board.mjs';
import type { RecordedCall } from '../../helpers/fake-slack-api.mjs';
import {
  actionIdsOf,
  blocksOf,
  dmChannelOf,
  postsTo,
  textOf,
  viewBlocksOf,
} from '../../helpers/slack-blocks.js';
import {
  askVouch,
  askVouchPrivately,
  settle,
  shareJobByCommand,
  shareJobByUnfurl,
  waitForDm,
} from '../../helpers/slack-flows.js';
import { blockAction, viewSubmission } from '../../helpers/slack-payloads.mjs';
import type { TestApp } from '../../helpers/start-test-app.js';
import { useAppAndDatabaseForSuite } from '../../helpers/suite-app.js';
import { describeEachDatabase } from '../../helpers/test-database.js';

const SHARER = 'U0FSHARER';

describeEachDatabase('following companies and roles', (kind) => {
  let app: TestApp;
  let board: FakeJobBoard;
  let db: Database;
  let counter = 0;
  const members: Record<string, string[]> = {};

  useAppAndDatabaseForSuite({ database: kind, startBoard: startFakeJobBoard }, (started) => {
    ({ app, board, db } = started);
  });

  beforeEach(() => {
    app.slack.respond('conversations.members', (args) => ({
      members: members[String(args.channel)] ?? [],
      response_metadata: { next_cursor: '' },
    }));
  });

  /**
   * A member and channels of their own for each test (each test's follows and hours are its own, and
   * Vouch caches a channel's members for a couple of minutes). `elsewhere` is a channel they are not in.
   */
  function newMember(): { follower: string; channel: string; other: string; elsewhere: string } {
    counter += 1;
    const follower = `U0FOLLOW${counter}`;
    const [channel, other, elsewhere] = ['A', 'B', 'C'].map((c) => `C0F${c}${counter}`) as [
      string,
      string,
      string,
    ];
    members[channel] = [SHARER, follower];
    members[other] = [SHARER, follower];
    members[elsewhere] = [SHARER];
    return { follower, channel, other, elsewhere };
  }

  function job(title: string, company: string, location = 'Berlin, Germany'): string {
    counter += 1;
    return board.job(`/jobs/follow-${counter}`, { title, company, location });
  }

  /** Every card posted is recorded and its match job has run (no follow-match job left to do). */
  async function matchingDone(): Promise<void> {
    for (let i = 0; i < 200; i += 1) {
      const [unrecorded, left] = await Promise.all([
        db.prisma.share.count({ where: { cardTs: null, source: { not: 'unfurl' } } }),
        db.prisma.job.count({ where: { kind: FOLLOW_JOBS.match, state: { in: ['pending', 'running'] } } }),
      ]);
      if (unrecorded === 0 && left === 0) return;
      await settle(50);
    }
    throw new Error('follow-match jobs did not finish');
  }

  /** The clock moves past the gathering minute: waiting follow DMs that are due by then go out. */
  async function gatheringMinuteOver(): Promise<void> {
    await matchingDone();
    await db.prisma.job.updateMany({
      where: {
        kind: FOLLOW_JOBS.batch,
        state: 'pending',
        runAfter: { lte: new Date(Date.now() + 5 * 60_000) },
      },
      data: { runAfter: new Date() },
    });
    app.vouch.work.wake();
  }

  /** The follow DMs `user` got so far. */
  function followDms(user: string): RecordedCall[] {
    return postsTo(app, dmChannelOf(user)).filter((c) => /you follow/.test(textOf(c.args)));
  }

  async function follow(user: string, what: string): Promise<string> {
    return askVouchPrivately(app, { text: `follow ${what}`, user_id: user });
  }

  it('follow by command, a matching share in a channel the member is in: one DM with the card and its buttons', async () => {
    const { follower, channel } = newMember();
    expect(await follow(follower, 'Globex')).toMatch(/Following \*Globex\*/);
    const url = job('Platform Engineer', 'Globex Inc.');
    await shareJobByCommand(app, { url, channel, user: SHARER });
    await gatheringMinuteOver();

    const dm = await waitForDm(app, follower, { matching: /Platform Engineer/ });
    expect(textOf(dm.args)).toContain(`shared in <#${channel}>`);
    expect(actionIdsOf(blocksOf(dm))).toEqual(expect.arrayContaining(['im_interested', 'details']));
    await settle(300);
    expect(followDms(follower)).toHaveLength(1);
    // The sharer hears nothing about who follows.
    expect(postsTo(app, dmChannelOf(SHARER))).toEqual([]);
  });

  it('keyword follows match title words, workplace type and place; a non-matching share sends nothing', async () => {
    const { follower, channel } = newMember();
    await follow(follower, 'staff backend in Berlin');
    await shareJobByCommand(app, {
      url: job('Staff Frontend Engineer', 'Initech'),
      channel,
      user: SHARER,
    });
    await shareJobByCommand(app, {
      url: job('Staff Backend Engineer', 'Initech', 'Paris, France'),
      channel,
      user: SHARER,
    });
    await shareJobByCommand(app, {
      url: job('Staff Backend Engineer', 'Hooli'),
      channel,
      user: SHARER,
    });
    await gatheringMinuteOver();

    const dm = await waitForDm(app, follower);
    expect(textOf(dm.args)).toContain('Hooli');
    expect(textOf(dm.args)).not.toContain('Initech');
    await settle(300);
    expect(followDms(follower)).toHaveLength(1);
  });

  it('tells nothing of a share in a channel the member is not in', async () => {
    const { follower, elsewhere } = newMember();
    await follow(follower, 'Umbrella');
    await shareJobByCommand(app, {
      url: job('Account Executive', 'Umbrella'),
      channel: elsewhere,
      user: SHARER,
    });
    await gatheringMinuteOver();
    await settle(500);

    expect(followDms(follower)).toEqual([]);
    expect(await db.prisma.followNotice.count({ where: { member: { slackUserId: follower } } })).toBe(0);
  });

  it('the same posting shared twice (two channels) is one DM', async () => {
    const { follower, channel, other } = newMember();
    await follow(follower, 'Soylent');
    const url = job('Solutions Engineer', 'Soylent');
    await shareJobByCommand(app, { url, channel, user: SHARER });
    await shareJobByCommand(app, { url, channel: other, user: SHARER });
    await gatheringMinuteOver();
    await waitForDm(app, follower, { matching: /Solutions Engineer/ });

    // Shared a third time, after the DM: still nothing more.
    await shareJobByCommand(app, { url, channel, user: SHARER });
    await gatheringMinuteOver();
    await settle(500);
    expect(followDms(follower)).toHaveLength(1);
  });

  it('twenty matching postings shared at once: one DM listing all of them', async () => {
    const { follower, channel } = newMember();
    await follow(follower, 'data remote');
    const urls = Array.from({ length: 20 }, (_, i) => {
      counter += 1;
      return board.job(`/jobs/burst-${counter}`, {
        title: `Data Engineer ${i + 1} (Remote)`,
        company: `Burst ${i + 1}`,
        location: 'Remote',
      });
    });
    await Promise.all(urls.map((url) => shareJobByCommand(app, { url, channel, user: SHARER })));
    await gatheringMinuteOver();

    const dm = await waitForDm(app, follower);
    const text = JSON.stringify(dm.args);
    for (const url of urls) expect(text).toContain(url);
    await settle(500);
    expect(followDms(follower)).toHaveLength(1);
  });

  it('at most one DM an hour: what matches meanwhile waits for the next DM, which lists it', async () => {
    const { follower, channel } = newMember();
    await follow(follower, 'Vandelay');
    await shareJobByCommand(app, { url: job('Importer', 'Vandelay'), channel, user: SHARER });
    await gatheringMinuteOver();
    await waitForDm(app, follower, { matching: /Importer/ });

    const later = [
      job('Exporter', 'Vandelay'),
      job('Latex Salesman', 'Vandelay'),
      job('Architect', 'Vandelay'),
    ];
    for (const url of later) await shareJobByCommand(app, { url, channel, user: SHARER });
    await gatheringMinuteOver();
    await settle(500);
    expect(followDms(follower)).toHaveLength(1);

    // The next DM is due an hour after the first.
    const sent = await db.prisma.followNotice.findFirst({
      where: { member: { slackUserId: follower }, sentAt: { not: null } },
    });
    const next = (
      await db.prisma.job.findMany({ where: { kind: FOLLOW_JOBS.batch, state: 'pending' } })
    ).filter((row) => JSON.stringify(row.payload).includes(follower));
    expect(next).toHaveLength(1);
    expect(next[0]?.runAfter.getTime()).toBeGreaterThanOrEqual(
      (sent?.sentAt?.getTime() ?? 0) + FOLLOW_DM_INTERVAL_MS,
    );

    // The hour passes.
    await db.prisma.followNotice.updateMany({
      where: { member: { slackUserId: follower }, sentAt: { not: null } },
      data: { sentAt: new Date(Date.now() - FOLLOW_DM_INTERVAL_MS - 1000) },
    });
    await db.prisma.job.updateMany({ where: { id: next[0]?.id }, data: { runAfter: new Date() } });
    app.vouch.work.wake();
    const second = await waitForDm(app, follower, { matching: /3 postings you follow/ });
    const text = textOf(second.args);
    for (const title of ['Exporter', 'Latex Salesman', 'Architect']) expect(text).toContain(title);
    expect(text).not.toContain('Importer');
    expect(followDms(follower)).toHaveLength(2);
  });

  it('an unfurled link reaches followers too, but not the follower who posted it', async () => {
    const { follower: poster, channel } = newMember();
    const { follower } = newMember();
    members[channel] = [...(members[channel] ?? []), follower];
    await follow(poster, 'Massive Dynamic');
    await follow(follower, 'Massive Dynamic');
    const url = job('Fringe Scientist', 'Massive Dynamic');
    await shareJobByUnfurl(app, { url, channel, user: poster });
    await gatheringMinuteOver();

    const dm = await waitForDm(app, follower, { matching: /Fringe Scientist/ });
    expect(textOf(dm.args)).toContain(`shared in <#${channel}>`);
    await settle(300);
    expect(followDms(poster)).toEqual([]);
  });

  it('a posting closed before the DM goes out is left out, and starts no hour', async () => {
    const { follower, channel } = newMember();
    await follow(follower, 'Oceanic');
    const closing = await shareJobByCommand(app, { url: job('Pilot', 'Oceanic'), channel, user: SHARER });
    await matchingDone();
    await db.prisma.posting.update({ where: { id: closing.postingId }, data: { status: 'closed' } });
    await gatheringMinuteOver();
    await settle(500);
    expect(followDms(follower)).toEqual([]);

    await shareJobByCommand(app, { url: job('Flight Attendant', 'Oceanic'), channel, user: SHARER });
    await gatheringMinuteOver();
    const dm = await waitForDm(app, follower, { matching: /Flight Attendant/ });
    expect(textOf(dm.args)).not.toContain('Pilot');
  });

  it('following lists, unfollow stops: nothing is sent after unfollowing', async () => {
    const { follower, channel } = newMember();
    await follow(follower, 'Acme');
    await follow(follower, 'designer hybrid in Berlin');
    const list = await askVouchPrivately(app, { text: 'following', user_id: follower });
    expect(list).toContain('1. Acme');
    expect(list).toContain('2. designer · hybrid · in Berlin');

    expect(await askVouchPrivately(app, { text: 'unfollow 1', user_id: follower })).toMatch(
      /Stopped following \*Acme\*/,
    );
    await shareJobByCommand(app, {
      url: job('Road Runner Catcher', 'Acme'),
      channel,
      user: SHARER,
    });
    await gatheringMinuteOver();
    await settle(500);
    expect(followDms(follower)).toEqual([]);

    expect(await askVouchPrivately(app, { text: 'unfollow all', user_id: follower })).toMatch(
      /Stopped following/,
    );
    expect(await askVouchPrivately(app, { text: 'following', user_id: follower })).toMatch(
      /You follow nothing yet/,
    );
  });

  it('follows from App Home: the Follow… modal adds one, Unfollow removes it', async () => {
    const { follower } = newMember();
    const click = blockAction({
      user: follower,
      actionId: 'home_follow',
      value: 'follow',
      responseUrl: app.slack.responseUrl(`home-follow-${follower}`),
    });
    await app.requests.interaction(click);
    const opened = await app.slack.waitFor(
      'views.open',
      (c) => c.args.trigger_id === click.trigger_id,
      10_000,
    );
    const view = opened.args.view as Record<string, unknown>;
    // An empty form stays open and says what is missing.
    const empty = await app.requests.interaction(
      viewSubmission({
        user: follower,
        view: { ...view, id: `VEMPTY${follower}` },
        values: {
          follow_words: { words: { type: 'plain_text_input', value: '  ' } },
          follow_workplace: { workplace: { type: 'static_select', selected_option: null } },
          follow_place: { place: { type: 'plain_text_input', value: null } },
        },
      }),
    );
    expect(empty.json).toEqual({
      response_action: 'errors',
      errors: { follow_words: 'Type a company or keywords, or pick a workplace or place.' },
    });
    const submitted = await app.requests.interaction(
      viewSubmission({
        user: follower,
        view,
        values: {
          follow_words: { words: { type: 'plain_text_input', value: 'Wonka' } },
          follow_workplace: { workplace: { type: 'static_select', selected_option: { value: 'onsite' } } },
          follow_place: { place: { type: 'plain_text_input', value: null } },
        },
      }),
    );
    expect(submitted.status).toBe(200);
    const home = await app.slack.waitFor(
      'views.publish',
      (c) => c.args.user_id === follower && JSON.stringify(c.args.view).includes('Wonka · onsite'),
      10_000,
    );
    const unfollow = viewBlocksOf(home).find((b) => b.accessory?.action_id === 'home_unfollow')?.accessory
      ?.value;
    expect(unfollow).toEqual(expect.any(String));

    app.slack.reset();
    await app.requests.interaction(
      blockAction({
        user: follower,
        actionId: 'home_unfollow',
        value: String(unfollow),
        responseUrl: app.slack.responseUrl(`home-unfollow-${follower}`),
      }),
    );
    const after = await app.slack.waitFor('views.publish', (c) => c.args.user_id === follower, 10_000);
    expect(JSON.stringify(after.args.view)).not.toContain('Wonka');
    expect(await db.prisma.follow.count({ where: { member: { slackUserId: follower } } })).toBe(0);
  });

  it('a member’s follows and what they were told are in their export, and forget-me erases them', async () => {
    const { follower, channel } = newMember();
    await follow(follower, 'Cyberdyne remote');
    await follow(follower, 'Tyrell');
    await shareJobByCommand(app, {
      url: job('Replicant Designer', 'Tyrell'),
      channel,
      user: SHARER,
    });
    await gatheringMinuteOver();
    await waitForDm(app, follower, { matching: /Replicant Designer/ });

    app.slack.reset();
    await askVouch(app, { text: 'export', user_id: follower });
    await app.slack.waitFor('files.completeUploadExternal', () => true, 10_000);
    const [file] = app.slack.uploads();
    const data = JSON.parse(file?.bytes.toString('utf8') ?? '{}') as MemberExport;
    expect(data.follows.map((f) => f.follow)).toEqual(['Cyberdyne · remote', 'Tyrell']);
    expect(data.postingsYouWereToldAbout).toEqual([
      expect.objectContaining({
        posting: expect.objectContaining({ title: 'Replicant Designer' }),
        channelId: channel,
      }),
    ]);

    const prompt = await askVouch(app, { text: 'forget-me', user_id: follower });
    await app.requests.interaction(
      blockAction({
        user: follower,
        actionId: 'privacy_erase_everything',
        value: 'erase',
        channel,
        responseUrl: app.slack.responseUrl(`erase-${follower}`),
        blocks: prompt.blocks,
      }),
    );
    await app.slack.waitFor(
      'response_url',
      (c) => c.args.path === `/response/${encodeURIComponent(`erase-${follower}`)}`,
      10_000,
    );
    expect(await db.prisma.member.count({ where: { slackUserId: follower } })).toBe(0);
    const left = await db.prisma.follow.findMany({
      where: { label: { in: ['Cyberdyne · remote', 'Tyrell'] } },
    });
    expect(left).toEqual([]);
    expect(
      await db.prisma.followNotice.count({
        where: { channelId: channel, member: { slackUserId: follower } },
      }),
    ).toBe(0);
  });
});
