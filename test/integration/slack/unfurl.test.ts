import { describe, expect, it } from 'vitest';
import { type FakeJobBoard, startFakeJobBoard } from '../../helpers/fake-job-board.mjs';
import { actionIdsOf, textOf, unfurlBlocksOf } from '../../helpers/slack-blocks.js';
import { settle } from '../../helpers/slack-flows.js';
import { linkSharedEvent, messageTs } from '../../helpers/slack-payloads.mjs';
import type { TestApp } from '../../helpers/start-test-app.js';
import { useAppForSuite } from '../../helpers/suite-app.js';
import { notAJobPage } from '../../helpers/web-pages.js';

describe('link unfurls', () => {
  let app: TestApp;
  let board: FakeJobBoard;
  useAppForSuite({ startBoard: startFakeJobBoard }, (started) => {
    ({ app, board } = started);
  });

  it('turns a shared job link into one chat.unfurl with the full card', async () => {
    const url = board.job('/jobs/ml-manager', {
      title: 'Manager II, Machine Learning Engineering',
      company: 'Pinboard',
      salary: { min: 180000, max: 220000, currency: 'USD' },
    });
    const event = linkSharedEvent({ channel: 'C0JOBS', user: 'U0SHARER', urls: [url] });
    const response = await app.requests.eventCallback(event);
    expect(response.status).toBe(200);

    const call = await app.slack.waitFor('chat.unfurl');
    expect(call.args).toMatchObject({ channel: 'C0JOBS', ts: event.message_ts });
    const blocks = unfurlBlocksOf(call, url);
    expect(blocks[0]).toMatchObject({
      type: 'header',
      text: { text: 'Manager II, Machine Learning Engineering' },
    });
    const text = textOf(blocks);
    expect(text).toContain('Pinboard');
    expect(text).toMatch(/\$180k.{1,3}\$?220k/);
    expect(text).toContain('0* can refer');
    expect(actionIdsOf(blocks)).toEqual([
      'i_can_refer',
      'im_interested',
      'details',
      'tag_someone',
      'open_posting',
    ]);
    expect(blocks.length).toBeLessThanOrEqual(50);
  });

  it('unfurls in the message composer by unfurl_id and source', async () => {
    const url = board.job('/jobs/composer', { title: 'Staff Engineer', company: 'Composer Co' });
    const event = linkSharedEvent({
      channel: 'C0JOBS',
      user: 'U0SHARER',
      urls: [url],
      source: 'composer',
      unfurlId: 'C-UNFURL-1',
    });
    await app.requests.eventCallback(event);
    const call = await app.slack.waitFor('chat.unfurl');
    expect(call.args).toMatchObject({ unfurl_id: 'C-UNFURL-1', source: 'composer' });
    expect(call.args.channel).toBeUndefined();
    expect(textOf(unfurlBlocksOf(call, url))).toContain('Staff Engineer');
  });

  it('gives every link of the event a card: jobs the full card, other pages a plain link card', async () => {
    const job = board.job('/jobs/two-links', { title: 'Data Engineer', company: 'Two Links Inc' });
    const page = board.route(
      '/blog/post',
      notAJobPage({ title: 'Our engineering blog', description: 'How we build things', text: 'Hello' }),
    );
    await app.requests.eventCallback(
      linkSharedEvent({ channel: 'C0JOBS', user: 'U0SHARER', urls: [job, page] }),
    );
    const call = await app.slack.waitFor('chat.unfurl');
    expect(actionIdsOf(unfurlBlocksOf(call, job))).toContain('im_interested');
    const plain = unfurlBlocksOf(call, page);
    expect(textOf(plain)).toContain('Our engineering blog');
    expect(actionIdsOf(plain)).toEqual([]);
  });

  it('answers a refused or unreachable link with a plain card, not a crash', async () => {
    const refused = 'http://10.255.255.1/jobs/1';
    await app.requests.eventCallback(
      linkSharedEvent({ channel: 'C0JOBS', user: 'U0SHARER', urls: [refused] }),
    );
    const call = await app.slack.waitFor('chat.unfurl');
    expect(textOf(unfurlBlocksOf(call, refused))).toContain('10.255.255.1');
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
  });

  it('does nothing twice when Slack re-delivers the same event', async () => {
    const url = board.job('/jobs/retry', { title: 'Retry Engineer', company: 'Again Ltd' });
    const event = linkSharedEvent({ channel: 'C0JOBS', user: 'U0SHARER', urls: [url] });
    const first = await app.requests.eventCallback(event, { eventId: 'EvRETRY1' });
    await app.slack.waitFor('chat.unfurl');
    const again = await app.requests.eventCallback(event, { eventId: 'EvRETRY1', retryNum: 1 });
    expect([first.status, again.status]).toEqual([200, 200]);
    await settle(500);
    expect(app.slack.calls('chat.unfurl')).toHaveLength(1);
  });

  it('acknowledges within 3 s even when the job board is slow, and unfurls when it answers', async () => {
    const slowPage = { title: 'Patient Engineer', company: 'Slow Boards' };
    const url = board.job('/jobs/slow', slowPage, { delayMs: 2_500 });
    const event = linkSharedEvent({ channel: 'C0JOBS', user: 'U0SHARER', urls: [url] });
    const response = await app.requests.eventCallback(event);
    expect(response.status).toBe(200);
    expect(response.elapsedMs).toBeLessThan(3_000);
    const call = await app.slack.waitFor('chat.unfurl', () => true, 10_000);
    expect(unfurlBlocksOf(call, url)[0]).toMatchObject({
      type: 'header',
      text: { text: 'Patient Engineer' },
    });
  });

  it('unfurls a cached posting within 3 s of the event, without asking the job board again', async () => {
    const url = board.job('/jobs/cached', { title: 'Cached Engineer', company: 'Cache Corp' });
    await app.requests.eventCallback(linkSharedEvent({ channel: 'C0JOBS', user: 'U0SHARER', urls: [url] }));
    await app.slack.waitFor('chat.unfurl');
    const fetchesBefore = board.requests('/jobs/cached').length;
    app.slack.reset();

    const started = Date.now();
    await app.requests.eventCallback(
      linkSharedEvent({ channel: 'C0OTHER', user: 'U0SECOND', urls: [`${url}?utm_source=slack`] }),
    );
    const call = await app.slack.waitFor('chat.unfurl');
    expect(call.at - started).toBeLessThan(3_000);
    expect(call.args.channel).toBe('C0OTHER');
    expect(board.requests('/jobs/cached').length).toBe(fetchesBefore);
  });

  it('ignores a malformed link_shared event and keeps serving', async () => {
    const response = await app.requests.eventCallback({ type: 'link_shared', channel: 'C1', links: 'nope' });
    expect(response.status).toBe(200);
    await settle(200);
    expect(app.slack.calls('chat.unfurl')).toHaveLength(0);
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
  });

  it('records one share per message, so the card can be refreshed later', async () => {
    const url = board.job('/jobs/share', { title: 'Shared Engineer', company: 'Sharing Co' });
    const ts = messageTs();
    await app.requests.eventCallback(
      linkSharedEvent({ channel: 'C0JOBS', user: 'U0SHARER', urls: [url], messageTs: ts }),
    );
    await app.slack.waitFor('chat.unfurl');
    const { createDatabase } = await import('../../../src/db/client.js');
    const { createLogger } = await import('../../../src/logger.js');
    const db = await createDatabase({ url: app.databaseUrl, logger: createLogger('silent') });
    try {
      const shares = await db.prisma.share.findMany({ where: { messageTs: ts } });
      expect(shares).toHaveLength(1);
      expect(shares[0]).toMatchObject({ channelId: 'C0JOBS', source: 'unfurl', url });
    } finally {
      await db.close();
    }
  });
});
