import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../../helpers/fake-slack-api.mjs';
import {
  actionIdsOf,
  type Block,
  blocksOf,
  channelMessages,
  homeSection,
  stringsMentioning,
  textOf,
  viewBlocksOf,
} from '../../helpers/slack-blocks.js';
import {
  askVouch,
  askVouchPrivately,
  expectStillServing,
  expressInterest,
  offerAndAccept,
  type SharedCard,
  shareJobByCommand,
  waitForDm,
} from '../../helpers/slack-flows.js';
import { CANDIDATE, CHANNEL, REFERRER, SHARER } from '../../helpers/slack-members.js';
import { startTestApp, type TestApp } from '../../helpers/start-test-app.js';
import { useSlackSuite } from '../../helpers/suite-app.js';
import { describeEachDatabase } from '../../helpers/test-database.js';
import { notAJobPage } from '../../helpers/web-pages.js';

/** The answer that replaces "Reading that job posting…" once a shared link is done. */
const isFinalAnswer = (call: RecordedCall) => call.args.replace_original === true;

let postedCounter = 0;
const postedTs = new Map<RecordedCall, string>();

/**
 * Answers chat.postMessage like Slack (and like the fake's default) while remembering the ts each
 * call got, so a test can tell which message a later chat.update targets.
 */
function trackPostedTs(app: TestApp): void {
  app.slack.respond('chat.postMessage', (args, call) => {
    postedCounter += 1;
    const ts = `${1_800_000_000 + postedCounter}.000200`;
    postedTs.set(call, ts);
    return { channel: args.channel, ts, message: { ...args, ts, type: 'message' } };
  });
}

function tsOf(call: RecordedCall): string {
  const ts = postedTs.get(call);
  if (ts === undefined) throw new Error('no ts recorded for this chat.postMessage');
  return ts;
}

/** Click "I'm interested" on the card, submit the modal asking anyone, and wait for the candidate's DM. */
async function expressInterestOnCard(
  app: TestApp,
  shared: SharedCard,
  candidate: string,
  options: { showName?: boolean; note?: string } = {},
): Promise<void> {
  await expressInterest(
    app,
    {
      postingId: shared.postingId,
      user: candidate,
      channel: CHANNEL,
      messageTs: tsOf(shared.card),
      responseUrl: app.slack.responseUrl(`click-${candidate}`),
    },
    { note: options.note ?? 'hi', referrer: 'anyone', showName: options.showName ?? false },
  );
  // The candidate's confirmation (or "no referrer yet") DM ends the submission's work.
  await waitForDm(app, candidate, { textMatching: /interest|referr/i });
}

describeEachDatabase('/vouch', (kind) => {
  const suite = useSlackSuite(kind);
  beforeEach(() => trackPostedTs(suite.app));

  it('answers `help` with the list of subcommands, only to the caller', async () => {
    const { app } = suite;
    const text = await askVouchPrivately(app, { text: 'help' });
    for (const sub of ['list [company]', 'mine', 'refer-at <company>', 'referrers <company>', 'stats']) {
      expect(text).toContain(sub);
    }
    expect(app.slack.calls('chat.postMessage')).toHaveLength(0);
  });

  it('answers text it does not understand with help, echoing that text', async () => {
    const { app } = suite;
    const text = await askVouchPrivately(app, { text: 'frobnicate the widgets' });
    expect(text).toContain("didn't understand");
    expect(text).toContain('frobnicate the widgets');
    expect(text).toContain('refer-at <company>');
  });

  it('shares `<url> note`: acks within 3 s while the board is slow, posts the card, then confirms', async () => {
    const { app, board } = suite;
    const url = board.job(
      '/jobs/slow-ml',
      {
        title: 'Senior ML Engineer',
        company: 'Slowboard Inc',
        salary: { min: 150000, max: 190000, currency: 'USD' },
      },
      { delayMs: 2_000 },
    );
    const reading = await askVouch(app, {
      text: `${url} Great team, ask me anything`,
      user_id: SHARER,
      channel_id: CHANNEL,
    });
    expect(reading.response.elapsedMs).toBeLessThan(3_000);
    expect(reading.response_type).toBe('ephemeral');
    expect(reading.text).toMatch(/reading/i);

    const card = await app.slack.waitFor('chat.postMessage', (c) => c.args.channel === CHANNEL, 10_000);
    const blocks = blocksOf(card);
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Senior ML Engineer' } });
    const text = textOf(blocks);
    expect(text).toContain('Slowboard Inc');
    expect(text).toContain('Great team, ask me anything');
    expect(text).toContain(`<@${SHARER}>`);
    expect(actionIdsOf(blocks)).toEqual(
      expect.arrayContaining(['i_can_refer', 'im_interested', 'details', 'tag_someone']),
    );

    const final = await app.slack.waitFor('response_url', isFinalAnswer, 10_000);
    expect(final.args).toMatchObject({ response_type: 'ephemeral' });
    expect(String(final.args.text)).toMatch(/shared/i);
    expect(final.at).toBeGreaterThanOrEqual(card.at);
  });

  it('explains a link that is not a job posting and shows a plain card, posting nothing in the channel', async () => {
    const { app, board } = suite;
    const url = board.route(
      '/about-us',
      notAJobPage({ title: 'About Plainco', description: 'We make plain things', text: 'Hello there.' }),
    );
    expect((await askVouch(app, { text: url, user_id: SHARER, channel_id: CHANNEL })).text).toMatch(
      /reading/i,
    );
    const answer = await app.slack.waitFor('response_url', isFinalAnswer, 10_000);
    expect(answer.args.response_type).toBe('ephemeral');
    expect(String(answer.args.text)).toMatch(/does not look like a job posting/);
    const blocks = answer.args.blocks as Block[];
    expect(textOf(blocks)).toContain('About Plainco');
    expect(actionIdsOf(blocks)).toEqual([]);
    expect(channelMessages(app)).toHaveLength(0);
  });

  it('explains a link it may not fetch (a private address) without sending any traffic or crashing', async () => {
    const { app } = suite;
    const url = 'http://10.255.255.1/jobs/1';
    const response = await app.requests.command({ text: url, user_id: SHARER, channel_id: CHANNEL });
    expect(response.status).toBe(200);
    const answer = await app.slack.waitFor('response_url', isFinalAnswer, 10_000);
    expect(answer.args.response_type).toBe('ephemeral');
    expect(String(answer.args.text)).toMatch(/could not read that page/i);
    expect(textOf(answer.args.blocks)).toContain('10.255.255.1');
    expect(channelMessages(app)).toHaveLength(0);
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
  });

  it('explains a job board that answers 500, and keeps serving', async () => {
    const { app, board } = suite;
    const url = board.route('/jobs/broken', {
      status: 500,
      contentType: 'text/html',
      body: '<html>oops</html>',
    });
    await app.requests.command({ text: url, user_id: SHARER, channel_id: CHANNEL });
    const answer = await app.slack.waitFor('response_url', isFinalAnswer, 10_000);
    expect(String(answer.args.text)).toMatch(/could not read that page \(.*500/i);
    expect(channelMessages(app)).toHaveLength(0);
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
  });

  it('keeps the who-can-refer directory: refer-at, referrers, refer-at remove', async () => {
    const { app } = suite;
    const before = await askVouch(app, { text: 'referrers Acme', user_id: SHARER });
    expect(before.text).toMatch(/nobody can refer at acme/i);

    const added = await askVouch(app, { text: 'refer-at Acme', user_id: REFERRER });
    expect(added.response_type).toBe('ephemeral');
    expect(added.text).toMatch(/you can refer at \*Acme\*/);
    const again = await askVouch(app, { text: 'refer-at acme', user_id: REFERRER });
    expect(again.text).toMatch(/already listed/);
    // The referrer's Home now lists the company.
    const home = await app.slack.waitFor('views.publish', (c) => c.args.user_id === REFERRER);
    expect(textOf(homeSection(viewBlocksOf(home), 'Companies you can refer at'))).toContain('Acme');

    const listed = await askVouch(app, { text: 'referrers ACME', user_id: SHARER });
    expect(textOf(listed.blocks)).toContain(`<@${REFERRER}>`);

    const removed = await askVouch(app, { text: 'refer-at remove Acme', user_id: REFERRER });
    expect(removed.text).toMatch(/no longer listed as a referrer at \*Acme\*/);
    const after = await askVouch(app, { text: 'referrers Acme', user_id: SHARER });
    expect(stringsMentioning(after.blocks, REFERRER)).toEqual([]);
    const removedTwice = await askVouch(app, { text: 'refer-at remove Acme', user_id: REFERRER });
    expect(removedTwice.text).toMatch(/weren't listed/);
  });

  it('answers `refer-at` with a name that has no letters or digits with an explanation', async () => {
    const { app } = suite;
    const answer = await askVouch(app, { text: 'refer-at !!!', user_id: REFERRER });
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toMatch(/company name/i);
    await expectStillServing(app);
  });

  it('keeps companies whose names are not in Latin letters in the directory', async () => {
    const { app } = suite;
    const added = await askVouch(app, { text: 'refer-at Яндекс', user_id: REFERRER });
    expect(added.text).toMatch(/you can refer at \*Яндекс\*/);
    const listed = await askVouch(app, { text: 'referrers Яндекс', user_id: SHARER });
    expect(textOf(listed.blocks)).toContain(`<@${REFERRER}>`);
  });

  it('lists open postings, all of them or one company', async () => {
    const { app, board } = suite;
    const globex = board.job('/jobs/globex-sre', { title: 'Site Reliability Engineer', company: 'Globex' });
    const initech = board.job('/jobs/initech-pm', { title: 'Product Manager', company: 'Initech' });
    await shareJobByCommand(app, { url: globex, channel: CHANNEL, user: SHARER });
    await shareJobByCommand(app, { url: initech, channel: CHANNEL, user: SHARER });

    const all = textOf((await askVouch(app, { text: 'list' })).blocks);
    expect(all).toContain('Site Reliability Engineer');
    expect(all).toContain('Product Manager');

    const onlyGlobex = (await askVouch(app, { text: 'list globex' })).blocks;
    expect(textOf(onlyGlobex)).toContain('Site Reliability Engineer');
    expect(stringsMentioning(onlyGlobex, 'Product Manager')).toEqual([]);

    const nobody = await askVouch(app, { text: 'list Umbrella Corp' });
    expect(textOf(nobody.blocks)).toContain('No open postings');
  });

  it('does not list pages that are not job postings among the open postings', async () => {
    const { app, board } = suite;
    const notJob = board.route('/careers-blog', notAJobPage({ title: 'Our careers blog', text: 'Stories.' }));
    await app.requests.command({ text: notJob, user_id: SHARER, channel_id: CHANNEL });
    await app.slack.waitFor('response_url', isFinalAnswer, 10_000);
    const all = (await askVouch(app, { text: 'list' })).blocks;
    expect(stringsMentioning(all, 'Our careers blog')).toEqual([]);
    expect(stringsMentioning(all, 'careers-blog')).toEqual([]);
  });

  it('shows `mine` to the candidate and to the referrer, with the status', async () => {
    const { app, board } = suite;
    const url = board.job('/jobs/mine', { title: 'Backend Engineer', company: 'Minecorp' });
    await askVouch(app, { text: 'refer-at Minecorp', user_id: REFERRER });
    const shared = await shareJobByCommand(app, { url, channel: CHANNEL, user: SHARER });
    await expressInterestOnCard(app, shared, CANDIDATE);

    const asCandidate = textOf((await askVouch(app, { text: 'mine', user_id: CANDIDATE })).blocks);
    expect(asCandidate).toContain('Backend Engineer');
    expect(asCandidate).toMatch(/requested/i);

    // The request reached the referrer anonymously: `mine` does not name the candidate to them…
    const beforeAccepting = textOf((await askVouch(app, { text: 'mine', user_id: REFERRER })).blocks);
    expect(beforeAccepting).not.toContain(CANDIDATE);

    // …until the candidate accepts their offer.
    await offerAndAccept(app, { referrer: REFERRER, candidate: CANDIDATE, title: 'Backend Engineer' });
    const asReferrer = textOf((await askVouch(app, { text: 'mine', user_id: REFERRER })).blocks);
    expect(asReferrer).toContain(`<@${CANDIDATE}>`);
    expect(asReferrer).toContain('Backend Engineer');
  });

  it('names the running version in `version`', async () => {
    const { app } = suite;
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const text = await askVouchPrivately(app, { text: 'version' });
    expect(text).toContain(`Vouch ${version} on Node ${process.version}`);
  });

  it('counts postings and referrals by status in `stats`', async () => {
    const { board } = suite;
    const fresh = await startTestApp({ database: kind });
    trackPostedTs(fresh);
    try {
      const a = board.job('/jobs/stats-a', { title: 'Stats Engineer A', company: 'Statsco' });
      const b = board.job('/jobs/stats-b', { title: 'Stats Engineer B', company: 'Statsco' });
      const sharedA = await shareJobByCommand(fresh, { url: a, channel: CHANNEL, user: SHARER });
      const sharedB = await shareJobByCommand(fresh, { url: b, channel: CHANNEL, user: SHARER });
      // Nobody can refer yet: the first interest stays "interested".
      await expressInterestOnCard(fresh, sharedA, 'U0CAND1');
      await askVouch(fresh, { text: 'refer-at Statsco', user_id: REFERRER });
      await expressInterestOnCard(fresh, sharedB, 'U0CAND2');

      const text = await askVouchPrivately(fresh, { text: 'stats' });
      expect(text).toContain('*2* open postings');
      expect(text).toContain('*2* referral requests');
      expect(text).toContain('*0* hired');
      expect(text).toMatch(/Interested: \*1\*/);
      expect(text).toMatch(/Requested: \*1\*/i);
      expect(text).toContain('*1* members can refer somewhere');
    } finally {
      await fresh.stop();
    }
  });

  it('does not count links that are not jobs as open postings in `stats`', async () => {
    const { board } = suite;
    const fresh = await startTestApp({ database: kind });
    try {
      const job = board.job('/jobs/stats-only', { title: 'Counted Engineer', company: 'Countco' });
      const page = board.route('/stats-blog', notAJobPage({ title: 'Not a job', text: 'Hi.' }));
      await shareJobByCommand(fresh, { url: job, channel: CHANNEL, user: SHARER });
      await fresh.requests.command({ text: page, user_id: SHARER, channel_id: CHANNEL });
      await fresh.slack.waitFor(
        'response_url',
        (c) => /does not look like a job/.test(String(c.args.text)),
        10_000,
      );
      const text = textOf((await askVouch(fresh, { text: 'stats' })).blocks);
      expect(text).toContain('*1* open postings · 0 closed');
    } finally {
      await fresh.stop();
    }
  });

  describe('privacy of interest on channel cards', () => {
    it('never names a candidate in the channel unless they chose to show their name', async () => {
      const { app, board } = suite;
      const url = board.job('/jobs/private', { title: 'Quiet Engineer', company: 'Hushco' });
      const shared = await shareJobByCommand(app, { url, channel: CHANNEL, user: SHARER });
      await expressInterestOnCard(app, shared, 'U0SHY0001', { note: 'please keep this quiet' });
      const refreshed = await app.slack.waitFor(
        'chat.update',
        (c) => c.args.channel === CHANNEL && textOf(c.args.blocks).includes('*1* interested'),
        10_000,
      );
      expect(refreshed.args.ts).toBe(tsOf(shared.card));

      const posted = channelMessages(app);
      expect(posted.length).toBeGreaterThan(0);
      for (const call of posted) {
        expect(stringsMentioning(call.args, 'U0SHY0001')).toEqual([]);
        expect(stringsMentioning(call.args, 'please keep this quiet')).toEqual([]);
      }
    });

    it('names the candidate on the card when they ticked "show my name"', async () => {
      const { app, board } = suite;
      const url = board.job('/jobs/public', { title: 'Loud Engineer', company: 'Shoutco' });
      const shared = await shareJobByCommand(app, { url, channel: CHANNEL, user: SHARER });
      await expressInterestOnCard(app, shared, 'U0PROUD001', { showName: true });
      const refreshed = await app.slack.waitFor(
        'chat.update',
        (c) => c.args.ts === tsOf(shared.card) && textOf(c.args.blocks).includes('<@U0PROUD001>'),
        10_000,
      );
      expect(textOf(refreshed.args.blocks)).toContain('Interested: <@U0PROUD001>');
    });
  });
});
