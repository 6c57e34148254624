import { expect, it } from 'vitest';
import {
  actionIdsOf,
  homeSection,
  stringsMentioning,
  textOf,
  textsOf,
  viewBlocksOf,
} from '../../helpers/slack-blocks.js';
import {
  askVouch,
  expressInterest,
  offerAndAccept,
  openHome,
  shareJobByCommand,
  waitForDm,
  waitForHome,
} from '../../helpers/slack-flows.js';
import { CANDIDATE, CHANNEL, REFERRER, SHARER } from '../../helpers/slack-members.js';
import { appHomeOpened, homeAction } from '../../helpers/slack-payloads.mjs';
import type { TestApp } from '../../helpers/start-test-app.js';
import { useSlackSuite } from '../../helpers/suite-app.js';
import { describeEachDatabase } from '../../helpers/test-database.js';
import { notAJobPage } from '../../helpers/web-pages.js';

/** `candidate` asks anyone who can refer; done once both Homes show the posting. */
async function expressInterestAskingAnyone(
  app: TestApp,
  postingId: string,
  candidate: string,
): Promise<void> {
  const form = { note: 'I built their search stack before', referrer: 'anyone' };
  await expressInterest(app, { postingId, user: candidate, channel: CHANNEL }, form);
  // Both Homes are republished last: the submission's work is done.
  await waitForHome(app, candidate, { including: postingId });
  await waitForHome(app, REFERRER, { including: 'Someone' });
}

describeEachDatabase('App Home', (kind) => {
  const suite = useSlackSuite(kind);

  it('publishes the Home view when a member opens the Home tab', async () => {
    const { app } = suite;
    const blocks = await openHome(app, 'U0NEWBIE');
    const call = app.slack.calls('views.publish')[0];
    expect(call?.args.view).toMatchObject({ type: 'home' });
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Vouch: job referrals' } });
    for (const heading of [
      'Waiting on you',
      'Your referral requests',
      'Companies you can refer at',
      'Recent postings',
    ]) {
      expect(textsOf(blocks)).toContain(`*${heading}*`);
    }
    expect(textOf(homeSection(blocks, 'Waiting on you'))).toContain('Nothing is waiting on you');
    expect(blocks.length).toBeLessThanOrEqual(100);
  });

  it('does not publish anything when the Messages tab is opened', async () => {
    const { app } = suite;
    await app.requests.eventCallback({ ...appHomeOpened('U0MSGTAB'), tab: 'messages' });
    await openHome(app, 'U0CONTROL');
    expect(app.slack.calls('views.publish').map((c) => c.args.user_id)).toEqual(['U0CONTROL']);
  });

  it("lists the candidate's request, and shows the referrer an anonymous invitation until the candidate accepts", async () => {
    const { app, board } = suite;
    await askVouch(app, { text: 'refer-at Homeco', user_id: REFERRER });
    const url = board.job('/jobs/home-1', { title: 'Home Screen Engineer', company: 'Homeco' });
    const { postingId } = await shareJobByCommand(app, { url, channel: CHANNEL, user: SHARER });
    await expressInterestAskingAnyone(app, postingId, CANDIDATE);

    const candidateHome = await openHome(app, CANDIDATE);
    const mine = homeSection(candidateHome, 'Your referral requests');
    expect(textOf(mine)).toContain('Home Screen Engineer');
    expect(textOf(mine)).toMatch(/requested/i);
    expect(actionIdsOf(mine, { withAccessories: true })).toContain('status_update:withdrawn');
    expect(stringsMentioning(homeSection(candidateHome, 'Waiting on you'), 'Home Screen Engineer')).toEqual(
      [],
    );

    // Before the candidate accepts: what and where, never who, never the note.
    const invited = homeSection(await openHome(app, REFERRER), 'Waiting on you');
    expect(textOf(invited)).toContain('Home Screen Engineer');
    expect(textOf(invited)).toContain(`Someone in <#${CHANNEL}> is interested`);
    expect(stringsMentioning(invited, CANDIDATE)).toEqual([]);
    expect(stringsMentioning(invited, 'I built their search stack before')).toEqual([]);
    expect(actionIdsOf(invited, { withAccessories: true })).toEqual([
      'offer_to_refer',
      'status_update:declined',
    ]);

    // The referrer offers, the candidate accepts: now the referrer sees who, and the note.
    await offerAndAccept(app, { referrer: REFERRER, candidate: CANDIDATE, title: 'Home Screen Engineer' });
    const referrerHome = await openHome(app, REFERRER);
    const waiting = homeSection(referrerHome, 'Waiting on you');
    const waitingText = textOf(waiting);
    expect(waitingText).toContain(`<@${CANDIDATE}>`);
    expect(waitingText).toContain('Home Screen Engineer');
    expect(waitingText).toContain('I built their search stack before');
    expect(actionIdsOf(waiting, { withAccessories: true })).toEqual(
      expect.arrayContaining(['status_update:referred', 'status_update:declined']),
    );
    const companies = homeSection(referrerHome, 'Companies you can refer at');
    expect(textOf(companies)).toContain('Homeco');
    expect(textOf(homeSection(referrerHome, 'Recent postings'))).toContain('Home Screen Engineer');
  });

  it('lets the referrer act from Home: "I referred them" moves the referral and refreshes both Homes', async () => {
    const { app } = suite;
    const referrerHome = await openHome(app, REFERRER);
    const referred = homeSection(referrerHome, 'Waiting on you')
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'status_update:referred');
    expect(referred?.value).toBeDefined();
    app.slack.reset();

    await app.requests.interaction(
      homeAction({ user: REFERRER, actionId: 'status_update:referred', value: String(referred?.value) }),
    );
    const candidateHome = await app.slack.waitFor(
      'views.publish',
      (c) =>
        c.args.user_id === CANDIDATE &&
        /referred/i.test(textOf(homeSection(viewBlocksOf(c), 'Your referral requests'))),
      10_000,
    );
    expect(textOf(homeSection(viewBlocksOf(candidateHome), 'Your referral requests'))).toContain(
      `<@${REFERRER}>`,
    );
    await waitForHome(app, REFERRER);
    // The candidate hears about it in a DM.
    await waitForDm(app, CANDIDATE);
  });

  it('ends a request the only invited referrer declined: the candidate is told, the invitation goes', async () => {
    const { app, board } = suite;
    const url = board.job('/jobs/home-decline', { title: 'Declined Engineer', company: 'Homeco' });
    const { postingId } = await shareJobByCommand(app, { url, channel: CHANNEL, user: SHARER });
    await expressInterestAskingAnyone(app, postingId, 'U0DECLINED');
    const waiting = homeSection(await openHome(app, REFERRER), 'Waiting on you');
    const row = waiting.findIndex((b) => textOf(b).includes('Declined Engineer'));
    const buttons = waiting[row + 1]?.elements ?? [];
    const declineValue = buttons.find((e) => e.action_id === 'status_update:declined')?.value;
    expect(declineValue).toBeDefined();
    app.slack.reset();

    await app.requests.interaction(
      homeAction({ user: REFERRER, actionId: 'status_update:declined', value: String(declineValue) }),
    );
    // The candidate is told, kindly.
    await waitForDm(app, 'U0DECLINED');
    const after = await waitForHome(app, REFERRER);
    const stillWaiting = homeSection(viewBlocksOf(after), 'Waiting on you');
    expect(stringsMentioning(stillWaiting, 'Declined Engineer')).toEqual([]);
    // Still listed under the candidate's own requests, with its final status.
    const candidateHome = await openHome(app, 'U0DECLINED');
    expect(textOf(homeSection(candidateHome, 'Your referral requests'))).toContain('Declined Engineer');
    expect(textOf(homeSection(candidateHome, 'Your referral requests'))).toMatch(/declined/i);
  });

  it('removes a company from the directory with the Home "Remove" button', async () => {
    const { app } = suite;
    await askVouch(app, { text: 'refer-at Removable Corp', user_id: 'U0REMOVER' });
    // refer-at republishes the Home itself: let that land before opening the tab.
    await waitForHome(app, 'U0REMOVER');
    const before = await openHome(app, 'U0REMOVER');
    const remove = homeSection(before, 'Companies you can refer at').find(
      (b) => b.accessory?.action_id === 'home_remove_company',
    );
    expect(remove?.accessory?.value).toBe('Removable Corp');
    app.slack.reset();

    await app.requests.interaction(
      homeAction({ user: 'U0REMOVER', actionId: 'home_remove_company', value: 'Removable Corp' }),
    );
    const after = await waitForHome(app, 'U0REMOVER');
    const companies = homeSection(viewBlocksOf(after), 'Companies you can refer at');
    expect(stringsMentioning(companies, 'Removable Corp')).toEqual([]);
    const referrers = await askVouch(app, { text: 'referrers Removable Corp', user_id: SHARER });
    expect(stringsMentioning(referrers.blocks, 'U0REMOVER')).toEqual([]);
  });

  it('lists only job postings under Recent postings, not other links that were shared', async () => {
    const { app, board } = suite;
    const page = board.route('/home-blog', notAJobPage({ title: 'Company picnic photos', text: 'Fun.' }));
    await app.requests.command({ text: page, user_id: SHARER, channel_id: CHANNEL });
    await app.slack.waitFor('response_url', (c) => c.args.replace_original === true, 10_000);
    const recent = homeSection(await openHome(app, SHARER), 'Recent postings');
    expect(stringsMentioning(recent, 'Company picnic photos')).toEqual([]);
    expect(textOf(recent)).toContain('Home Screen Engineer');
  });
});
