import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/client.js';
import { FORMER_MEMBER_SLACK_ID } from '../../../src/privacy/former-member.js';
import type { MemberExport } from '../../../src/privacy/member-data.js';
import { FAKE_TEAM_ID } from '../../helpers/fake-slack-api.mjs';
import { buttonValue, dmChannelOf } from '../../helpers/slack-blocks.js';
import {
  askVouch,
  clickButton,
  expressInterest,
  openTagModal,
  saveProfile,
  shareJobPage,
  tagFormValues,
  waitForDm,
} from '../../helpers/slack-flows.js';
import { blockAction, viewSubmission } from '../../helpers/slack-payloads.mjs';
import { useSlackFlowSuite } from '../../helpers/suite-app.js';
import { type DatabaseKind, describeEachDatabase } from '../../helpers/test-database.js';

const CHANNEL = 'C0PRIVACY';
const DAY = 86_400_000;

/**
 * Everything the database holds, as text to search: on SQLite the bytes of the database file and of
 * its write-ahead log (what a stolen disk would give), on PostgreSQL every row of every table.
 */
async function storedText(kind: DatabaseKind, url: string, db: Database): Promise<string> {
  if (kind === 'sqlite') {
    const file = url.replace(/^file:/, '');
    return [file, `${file}-wal`]
      .map((path) => (existsSync(path) ? readFileSync(path).toString('latin1') : ''))
      .join('\n');
  }
  const tables = await db.prisma.$queryRawUnsafe<Array<{ table_name: string }>>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
  );
  const texts = await Promise.all(
    tables.map(async ({ table_name }) => {
      const rows = await db.prisma.$queryRawUnsafe<Array<{ text: string | null }>>(
        `SELECT string_agg(row_to_json(t)::text, E'\\n') AS text FROM "${table_name}" t`,
      );
      return rows[0]?.text ?? '';
    }),
  );
  return texts.join('\n');
}

describeEachDatabase('data rights', (kind) => {
  const suite = useSlackFlowSuite(kind);

  /**
   * A member with every kind of data Vouch holds, next to other people's: they refer at Globex (and
   * said "I can refer" on its posting), shared an Acme posting with a note, asked the Acme referrer
   * for a referral with a private note, referred a colleague who asked them (with that colleague's
   * own private note), and tagged a friend.
   */
  async function memberWithEverything() {
    const { app, board, db } = suite;
    const n = `${suite.freshNumber()}${kind === 'sqlite' ? 'S' : 'P'}`;
    const who = {
      member: `U0MEM${n}`,
      referrer: `U0REF${n}`,
      colleague: `U0COL${n}`,
      friend: `U0FRI${n}`,
      acme: `Acme ${n}`,
      globex: `Globex ${n}`,
      shareNote: `share-note-zq${n}`,
      memberNote: `member-note-xv${n}`,
      colleagueNote: `colleague-note-kw${n}`,
      profilePitch: `profile-pitch-pq${n}`,
      sentPitch: `sent-pitch-jr${n}`,
      colleaguePitch: `colleague-pitch-mh${n}`,
    };
    const acme = await shareJobPage(app, board, {
      path: `/jobs/acme-${n}`,
      title: `Acme Engineer ${n}`,
      company: who.acme,
      channel: CHANNEL,
      sharer: who.member,
      note: who.shareNote,
      referrers: [who.referrer],
    });
    const globex = await shareJobPage(app, board, {
      path: `/jobs/globex-${n}`,
      title: `Globex Designer ${n}`,
      company: who.globex,
      channel: CHANNEL,
      sharer: who.referrer,
      referrers: [who.member],
    });

    // "I can refer" on the Globex posting.
    await clickButton(app, {
      user: who.member,
      actionId: 'i_can_refer',
      value: globex.postingId,
      channel: CHANNEL,
    });
    await expect
      .poll(() => db.prisma.postingReferrer.count({ where: { postingId: globex.postingId } }), {
        timeout: 10_000,
      })
      .toBe(1);

    /**
     * `candidate` asks `referrer` for a referral on the posting, with a note and a pitch in the form's
     * profile; resolves with the DM.
     */
    async function asks(candidate: string, referrer: string, postingId: string, note: string, pitch: string) {
      await expressInterest(
        app,
        { postingId, user: candidate, channel: CHANNEL },
        { note, referrer, profile: { pitch } },
      );
      return waitForDm(app, referrer, { matching: /asked you for a referral/ });
    }

    // Their profile, from App Home.
    await saveProfile(app, who.member, { pitch: who.profilePitch }, who.profilePitch);

    // Their own request, to the Acme referrer, with a private note and a pitch for this request.
    await asks(who.member, who.referrer, acme.postingId, who.memberNote, who.sentPitch);

    // A colleague asks them at Globex (with the colleague's own pitch); they refer the colleague.
    const asked = await asks(
      who.colleague,
      who.member,
      globex.postingId,
      who.colleagueNote,
      who.colleaguePitch,
    );
    await clickButton(app, {
      user: who.member,
      actionId: 'mark_referred',
      value: buttonValue(asked.args.blocks, 'mark_referred', { prefix: true }),
      channel: dmChannelOf(who.member),
    });
    await expect
      .poll(
        async () =>
          (
            await db.prisma.referral.findFirst({
              where: { candidate: { slackUserId: who.colleague } },
            })
          )?.status,
        { timeout: 10_000 },
      )
      .toBe('referred');

    // They tag a friend on the Globex posting.
    const tagModal = await openTagModal(app, {
      user: who.member,
      postingId: globex.postingId,
      channel: CHANNEL,
    });
    await app.requests.interaction(
      viewSubmission({
        user: who.member,
        view: tagModal.view,
        values: tagFormValues(who.friend, 'candidate'),
      }),
    );
    await waitForDm(app, who.friend, { matching: /might be interested/ });
    app.slack.reset();
    return { ...who, acmePostingId: acme.postingId, globexPostingId: globex.postingId };
  }

  async function exportOf(member: string): Promise<{ data: MemberExport; raw: string }> {
    const { app } = suite;
    const answer = await askVouch(app, { text: 'export', user_id: member });
    expect(answer.response_type).toBe('ephemeral');
    expect(String(answer.text)).toMatch(/sent you a DM with a file/);
    const completed = await app.slack.waitFor('files.completeUploadExternal', () => true, 10_000);
    expect(completed.args.channel_id).toBe(dmChannelOf(member));
    const [file, ...more] = app.slack.uploads();
    expect(more).toHaveLength(0);
    expect(file?.filename).toMatch(/^vouch-export-\d{4}-\d{2}-\d{2}\.json$/);
    const raw = file?.bytes.toString('utf8') ?? '';
    return { data: JSON.parse(raw) as MemberExport, raw };
  }

  it('explains in plain words who sees what, and lists the data-rights commands in help', async () => {
    const { app } = suite;
    const answer = await askVouch(app, { text: 'privacy', user_id: 'U0CURIOUS' });
    expect(answer.response_type).toBe('ephemeral');
    const text = JSON.stringify(answer.blocks);
    const promises = [
      'Your interest is private',
      'without your name or your note',
      'Referrers are public',
      'erased 180 days after it closed',
    ];
    for (const words of [...promises, '/vouch export', '/vouch forget-me']) expect(text).toContain(words);
    const help = JSON.stringify((await askVouch(app, { text: 'help' })).blocks);
    for (const sub of ['privacy', 'export', 'forget-me']) expect(help).toContain(`/vouch ${sub}`);
  });

  it('exports everything about the member as a JSON file in their DM, and nothing of anyone else', async () => {
    const who = await memberWithEverything();
    const { data, raw } = await exportOf(who.member);

    expect(data.member).toMatchObject({ workspaceId: FAKE_TEAM_ID, slackUserId: who.member });
    expect(data.companiesYouReferAt.map((c) => c.company)).toEqual([who.globex]);
    expect(data.postingsYouCanReferFor.map((p) => p.posting.company)).toEqual([who.globex]);
    expect(data.referralsYouAskedFor).toHaveLength(1);
    expect(data.referralsYouAskedFor[0]).toMatchObject({
      posting: { company: who.acme },
      status: 'requested',
      yourNote: who.memberNote,
      referrerSlackUserId: who.referrer,
    });
    expect(data.referralsYouAskedFor[0]?.history.map((h) => h.to)).toEqual(['interested', 'requested']);
    expect(data.referralsYouReferred).toHaveLength(1);
    expect(data.referralsYouReferred[0]).toMatchObject({
      posting: { company: who.globex },
      status: 'referred',
    });
    expect(data.referralsYouReferred[0]?.yourUpdates.map((u) => u.to)).toEqual(['referred']);
    expect(data.postingsYouShared).toEqual([
      expect.objectContaining({
        posting: expect.objectContaining({ company: who.acme }),
        note: who.shareNote,
      }),
    ]);
    expect(data.tagsYouGave).toEqual([expect.objectContaining({ role: 'candidate' })]);
    expect(data.profile).toMatchObject({ pitch: who.profilePitch, profileUrl: null, resumeFile: null });
    expect(data.referralsYouAskedFor[0]?.profileYouSent).toMatchObject({ pitch: who.sentPitch });

    // The colleague's interest is theirs: not their name, not their note; nor the tagged friend.
    expect(raw).not.toContain(who.colleague);
    expect(raw).not.toContain(who.colleagueNote);
    expect(raw).not.toContain(who.colleaguePitch);
    expect(raw).not.toContain(who.friend);
  });

  it('answers an export for a member it has never seen without creating them', async () => {
    const { app, db } = suite;
    const answer = await askVouch(app, { text: 'export', user_id: 'U0STRANGER' });
    expect(String(answer.text)).toMatch(/holds nothing about you/);
    expect(app.slack.uploads()).toHaveLength(0);
    expect(await db.prisma.member.count({ where: { slackUserId: 'U0STRANGER' } })).toBe(0);
  });

  it('forget-me asks first, then erases: nothing of the member is left in the database, others keep a coherent history', async () => {
    const { app, db } = suite;
    const who = await memberWithEverything();

    const prompt = await askVouch(app, { text: 'forget-me', user_id: who.member });
    expect(prompt.response_type).toBe('ephemeral');
    const erase = (prompt.blocks as Array<{ type: string; elements?: Array<Record<string, unknown>> }>)
      .flatMap((block) => (block.type === 'actions' ? (block.elements ?? []) : []))
      .find((element) => element.action_id === 'privacy_erase_everything');
    expect(erase).toMatchObject({ style: 'danger', confirm: { confirm: { text: 'Erase everything' } } });
    // Asking erased nothing yet.
    expect(await db.prisma.member.count({ where: { slackUserId: who.member } })).toBe(1);

    await app.requests.interaction(
      blockAction({
        user: who.member,
        actionId: 'privacy_erase_everything',
        value: 'erase',
        channel: CHANNEL,
        responseUrl: app.slack.responseUrl(`erase-${who.member}`),
        blocks: prompt.blocks,
      }),
    );
    const done = await app.slack.waitFor(
      'response_url',
      (c) => c.args.path === `/response/${encodeURIComponent(`erase-${who.member}`)}`,
      10_000,
    );
    expect(done.args).toMatchObject({ replace_original: true });
    expect(String(done.args.text)).toMatch(/erased everything/);

    // The colleague's referral stays, referred by "a former member", without the member's words.
    const colleagues = await db.prisma.referral.findFirst({
      where: { candidate: { slackUserId: who.colleague } },
      include: { referrer: true, events: { include: { actor: true } } },
    });
    expect(colleagues?.status).toBe('referred');
    expect(colleagues?.candidateNote).toBe(who.colleagueNote);
    expect(colleagues?.referrer?.slackUserId).toBe(FORMER_MEMBER_SLACK_ID);
    expect(colleagues?.referrerRelationship).toBeNull();
    expect(colleagues?.events.find((e) => e.toStatus === 'referred')?.actor?.slackUserId).toBe(
      FORMER_MEMBER_SLACK_ID,
    );
    // Their own request is gone; the posting they shared stays, without their name or note.
    expect(await db.prisma.referral.count({ where: { postingId: who.acmePostingId } })).toBe(0);
    const shares = await db.prisma.share.findMany({ where: { postingId: who.acmePostingId } });
    expect(shares.length).toBeGreaterThan(0);
    expect(shares.every((s) => s.sharedById === null && s.note === null)).toBe(true);
    expect(await db.prisma.member.count({ where: { slackUserId: who.member } })).toBe(0);

    // Nothing of them can be read back from the database (on SQLite: the file and its WAL).
    const stored = await storedText(kind, app.databaseUrl, db);
    expect(stored).toContain(who.colleagueNote); // the search does see what is there
    expect(stored).not.toContain(who.member);
    expect(stored).not.toContain(who.memberNote);
    expect(stored).not.toContain(who.shareNote);
    // Their profile and the one they sent with their request; the colleague's sent profile stays.
    expect(stored).not.toContain(who.profilePitch);
    expect(stored).not.toContain(who.sentPitch);
    expect(stored).toContain(who.colleaguePitch);

    // The cards that listed them are drawn again.
    await app.slack.waitFor(
      'chat.update',
      (c) => c.args.channel === CHANNEL && JSON.stringify(c.args.blocks).includes(`/jobs/globex-`),
      10_000,
    );
  });

  it("erases a member whose Slack account was deactivated (user_change with deleted: true), and nobody else's", async () => {
    const { app, db } = suite;
    const who = await memberWithEverything();
    await app.requests.eventCallback({
      type: 'user_change',
      user: { id: who.referrer, team_id: FAKE_TEAM_ID, name: 'still-here', deleted: false },
      event_ts: '1700000000.000100',
    });
    await app.requests.eventCallback({
      type: 'user_change',
      user: { id: who.member, team_id: FAKE_TEAM_ID, name: 'gone', deleted: true },
      event_ts: '1700000000.000200',
    });
    await expect
      .poll(() => db.prisma.member.count({ where: { slackUserId: who.member } }), { timeout: 10_000 })
      .toBe(0);
    expect(await db.prisma.member.count({ where: { slackUserId: who.referrer } })).toBe(1);
    const stored = await storedText(kind, app.databaseUrl, db);
    expect(stored).not.toContain(who.memberNote);
    expect(stored).not.toContain(who.profilePitch);
    expect(stored).not.toContain(who.sentPitch);
  });

  describe('when Vouch leaves a workspace', () => {
    /** A workspace of its own with a referrer in it. */
    async function otherWorkspace(teamId: string) {
      const { app, db } = suite;
      await askVouch(app, { text: 'refer-at Initech', user_id: 'U0INITECH', team_id: teamId });
      expect(await db.prisma.member.count({ where: { workspaceId: teamId } })).toBe(1);
    }

    it('erases the workspace on app_uninstalled, leaving other workspaces alone', async () => {
      const { app, db } = suite;
      await otherWorkspace('T0GONE1');
      const before = await db.prisma.member.count({ where: { workspaceId: FAKE_TEAM_ID } });
      await app.requests.eventCallback({ type: 'app_uninstalled' }, { teamId: 'T0GONE1' });
      await expect
        .poll(() => db.prisma.workspace.count({ where: { id: 'T0GONE1' } }), { timeout: 10_000 })
        .toBe(0);
      expect(await db.prisma.member.count({ where: { workspaceId: 'T0GONE1' } })).toBe(0);
      expect(await db.prisma.company.count({ where: { workspaceId: 'T0GONE1' } })).toBe(0);
      expect(await db.prisma.member.count({ where: { workspaceId: FAKE_TEAM_ID } })).toBe(before);
    });

    it("drops the workspace's unfinished work on app_uninstalled: a DM to its member, a delivery naming it", async () => {
      const { app, db } = suite;
      await otherWorkspace('T0GONE3');
      const later = new Date(Date.now() + 60 * 60 * 1000);
      const waiting = [
        { key: 'gone3:dm', payload: { userId: 'U0INITECH', message: { text: 'Your referral moved on' } } },
        // A click as Slack sends it (form-encoded): the team id sits between percent escapes.
        {
          key: 'gone3:click',
          payload: { raw: `payload=${encodeURIComponent('{"team":{"id":"T0GONE3"}}')}` },
        },
        { key: 'stays:dm', payload: { userId: 'U0STAYS', message: { text: 'Someone can refer you' } } },
      ];
      for (const job of waiting) await app.vouch.work.add({ kind: 'held-for-test', runAfter: later, ...job });
      await app.requests.eventCallback({ type: 'app_uninstalled' }, { teamId: 'T0GONE3' });
      await expect
        .poll(() => db.prisma.workspace.count({ where: { id: 'T0GONE3' } }), { timeout: 10_000 })
        .toBe(0);
      const left = await db.prisma.job.findMany({ where: { kind: 'held-for-test' } });
      expect(left.map((job) => job.payload)).toEqual([waiting[2]?.payload]);
      await db.prisma.job.deleteMany({ where: { kind: 'held-for-test' } });
    });

    it("erases the workspace when the bot's token is revoked, not for users' tokens", async () => {
      const { app, db } = suite;
      await otherWorkspace('T0GONE2');
      await app.requests.eventCallback(
        { type: 'tokens_revoked', tokens: { oauth: ['U0INITECH'] } },
        { teamId: 'T0GONE2' },
      );
      await app.requests.eventCallback(
        { type: 'tokens_revoked', tokens: { bot: ['U0VOUCHBOT'] } },
        { teamId: 'T0GONE2' },
      );
      await expect
        .poll(() => db.prisma.workspace.count({ where: { id: 'T0GONE2' } }), { timeout: 10_000 })
        .toBe(0);
    });
  });

  it('erases the notes of referrals closed longer ago than VOUCH_NOTE_RETENTION_DAYS, and only those', async () => {
    const { app, db } = suite;
    const who = await memberWithEverything();
    const mine = await db.prisma.referral.findFirstOrThrow({
      where: { candidate: { slackUserId: who.member } },
    });
    const colleagues = await db.prisma.referral.findFirstOrThrow({
      where: { candidate: { slackUserId: who.colleague } },
    });
    // The member's request closed 200 days ago; the colleague's is still open after 400 days.
    await db.prisma.referral.update({
      where: { id: mine.id },
      data: { status: 'withdrawn', statusChangedAt: new Date(Date.now() - 200 * DAY) },
    });
    await db.prisma.referral.update({
      where: { id: colleagues.id },
      data: { statusChangedAt: new Date(Date.now() - 400 * DAY) },
    });

    expect(await app.vouch.jobs.noteRetention.runOnce()).toBeGreaterThan(0);
    const expired = await db.prisma.referral.findUniqueOrThrow({
      where: { id: mine.id },
      include: { events: true },
    });
    expect(expired.candidateNote).toBeNull();
    expect(expired.events.map((e) => e.note)).toEqual(expired.events.map(() => null));
    expect(expired.events.length).toBeGreaterThan(0); // the history itself stays
    const open = await db.prisma.referral.findUniqueOrThrow({ where: { id: colleagues.id } });
    expect(open.candidateNote).toBe(who.colleagueNote);
    const stored = await storedText(kind, app.databaseUrl, db);
    expect(stored).not.toContain(who.memberNote);
    // The profile sent with the closed request goes with its notes; the member's own profile stays.
    expect(stored).not.toContain(who.sentPitch);
    expect(stored).toContain(who.profilePitch);
    expect(stored).toContain(who.colleaguePitch);

    // A second round finds nothing more to erase.
    expect(await app.vouch.jobs.noteRetention.runOnce()).toBe(0);
  });
});
