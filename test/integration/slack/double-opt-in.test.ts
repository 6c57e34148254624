import { expect, it } from 'vitest';
import { encodeRelationship, encodeStatusUpdate } from '../../../src/slack/blocks/action-values.js';
import type { RecordedCall } from '../../helpers/fake-slack-api.mjs';
import { dmChannelOf, dmsTo, stringsMentioning, textOf, viewBlocksOf } from '../../helpers/slack-blocks.js';
import {
  askVouch,
  type ButtonClick,
  clickButton,
  expressInterest,
  offerAndAccept,
  offerToRefer,
  shareJobPage,
  waitForDm,
  waitForHome,
} from '../../helpers/slack-flows.js';
import { CHANNEL, SHARER } from '../../helpers/slack-members.js';
import { appHomeOpened } from '../../helpers/slack-payloads.mjs';
import { useSlackFlowSuite } from '../../helpers/suite-app.js';
import { describeEachDatabase } from '../../helpers/test-database.js';

/**
 * Issue #11's scenarios, tried as a curious member would, with requests their own Slack client could
 * send: nobody learns who is interested unless that person chose to say so.
 */
const BOB = 'U0BOBREFERS';
const CAROL = 'U0CAROLREFERS';
const DAVE = 'U0DAVELOOKS';
const EVE = 'U0EVECURIOUS';
const MALLORY = 'U0MALLORY';
const NOTE = 'Quietly looking: please keep this between us';

describeEachDatabase('double opt-in and authorization', (kind) => {
  const suite = useSlackFlowSuite(kind);

  /** A fresh company with Bob as its referrer, a posting there, and Dave asking anyone, with a note. */
  async function daveAsksAnyone(extraReferrers: string[] = []) {
    const { app, board, db } = suite;
    const n = suite.freshNumber();
    const company = `Acme ${kind} ${n}`;
    const title = `Platform Engineer ${kind} ${n}`;
    const card = await shareJobPage(app, board, {
      path: `/jobs/optin-${kind}-${n}`,
      title,
      company,
      channel: CHANNEL,
      sharer: SHARER,
      referrers: [BOB, ...extraReferrers],
    });
    await expressInterest(
      app,
      { postingId: card.postingId, user: DAVE, channel: CHANNEL },
      { note: NOTE, referrer: 'anyone' },
    );
    await waitForDm(app, DAVE, { matching: /without your name/ });
    const referral = await db.prisma.referral.findFirstOrThrow({
      where: { postingId: card.postingId },
      include: { candidate: true },
    });
    expect(referral.candidate.slackUserId).toBe(DAVE);
    return { ...card, title, company, referralId: referral.id };
  }

  /** `click.user` clicks in their DM with the bot and is refused: an ephemeral to them matching `answer`. */
  async function refusedClick(click: Omit<ButtonClick, 'channel'>, answer: RegExp) {
    await clickButton(suite.app, { ...click, channel: dmChannelOf(click.user) });
    await suite.app.slack.waitFor(
      'chat.postEphemeral',
      (c) => c.args.user === click.user && answer.test(textOf(c.args)),
    );
  }

  /** How many offer rows `member` has on the referral: 1 once the request reached them. */
  const offersOf = (referralId: string, member: string) =>
    suite.db.prisma.referralOffer.count({ where: { referralId, referrer: { slackUserId: member } } });

  /** The status of `member`'s own part in the request (their offer row); undefined while none. */
  const partOf = async (referralId: string, member: string) =>
    (
      await suite.db.prisma.referralOffer.findFirst({
        where: { referralId, referrer: { slackUserId: member } },
      })
    )?.status;

  /** The status of the request itself. */
  const statusOf = async (referralId: string) =>
    (await suite.db.prisma.referral.findUniqueOrThrow({ where: { id: referralId } })).status;

  /**
   * What the bot sent to `user` in this test (DMs, ephemerals, Home tabs) that names Dave or carries
   * his note, about the job titled `title` (a Home tab also lists earlier tests' referrals).
   */
  function leaksTo(
    user: string,
    title: string,
    calls: readonly RecordedCall[] = suite.app.slack.calls(),
  ): string[] {
    const channel = dmChannelOf(user);
    const theirs = calls.filter(
      (c) => c.args.channel === channel || c.args.user === user || c.args.user_id === user,
    );
    return theirs
      .flatMap((c) => [...stringsMentioning(c.args, DAVE), ...stringsMentioning(c.args, NOTE)])
      .filter((text) => text.includes(title) || !/Engineer/.test(text));
  }

  async function openHome(user: string) {
    const { app } = suite;
    const before = app.slack.calls('views.publish').length;
    await app.requests.eventCallback(appHomeOpened(user));
    const call = await app.slack.waitFor(
      'views.publish',
      (c) => c.args.user_id === user && app.slack.calls('views.publish').indexOf(c) >= before,
    );
    return viewBlocksOf(call);
  }

  it('tells the referrers of an open request that someone is interested, never who, and not the note', async () => {
    const { app } = suite;
    const { title } = await daveAsksAnyone();
    const invitation = await waitForDm(app, BOB, { matching: /is interested in/ });
    expect(textOf(invitation.args)).toContain(`Someone in <#${CHANNEL}> is interested in`);
    expect(textOf(invitation.args)).toContain(title);
    expect(leaksTo(BOB, title)).toEqual([]);
  });

  it('shows a member who claims "I can refer" after the request only an anonymous invitation, on every surface', async () => {
    const { app } = suite;
    const { postingId, title, referralId } = await daveAsksAnyone();
    await clickButton(app, {
      user: EVE,
      actionId: 'i_can_refer',
      value: postingId,
      channel: CHANNEL,
    });
    // Eve is invited the same anonymous way the referrers before her were.
    await waitForDm(app, EVE, { matching: new RegExp(`is interested in .*${title}`) });
    await expect.poll(() => offersOf(referralId, EVE)).toBe(1);

    // Every surface Eve can reach: her Home, `mine`, `list`, `stats`, the Details modal, her export.
    const home = await openHome(EVE);
    expect(textOf(home)).toContain(title);
    for (const text of ['mine', 'list', 'stats', 'export']) await askVouch(app, { text, user_id: EVE });
    await clickButton(app, {
      user: EVE,
      actionId: 'details',
      value: postingId,
      channel: CHANNEL,
    });
    await app.slack.waitFor('views.open', (c) => textOf(c.args).includes(title));
    await app.slack.waitFor('files.completeUploadExternal', () => true);
    const exported = app.slack.uploads().map((file) => file.bytes.toString('utf8'));
    expect(exported.join('\n')).not.toContain(DAVE);
    expect(exported.join('\n')).not.toContain(NOTE);
    expect(leaksTo(EVE, title)).toEqual([]);
    // The channel's card counts Dave, and names nobody (he did not choose to show his name).
    const channelCalls = app.slack.calls().filter((c) => c.args.channel === CHANNEL);
    expect(channelCalls.flatMap((c) => stringsMentioning(c.args, DAVE))).toEqual([]);
    // The response_url answers (`mine`, `list`, `stats`) went to Eve alone: none names Dave.
    expect(app.slack.calls('response_url').flatMap((c) => stringsMentioning(c.args, DAVE))).toEqual([]);
  });

  it("lets a referrer's decline end their own part only, and refuses anyone else's", async () => {
    const { app } = suite;
    const { postingId, referralId } = await daveAsksAnyone();
    await clickButton(app, {
      user: EVE,
      actionId: 'i_can_refer',
      value: postingId,
      channel: CHANNEL,
    });
    await expect.poll(() => offersOf(referralId, EVE)).toBe(1);
    const decline = encodeStatusUpdate({ referralId, to: 'declined' });

    // Mallory, who cannot refer there, sends the decline button's value: refused, nothing changes.
    await refusedClick({ user: MALLORY, actionId: 'decline', value: decline }, /not yours|Only/);

    // Eve, invited, declines: her part ends; the request stays open for Bob, and Dave hears nothing.
    const dmsToDave = dmsTo(app, DAVE).length;
    await clickButton(app, { user: EVE, actionId: 'decline', value: decline, channel: dmChannelOf(EVE) });
    await expect.poll(() => partOf(referralId, EVE)).toBe('declined');
    expect(await statusOf(referralId)).toBe('requested');
    expect(dmsTo(app, DAVE)).toHaveLength(dmsToDave);
    expect(await partOf(referralId, BOB)).toBe('invited');
  });

  it('ends the request when every referrer it reached declined, and tells the candidate', async () => {
    const { app } = suite;
    const { referralId } = await daveAsksAnyone([CAROL]);
    const decline = encodeStatusUpdate({ referralId, to: 'declined' });
    await clickButton(app, { user: BOB, actionId: 'decline', value: decline, channel: dmChannelOf(BOB) });
    await expect.poll(() => partOf(referralId, BOB)).toBe('declined');
    expect(await statusOf(referralId)).toBe('requested');

    await clickButton(app, { user: CAROL, actionId: 'decline', value: decline, channel: dmChannelOf(CAROL) });
    await expect.poll(() => statusOf(referralId)).toBe('declined');
    await waitForDm(app, DAVE, { matching: /declined|can't refer/i });
  });

  it('shows the name and note only to the referrer the candidate accepted', async () => {
    const { app, db } = suite;
    const { title, referralId } = await daveAsksAnyone([CAROL]);
    const request = await offerAndAccept(app, { referrer: BOB, candidate: DAVE, title });
    expect(textOf(request.args)).toContain(`<@${DAVE}>`);
    expect(textOf(request.args)).toContain(NOTE);
    // Carol offered nothing: still anonymous to her, everywhere.
    await waitForHome(app, BOB);
    expect(leaksTo(CAROL, title)).toEqual([]);
    const carolHome = await openHome(CAROL);
    expect(stringsMentioning(carolHome, DAVE)).toEqual([]);
    // Carol offers too, but Dave has not accepted her: she still does not know.
    await offerToRefer(app, CAROL, title);
    await waitForDm(app, DAVE, { matching: new RegExp(`<@${CAROL}> offered to refer you`) });
    expect(leaksTo(CAROL, title)).toEqual([]);
    const offers = await db.prisma.referralOffer.findMany({
      where: { referralId },
      include: { referrer: true },
    });
    expect(Object.fromEntries(offers.map((o) => [o.referrer.slackUserId, o.status]))).toEqual({
      [BOB]: 'accepted',
      [CAROL]: 'offered',
    });
  });

  it('refuses an offer from a member the request never reached, and an acceptance by anyone but the candidate', async () => {
    const { app, db } = suite;
    const { title, referralId } = await daveAsksAnyone();
    await refusedClick({ user: MALLORY, actionId: 'offer_to_refer', value: referralId }, /not open to you/);
    expect(await offersOf(referralId, MALLORY)).toBe(0);

    await offerToRefer(app, BOB, title);
    await expect
      .poll(() => db.prisma.referralOffer.count({ where: { referralId, status: 'offered' } }))
      .toBe(1);
    const offer = await db.prisma.referralOffer.findFirstOrThrow({
      where: { referralId, status: 'offered' },
    });
    await refusedClick({ user: BOB, actionId: 'accept_offer', value: offer.id }, /Only the candidate/);
    expect((await db.prisma.referralOffer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe(
      'offered',
    );
    expect(leaksTo(BOB, title)).toEqual([]);
  });

  it("does not let anyone but the accepted referrer write 'how do you know them' on a referral", async () => {
    const { db } = suite;
    const { referralId } = await daveAsksAnyone();
    const value = encodeRelationship({ referralId, relationship: 'worked_closely' });
    // Any answer will do: what matters is that nothing was written.
    await refusedClick(
      { user: MALLORY, actionId: 'referrer_relationship', value, actionType: 'static_select' },
      /.*/,
    );
    const referral = await db.prisma.referral.findUniqueOrThrow({ where: { id: referralId } });
    expect(referral.referrerRelationship).toBeNull();
  });

  it('sends a request to a named referrer to that person alone', async () => {
    const { app, board } = suite;
    const n = suite.freshNumber();
    const card = await shareJobPage(app, board, {
      path: `/jobs/named-${kind}-${n}`,
      title: `Named Engineer ${n}`,
      company: `Named ${kind} ${n}`,
      channel: CHANNEL,
      sharer: SHARER,
      referrers: [BOB, CAROL],
    });
    app.slack.reset();
    await expressInterest(
      app,
      { postingId: card.postingId, user: DAVE, channel: CHANNEL },
      { note: NOTE, referrer: CAROL },
    );
    const request = await waitForDm(app, CAROL, { matching: /asked you for a referral/ });
    expect(textOf(request.args)).toContain(NOTE);
    await waitForDm(app, DAVE, { matching: /We asked/ });
    expect(dmsTo(app, BOB)).toEqual([]);
  });
});
