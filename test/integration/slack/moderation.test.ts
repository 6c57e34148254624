import { beforeAll, beforeEach, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { createMemberData } from '../../../src/privacy/member-data.js';
import { FAKE_TEAM_ID, type RecordedCall } from '../../helpers/fake-slack-api.mjs';
import { homeSection, postsTo, textOf } from '../../helpers/slack-blocks.js';
import {
  allWorkDone,
  askVouchPrivately,
  clickButton,
  expressInterest,
  openHome,
  removeCard,
  type SharedCard,
  shareJobPage,
  waitForHome,
} from '../../helpers/slack-flows.js';
import { CANDIDATE, REFERRER, SHARER } from '../../helpers/slack-members.js';
import { channelMessageEvent } from '../../helpers/slack-payloads.mjs';
import { useSlackFlowSuite } from '../../helpers/suite-app.js';
import { describeEachDatabase } from '../../helpers/test-database.js';

const ADMIN = 'U0WSADMIN';
const OWNER = 'U0WSOWNER';
const BYSTANDER = 'U0BYSTANDER';

describeEachDatabase('removing a card', (kind) => {
  const suite = useSlackFlowSuite(kind);
  let channel = '';

  beforeAll(() => {
    suite.app.slack.addUser({ id: ADMIN, isAdmin: true });
    suite.app.slack.addUser({ id: OWNER, isOwner: true });
  });
  beforeEach(() => {
    channel = `C0MOD${suite.freshNumber()}`;
  });

  /**
   * `SHARER` shares a job at a company of its own with `/vouch` in this test's channel; resolves with
   * its card and the company.
   */
  async function shareJob(title: string): Promise<SharedCard & { company: string }> {
    const company = `Modco ${suite.freshNumber()}`;
    const shared = await shareJobPage(suite.app, suite.board, {
      path: `/jobs/moderation-${company.replace(' ', '-')}`,
      title,
      company,
      channel,
      sharer: SHARER,
    });
    return { ...shared, company };
  }

  /** The private reply `user` got in this test's channel whose text matches `pattern`. */
  function replyTo(user: string, pattern: RegExp): Promise<RecordedCall> {
    return suite.app.slack.waitFor(
      'chat.postEphemeral',
      (c) => c.args.user === user && c.args.channel === channel && pattern.test(String(c.args.text)),
      10_000,
    );
  }

  function deletes(): RecordedCall[] {
    return suite.app.slack.calls('chat.delete');
  }

  it('the sharer removes their card: the message goes, the posting stays for whoever is engaged', async () => {
    const { app } = suite;
    const title = 'Removable Platform Engineer';
    const shared = await shareJob(title);
    const { company } = shared;
    await expressInterest(app, { postingId: shared.postingId, user: CANDIDATE, channel }, { note: null });
    await waitForHome(app, CANDIDATE, { including: shared.postingId });
    expect(await askVouchPrivately(app, { text: `list ${company}`, user_id: BYSTANDER })).toContain(title);

    expect((await removeCard(app, { user: SHARER, card: shared.card })).status).toBe(200);
    const deleted = await app.slack.waitFor('chat.delete', () => true, 10_000);
    expect(deleted.args).toMatchObject({ channel, ts: shared.card.answer?.ts });
    await replyTo(SHARER, /Card removed/);

    // The candidate keeps the posting: in /vouch mine and on their Home.
    expect(await askVouchPrivately(app, { text: 'mine', user_id: CANDIDATE })).toContain(title);
    const home = await openHome(app, CANDIDATE);
    expect(textOf(homeSection(home, 'Your referral requests'))).toContain(title);
    // Nobody else is offered it any more.
    expect(textOf(homeSection(home, 'Recent postings'))).not.toContain(title);
    expect(await askVouchPrivately(app, { text: `list ${company}`, user_id: BYSTANDER })).not.toContain(
      title,
    );
    const share = await suite.db.prisma.share.findFirstOrThrow({ where: { postingId: shared.postingId } });
    expect(share).toMatchObject({ removedAt: expect.any(Date), removedReason: 'mistake' });

    // A click on the posting from elsewhere redraws its cards: the removed one is not brought back.
    await allWorkDone(app);
    const updatesBefore = app.slack.calls('chat.update').length;
    await clickButton(app, { user: REFERRER, actionId: 'i_can_refer', value: shared.postingId, channel });
    await replyTo(REFERRER, /.+/);
    await allWorkDone(app);
    const updates = app.slack.calls('chat.update').slice(updatesBefore);
    expect(updates.filter((c) => c.args.ts === shared.card.answer?.ts)).toEqual([]);
  });

  it('a workspace admin or owner removes someone else’s card; the export of who removed it is theirs', async () => {
    const { app, db } = suite;
    const byAdmin = await shareJob('Spam Engineer');
    const byOwner = await shareJob('More Spam Engineer');
    await removeCard(app, { user: ADMIN, card: byAdmin.card, reason: 'spam' });
    await removeCard(app, { user: OWNER, card: byOwner.card });
    await replyTo(ADMIN, /Card removed/);
    await replyTo(OWNER, /Card removed/);
    await allWorkDone(app);
    expect(
      deletes()
        .map((c) => c.args.ts)
        .sort(),
    ).toEqual([byAdmin.card.answer?.ts, byOwner.card.answer?.ts].sort());

    const memberData = createMemberData({ db: db.prisma, provider: kind, logger: createLogger('silent') });
    const exported = await memberData.exportMember(FAKE_TEAM_ID, ADMIN);
    expect(exported?.cardsYouRemoved).toEqual([
      expect.objectContaining({
        posting: expect.objectContaining({ title: 'Spam Engineer' }),
        channelId: channel,
        reason: 'spam',
      }),
    ]);
  });

  it('anyone else is told who can remove it, and the card stays', async () => {
    const { app, db } = suite;
    const shared = await shareJob('Keeper Engineer');
    await removeCard(app, { user: BYSTANDER, card: shared.card });
    const refusal = await replyTo(BYSTANDER, /can remove it/);
    expect(refusal.args.text).toBe(
      'Only the member who shared this card, or a workspace admin, can remove it.',
    );
    await allWorkDone(app);
    expect(deletes()).toEqual([]);
    const share = await db.prisma.share.findFirstOrThrow({ where: { postingId: shared.postingId } });
    expect(share.removedAt).toBeNull();
  });

  it('a removal whose delete failed once is done by its retry, and a second click or a repeat does nothing more', async () => {
    const { app } = suite;
    const shared = await shareJob('Retried Removal Engineer');
    app.slack.fail('chat.delete', { kind: 'slack_error', error: 'internal_error' });
    await removeCard(app, { user: SHARER, card: shared.card, actionTs: '1700000000.000777' });
    await replyTo(SHARER, /Card removed/);
    await app.slack.waitFor('chat.delete', (c) => c.failed === undefined, 15_000);
    // The same click delivered again, and a click on a card still shown somewhere.
    await removeCard(app, { user: SHARER, card: shared.card, actionTs: '1700000000.000777' });
    await removeCard(app, { user: SHARER, card: shared.card });
    await replyTo(SHARER, /already removed/);
    await allWorkDone(app);
    expect(deletes().map((c) => c.failed ?? 'ok')).toEqual(['internal_error', 'ok']);
    expect(
      app.slack
        .calls('chat.postEphemeral')
        .filter((c) => c.args.user === SHARER && c.args.channel === channel),
    ).toHaveLength(2);
  });

  it('a removed thread card is not posted again when Slack sends its message again', async () => {
    const { app, board } = suite;
    const url = board.job(`/jobs/moderation-thread-${suite.freshNumber()}`, {
      title: 'Thread Removal Engineer',
      company: 'Threadmod',
    });
    const message = channelMessageEvent({ channel, user: SHARER, text: `Hiring: <${url}>` });
    await app.requests.eventCallback(message);
    const card = await app.slack.waitFor('chat.postMessage', (c) => c.args.channel === channel, 10_000);
    await removeCard(app, { user: SHARER, card });
    await app.slack.waitFor('chat.delete', () => true, 10_000);

    await app.requests.eventCallback(message);
    await allWorkDone(app);
    expect(postsTo(app, channel)).toHaveLength(1);
  });
});

describeEachDatabase('channel settings: cards on or off', (kind) => {
  const suite = useSlackFlowSuite(kind);
  const MEMBER = 'U0CHMEMBER';
  const OUTSIDER = 'U0CHOUTSIDER';
  let channel = '';

  beforeEach(() => {
    channel = `C0CHSET${suite.freshNumber()}`;
    suite.app.slack.respond('conversations.members', () => ({
      members: [MEMBER],
      response_metadata: { next_cursor: '' },
    }));
  });

  /** `/vouch <text>` in this test's channel as `user`: what they read. */
  function ask(user: string, text: string, fields: Record<string, string> = {}): Promise<string> {
    return askVouchPrivately(suite.app, { text, user_id: user, channel_id: channel, ...fields });
  }

  /** A job link posted in this test's channel; resolves once Vouch did all it was going to. */
  async function postJobLink(): Promise<void> {
    const url = suite.board.job(`/jobs/channel-settings-${suite.freshNumber()}`, {
      title: 'Setting Engineer',
      company: 'Setco',
    });
    await suite.app.requests.eventCallback(channelMessageEvent({ channel, user: MEMBER, text: `<${url}>` }));
    await allWorkDone(suite.app);
  }

  it('cards off: a job link gets no card reply; on again: it does', async () => {
    expect(await ask(MEMBER, 'channel')).toContain('*Cards: on* (the workspace default)');
    expect(await ask(MEMBER, 'channel cards off')).toContain('Cards are now *off* in this channel.');
    await postJobLink();
    expect(postsTo(suite.app, channel)).toEqual([]);

    expect(await ask(MEMBER, 'channel cards on')).toContain('Cards are now *on*');
    await postJobLink();
    expect(postsTo(suite.app, channel)).toHaveLength(1);
    expect(await ask(MEMBER, 'channel')).toContain('*Cards: on* (set for this channel)');
  });

  it('someone not in the channel cannot change it', async () => {
    expect(await ask(OUTSIDER, 'channel cards off')).toContain('Only members of this channel can change');
    expect(await ask(OUTSIDER, 'channel')).toContain('*Cards: on*');
    await postJobLink();
    expect(postsTo(suite.app, channel)).toHaveLength(1);
  });

  it('help shows the channel’s settings when asked in a channel, not in a DM', async () => {
    await ask(MEMBER, 'channel cards off');
    expect(await ask(MEMBER, 'help')).toContain('*This channel:* cards off');
    expect(await ask(MEMBER, 'help', { channel_id: 'D0VOUCHDM' })).not.toContain('This channel');
    expect(await ask(MEMBER, 'channel', { channel_id: 'D0VOUCHDM' })).toContain(
      'run `/vouch channel` in the channel',
    );
  });

  it('are erased with the workspace', async () => {
    const { app, db } = suite;
    const team = 'T0CHGONE';
    await ask(MEMBER, 'channel cards off', { team_id: team });
    expect(await db.prisma.channelSetting.count({ where: { workspaceId: team } })).toBe(1);
    await app.requests.eventCallback({ type: 'app_uninstalled' }, { teamId: team });
    await expect
      .poll(() => db.prisma.channelSetting.count({ where: { workspaceId: team } }), { timeout: 10_000 })
      .toBe(0);
  });
});
