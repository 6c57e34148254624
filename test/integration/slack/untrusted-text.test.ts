import { expect, it } from 'vitest';
import { jobPageHtml } from '../../helpers/fake-job-board.mjs';
import { buttonValue } from '../../helpers/slack-blocks.js';
import {
  askVouch,
  expressInterest,
  openTagModal,
  settle,
  shareJobByCommand,
  shareJobByUnfurl,
  tagFormValues,
  waitForDm,
} from '../../helpers/slack-flows.js';
import { CANDIDATE, CHANNEL, REFERRER, SHARER } from '../../helpers/slack-members.js';
import { blockAction, viewSubmission } from '../../helpers/slack-payloads.mjs';
import type { TestApp } from '../../helpers/start-test-app.js';
import { useSlackFlowSuite } from '../../helpers/suite-app.js';
import { describeEachDatabase } from '../../helpers/test-database.js';

/**
 * Text Vouch did not write (a job page, a member's input, a payload) reaches Slack as text and the
 * database without control characters (issue #11, item 3), whatever the database.
 */

/**
 * Every text the bot sent to Slack so far that Slack reads as mrkdwn (a message's `text`, mrkdwn
 * text objects), one per line: where a `<…>` would be a live link, mention or broadcast. Button
 * values and plain_text are shown as they are, so they are left out.
 */
function mrkdwnSent(app: TestApp): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'plain_text') return;
      for (const [key, value] of Object.entries(record)) {
        if (key === 'text' && typeof value === 'string') texts.push(value);
        else walk(value);
      }
    }
  };
  for (const call of app.slack.calls()) walk(call.args);
  return texts.join('\n');
}

describeEachDatabase('untrusted text', (kind) => {
  const suite = useSlackFlowSuite(kind, { resetSlackBeforeEach: false });

  it('shows a job page’s company name as text in the "remember me" reply, never as a live link', async () => {
    const { app, board } = suite;
    const company = 'Acme <https://evil.example/phish|Verify account>';
    const url = board.job('/jobs/phish', { title: 'Platform Engineer', company });
    const { postingId, ts } = await shareJobByUnfurl(app, { url, channel: CHANNEL, user: SHARER });

    await app.requests.interaction(
      blockAction({
        user: REFERRER,
        actionId: 'i_can_refer',
        value: postingId,
        channel: CHANNEL,
        messageTs: ts,
        responseUrl: app.slack.responseUrl('phish-refer'),
      }),
    );
    const prompt = await app.slack.waitFor('chat.postEphemeral', (c) => c.args.user === REFERRER);
    await app.requests.interaction(
      blockAction({
        user: REFERRER,
        actionId: 'remember_referrer_company_yes',
        value: buttonValue(prompt.args.blocks, 'remember_referrer_company_yes'),
        channel: CHANNEL,
        responseUrl: app.slack.responseUrl('phish-remember'),
      }),
    );
    const reply = await app.slack.waitFor('response_url', (c) =>
      String(c.args.path).endsWith('/phish-remember'),
    );

    expect(String(reply.args.text)).toContain('Acme &lt;https://evil.example/phish|Verify account&gt;');
    expect(mrkdwnSent(app)).not.toContain('<https://evil.example');
  });

  it('refuses a tag whose selected user is not a Slack user id, with the reason in the modal', async () => {
    const { app, board, db } = suite;
    const url = board.job('/jobs/tag-hostile', { title: 'Data Engineer', company: 'Acme Robotics' });
    const { postingId, ts } = await shareJobByUnfurl(app, { url, channel: CHANNEL, user: SHARER });
    const { view } = await openTagModal(app, { user: SHARER, postingId, channel: CHANNEL, messageTs: ts });
    const hostile = 'U0ZZZ> <!channel';

    const response = await app.requests.interaction(
      viewSubmission({ user: SHARER, view, values: tagFormValues(hostile, 'candidate') }),
    );

    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      response_action: 'errors',
      errors: { tag_user: expect.stringMatching(/colleague/i) },
    });
    await settle();
    expect(await db.prisma.member.count({ where: { slackUserId: hostile } })).toBe(0);
    expect(await db.prisma.tag.count()).toBe(0);
    expect(mrkdwnSent(app)).not.toContain('<!channel>');
    // The id went nowhere: no users.info, no conversations.open, no DM.
    expect(JSON.stringify(app.slack.calls().map((c) => c.args))).not.toContain('U0ZZZ');
  });

  it('stores a job page’s text without NUL and other control characters, and shows its card', async () => {
    const { app, board, db } = suite;
    // The controls arrive as JSON escapes in the page's JSON-LD (raw NUL bytes would make it a binary file).
    const body = jobPageHtml({ title: 'Backend Engineer', company: 'Nultech', location: 'Berlin' })
      .replace('"title":"Backend Engineer"', '"title":"Backend\\u0000 Engineer\\u0007"')
      .replace('"name":"Nultech"', '"name":"Nul\\u0000tech\\u001b"')
      .replace('"addressLocality":"Berlin"', '"addressLocality":"Berlin\\u0000"');
    expect(body).toContain('\\u0000 Engineer');
    const url = board.route('/jobs/nul-page', { status: 200, body, contentType: 'text/html; charset=utf-8' });
    const { postingId } = await shareJobByUnfurl(app, { url, channel: CHANNEL, user: SHARER });

    const posting = await db.prisma.posting.findUniqueOrThrow({ where: { id: postingId } });
    expect(posting.title).toBe('Backend Engineer');
    const stored = JSON.stringify(posting.summary);
    expect(stored).toContain('"company":"Nultech"');
    expect(stored).not.toMatch(/\\u00[01][0-9a-f]|\\u007f|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/i);
  });

  it('stores an interest note without NUL and other control characters', async () => {
    const { app, board, db } = suite;
    const url = board.job('/jobs/nul-note', { title: 'ML Engineer', company: 'Nulltech' });
    const { postingId, ts } = await shareJobByUnfurl(app, { url, channel: CHANNEL, user: SHARER });

    await expressInterest(
      app,
      {
        postingId,
        user: CANDIDATE,
        channel: CHANNEL,
        messageTs: ts,
        responseUrl: app.slack.responseUrl('nul-note'),
      },
      { note: 'I shipped\u0000 recsys\u0007 at\u001b scale\u009b.\r\nThanks!\tAna' },
    );

    await expect
      .poll(async () => (await db.prisma.referral.findFirst({ where: { postingId } }))?.candidateNote, {
        timeout: 8_000,
      })
      .toBe('I shipped recsys at scale.\nThanks!\tAna');
    await waitForDm(app, CANDIDATE, { matching: /interest in/, timeoutMs: 8_000 });
  });

  it('stores a `/vouch <link> note` without NUL and other control characters, and shares the card', async () => {
    const { app, board, db } = suite;
    const url = board.job('/jobs/nul-command', { title: 'SRE', company: 'Nulltech' });
    const { postingId } = await shareJobByCommand(app, {
      url,
      channel: CHANNEL,
      user: SHARER,
      note: 'great\u0000 team\u0001 here',
    });

    const share = await db.prisma.share.findFirstOrThrow({ where: { postingId, source: 'command' } });
    expect(share.note).toBe('great team here');
  });

  it('stores a company named in `/vouch refer-at` without NUL and other control characters', async () => {
    const { app, db } = suite;
    const answer = await askVouch(app, { text: 'refer-at Nul\u0000Co\u0085rp', user_id: REFERRER });

    expect(String(answer.text)).toContain('NulCorp');
    const names = (await db.prisma.company.findMany()).map((c) => c.displayName);
    expect(names).toContain('NulCorp');
    expect(names.join('')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
