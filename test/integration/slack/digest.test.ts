import { beforeEach, expect, it } from 'vitest';
import { DIGEST_JOBS } from '../../../src/digests/digest-jobs.js';
import { findLimitViolations } from '../../../src/slack/blocks/limits.js';
import { DIGEST_METADATA_EVENT } from '../../../src/slack/effects/digest-handlers.js';
import type { RecordedCall } from '../../helpers/fake-slack-api.mjs';
import { mentions, postsTo, stringsIn, textOf } from '../../helpers/slack-blocks.js';
import {
  askVouch,
  askVouchPrivately,
  expressInterest,
  removeCard,
  settle,
  shareJobPage,
} from '../../helpers/slack-flows.js';
import { startReplica } from '../../helpers/start-test-app.js';
import { useSlackFlowSuite } from '../../helpers/suite-app.js';
import { describeEachDatabase } from '../../helpers/test-database.js';

/** Who takes part: in every test channel the one who sets its digest, a sharer, a referrer and a candidate. */
const [SETTER, SHARER, REFERRER, CANDIDATE] = [
  'U0DSETTER',
  'U0DSHARER',
  'U0DREFERRER',
  'U0DCANDIDATE',
] as const;
/** A member of the workspace who is not in the test channels. */
const OUTSIDER = 'U0DOUTSIDER';

/** A message Vouch posted as a digest (its metadata says so). */
function isDigest(call: RecordedCall): boolean {
  return (call.args.metadata as { event_type?: string } | undefined)?.event_type === DIGEST_METADATA_EVENT;
}

describeEachDatabase('channel digests', (kind) => {
  const suite = useSlackFlowSuite(kind);
  /** Who is in each channel, as conversations.members answers. */
  const members: Record<string, string[]> = {};

  beforeEach(() => {
    suite.app.slack.respond('conversations.members', (args) => ({
      members: members[String(args.channel)] ?? [],
      response_metadata: { next_cursor: '' },
    }));
  });

  /** A channel of its own for each test (Vouch caches a channel's members for a couple of minutes). */
  function newChannel(): string {
    const channel = `C0DIG${suite.freshNumber()}`;
    members[channel] = [SETTER, SHARER, REFERRER, CANDIDATE];
    return channel;
  }

  /** `/vouch digest <words>` typed in `channel`: the answer only the asker sees, as text. */
  function digest(channel: string, words: string, user: string = SETTER): Promise<string> {
    return askVouchPrivately(suite.app, {
      text: `digest ${words}`.trim(),
      user_id: user,
      channel_id: channel,
    });
  }

  /** A job page shared with /vouch in `channel`; resolves with its title, posting id and card. */
  async function share(channel: string, company = `Digestco ${suite.freshNumber()}`) {
    const title = `Platform Engineer ${suite.freshNumber()}`;
    const { postingId, card } = await shareJobPage(suite.app, suite.board, {
      path: `/jobs/digest-${kind}-${suite.freshNumber()}`,
      title,
      company,
      channel,
      sharer: SHARER,
    });
    return { title, company, postingId, card };
  }

  /** The clock reaches the channel's next digest time. */
  async function digestDue(channel: string): Promise<void> {
    await suite.db.prisma.channelDigest.updateMany({
      where: { channelId: channel },
      data: { nextDueAt: new Date() },
    });
  }

  /** Every digest job written so far has finished (posted, or found nothing to post). */
  async function digestJobsDone(): Promise<void> {
    await expect
      .poll(
        () =>
          suite.db.prisma.job.count({
            where: { kind: DIGEST_JOBS.post, state: { in: ['pending', 'running'] } },
          }),
        { timeout: 10_000 },
      )
      .toBe(0);
  }

  /** The digests posted in `channel` so far. */
  function digestsIn(channel: string): RecordedCall[] {
    return postsTo(suite.app, channel).filter((call) => call.failed === undefined && isDigest(call));
  }

  /** The digests start, their jobs finish: what `channel` got. */
  async function digestsRun(channel: string): Promise<RecordedCall[]> {
    await suite.app.vouch.jobs.digests.runOnce();
    await digestJobsDone();
    return digestsIn(channel);
  }

  it('`/vouch digest` shows the setting; daily and weekly set it and say when the next goes out; off stops it', async () => {
    const channel = newChannel();
    expect(await digest(channel, '')).toContain('This channel has no digest.');

    const daily = await digest(channel, 'daily');
    expect(daily).toContain('📰 Done. This channel gets a *daily* digest');
    const row = await suite.db.prisma.channelDigest.findFirstOrThrow({ where: { channelId: channel } });
    expect(row.frequency).toBe('daily');
    // The next 09:00 UTC (the default schedule), in each reader's own time zone.
    expect(row.nextDueAt.getUTCHours()).toBe(9);
    expect(row.nextDueAt.getTime()).toBeGreaterThan(Date.now());
    expect(row.nextDueAt.getTime()).toBeLessThanOrEqual(Date.now() + 86_400_000);
    expect(daily).toContain(`<!date^${row.nextDueAt.getTime() / 1000}^`);
    expect(await digest(channel, '')).toContain('This channel gets a *daily* digest');

    expect(await digest(channel, 'weekly')).toContain('*weekly* digest');
    const weekly = await suite.db.prisma.channelDigest.findFirstOrThrow({ where: { channelId: channel } });
    expect([weekly.frequency, weekly.nextDueAt.getUTCDay(), weekly.nextDueAt.getUTCHours()]).toEqual([
      'weekly',
      1,
      9,
    ]);

    expect(await digest(channel, 'off')).toContain('This channel’s digest is off.');
    expect(await suite.db.prisma.channelDigest.count({ where: { channelId: channel } })).toBe(0);
    expect(await digest(channel, '')).toContain('This channel has no digest.');
  });

  it('refuses a member who is not in the channel, a channel Vouch cannot see, and a DM: nothing is set', async () => {
    const channel = newChannel();
    expect(await digest(channel, 'daily', OUTSIDER)).toContain(
      `Only members of <#${channel}> can change its digest. Join the channel, then try again.`,
    );
    const unseen = `C0HIDDEN${suite.freshNumber()}`;
    expect(await digest(unseen, 'weekly')).toContain('Vouch cannot see who is in this channel');
    const answer = await askVouch(suite.app, {
      text: 'digest daily',
      user_id: SETTER,
      channel_id: 'D0DIGESTDM',
      channel_name: 'directmessage',
    });
    expect(textOf(answer.blocks)).toContain('Digests are posted in channels');
    expect(
      await suite.db.prisma.channelDigest.count({ where: { channelId: { in: [channel, unseen] } } }),
    ).toBe(0);
    // The outsider may still read the setting.
    expect(await digest(channel, '', OUTSIDER)).toContain('This channel has no digest.');
  });

  it('lists the open postings shared in the channel, with counts and a link to each share, naming nobody', async () => {
    const channel = newChannel();
    const elsewhere = newChannel();
    await digest(channel, 'daily');
    const company = `Countco ${suite.freshNumber()}`;
    await askVouch(suite.app, { text: `refer-at ${company}`, user_id: REFERRER });
    const wanted = await share(channel, company);
    await expressInterest(
      suite.app,
      { postingId: wanted.postingId, user: CANDIDATE, channel },
      { note: 'I would love this', referrer: REFERRER },
    );
    await expect
      .poll(() => suite.db.prisma.referral.count({ where: { postingId: wanted.postingId } }), {
        timeout: 10_000,
      })
      .toBe(1);
    const other = await share(elsewhere);
    const closed = await share(channel);
    await suite.db.prisma.posting.update({ where: { id: closed.postingId }, data: { status: 'closed' } });
    const second = await share(channel);

    await digestDue(channel);
    const [posted, ...more] = await digestsRun(channel);
    expect(more).toEqual([]);
    const text = textOf(posted?.args.blocks);
    expect(text).toContain('Daily job digest');
    expect(text).toContain('2 postings shared in <#C');
    expect(text).toContain(`|${wanted.title}>* at ${company}`);
    expect(text).toContain('🙋 *1* can refer · 👀 *1* interested');
    const card = await suite.db.prisma.share.findFirstOrThrow({ where: { postingId: wanted.postingId } });
    expect(text).toContain(
      `<https://vouch-test.slack.com/archives/${channel}/p${card.cardTs?.replace('.', '')}|shared here>`,
    );
    expect(text).toContain(second.title);
    expect(text.indexOf(wanted.title)).toBeLessThan(text.indexOf(second.title));
    expect(text).not.toContain(closed.title);
    expect(text).not.toContain(other.title);
    // Counts only: neither who is interested, nor who refers or shared.
    for (const person of [CANDIDATE, REFERRER, SHARER, SETTER]) {
      expect(stringsIn(posted?.args).filter((s) => s.includes(person))).toEqual([]);
    }
    expect(mentions(posted?.args, 'I would love this')).toBe(false);
    expect(digestsIn(elsewhere)).toEqual([]);
  });

  it('posts nothing when nothing new was shared, and nothing before the digest is due', async () => {
    const channel = newChannel();
    await digest(channel, 'weekly');
    await digestDue(channel);
    expect(await digestsRun(channel)).toEqual([]);
    // The period is over all the same: the next digest is the next Monday's.
    const row = await suite.db.prisma.channelDigest.findFirstOrThrow({ where: { channelId: channel } });
    expect(row.nextDueAt.getTime()).toBeGreaterThan(Date.now());

    await share(channel);
    expect(await digestsRun(channel)).toEqual([]);
  });

  it('a second period lists only what was shared since the first digest', async () => {
    const channel = newChannel();
    await digest(channel, 'daily');
    const first = await share(channel);
    await digestDue(channel);
    expect(await digestsRun(channel)).toHaveLength(1);

    const next = await share(channel);
    await digestDue(channel);
    const [, again] = await digestsRun(channel);
    expect(textOf(again?.args.blocks)).toContain(next.title);
    expect(textOf(again?.args.blocks)).not.toContain(first.title);
    expect(textOf(again?.args.blocks)).toContain('1 posting shared in');
  });

  it('leaves out a card its sharer removed before the digest', async () => {
    const channel = newChannel();
    await digest(channel, 'daily');
    const removed = await share(channel);
    const kept = await share(channel);
    await removeCard(suite.app, { user: SHARER, card: removed.card });
    await expect.poll(() => suite.app.slack.calls('chat.delete').length, { timeout: 10_000 }).toBe(1);
    await digestDue(channel);
    const [posted] = await digestsRun(channel);
    expect(textOf(posted?.args.blocks)).toContain(kept.title);
    expect(textOf(posted?.args.blocks)).not.toContain(removed.title);
  });

  it('many postings: one message within Slack’s limits, the rest counted with a hint', async () => {
    const channel = newChannel();
    await digest(channel, 'weekly');
    for (let i = 0; i < 24; i += 1) await share(channel);
    await digestDue(channel);
    const [posted] = await digestsRun(channel);
    const blocks = (posted?.args.blocks as unknown[]) ?? [];
    expect(findLimitViolations({ text: posted?.args.text, blocks }, 'message')).toEqual([]);
    const listed = textOf(blocks).match(/Platform Engineer \d+/g) ?? [];
    expect(listed.length).toBeGreaterThan(0);
    expect(textOf(blocks)).toContain('24 postings shared in');
    expect(textOf(blocks)).toContain(
      `…and ${24 - listed.length} more: \`/vouch list\` shows every open posting.`,
    );
  });

  it('a digest job run again after its worker died finds the digest already posted and does not post it twice', async () => {
    const { app, db } = suite;
    const channel = newChannel();
    await digest(channel, 'daily');
    await share(channel);
    await digestDue(channel);
    // Slack has the message, its answer is slow to come back; meanwhile the worker's lease runs out
    // (as when its process dies) and the job is claimed again.
    app.slack.hold('chat.postMessage', 3_000);
    await app.vouch.jobs.digests.runOnce();
    await app.slack.waitFor('chat.postMessage', (c) => c.args.channel === channel && isDigest(c), 10_000);
    await db.prisma.job.updateMany({
      where: { kind: DIGEST_JOBS.post, state: 'running' },
      data: { leaseUntil: new Date(0) },
    });
    app.vouch.work.wake();
    await app.slack.waitFor('conversations.history', (c) => c.args.channel === channel, 10_000);
    app.slack.hold('chat.postMessage', 0);
    await digestJobsDone();
    await settle(300);
    expect(digestsIn(channel)).toHaveLength(1);
  });

  it.each(['not_in_channel', 'channel_not_found', 'is_archived'])(
    'when Slack answers %s, the channel’s digest is turned off (logged at info), not retried',
    async (error) => {
      const channel = newChannel();
      await digest(channel, 'daily');
      await share(channel);
      suite.app.slack.fail('chat.postMessage', { kind: 'slack_error', error });
      await digestDue(channel);
      expect(await digestsRun(channel)).toEqual([]);
      expect(await suite.db.prisma.channelDigest.count({ where: { channelId: channel } })).toBe(0);
      expect(await suite.db.prisma.job.count({ where: { kind: DIGEST_JOBS.post, state: 'failed' } })).toBe(0);
      expect(
        suite.app.logs.filter(
          (line) => line.level === 30 && line.channel === channel && line.slackError === error,
        ),
      ).toHaveLength(1);
      expect(await digest(channel, '')).toContain('This channel has no digest.');
    },
  );

  it('goes with the workspace when Vouch is uninstalled', async () => {
    const channel = newChannel();
    const teamId = `T0DIGONE${suite.freshNumber()}`;
    await askVouchPrivately(suite.app, {
      text: 'digest weekly',
      user_id: SETTER,
      channel_id: channel,
      team_id: teamId,
    });
    expect(await suite.db.prisma.channelDigest.count({ where: { workspaceId: teamId } })).toBe(1);
    await suite.app.requests.eventCallback({ type: 'app_uninstalled' }, { teamId });
    await expect
      .poll(() => suite.db.prisma.channelDigest.count({ where: { workspaceId: teamId } }), {
        timeout: 10_000,
      })
      .toBe(0);
  });

  it('two replicas running the periodic scheduler at the same moment post one digest per channel per period', async () => {
    const { app, db } = suite;
    const channels = [newChannel(), newChannel()];
    for (const channel of channels) {
      await digest(channel, 'daily');
      await share(channel);
      await digestDue(channel);
    }
    const replica = await startReplica(app);
    try {
      // Whoever held the round's lease (the app's own timer) has let it go.
      await db.prisma.jobLease.updateMany({
        where: { name: 'channel-digests' },
        data: { leaseUntil: new Date(0) },
      });
      const ticked = await Promise.all([
        app.vouch.jobs.scheduler.tick(app.vouch.jobs.digests),
        replica.jobs.scheduler.tick(replica.jobs.digests),
      ]);
      expect(ticked.filter(Boolean)).toHaveLength(1);
      await digestJobsDone();
      for (const channel of channels) expect(digestsIn(channel)).toHaveLength(1);

      // Past the lease too (it ran out mid-round, or a round by hand): each period is claimed once.
      for (const channel of channels) {
        await share(channel);
        await digestDue(channel);
      }
      const started = await Promise.all([
        app.vouch.jobs.digests.runOnce(),
        replica.jobs.digests.runOnce(),
        app.vouch.jobs.digests.runOnce(),
        replica.jobs.digests.runOnce(),
      ]);
      expect(started.reduce((a, b) => a + b, 0)).toBe(channels.length);
      await digestJobsDone();
      await settle(300);
      for (const channel of channels) expect(digestsIn(channel)).toHaveLength(2);
    } finally {
      await replica.stop();
    }
  });
});
