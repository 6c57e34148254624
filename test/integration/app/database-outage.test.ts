import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dmJob } from '../../../src/slack/effects/effect-jobs.js';
import { type FakeJobBoard, startFakeJobBoard } from '../../helpers/fake-job-board.mjs';
import { dmsTo, textOf } from '../../helpers/slack-blocks.js';
import {
  clickButton,
  openInterestModal,
  shareJobByCommand,
  submitInterestForm,
  waitForDm,
} from '../../helpers/slack-flows.js';
import { startTestApp, type TestApp } from '../../helpers/start-test-app.js';
import { TEST_POSTGRES_URL } from '../../helpers/test-database.js';

if (!TEST_POSTGRES_URL)
  console.warn('database outage tests skipped: set TEST_POSTGRES_URL (they take a PostgreSQL database away)');

/** Runs `sql` as the server's administrator (the app's own connections are the ones taken away). */
async function asAdmin(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

describe.skipIf(!TEST_POSTGRES_URL)('a database outage [postgresql]', () => {
  let app: TestApp;
  let board: FakeJobBoard;
  let name: string;
  beforeAll(async () => {
    board = await startFakeJobBoard();
    app = await startTestApp({ database: 'postgresql' });
    name = new URL(app.databaseUrl).pathname.slice(1);
  });
  afterAll(async () => {
    await asAdmin(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`).catch(() => undefined);
    await app.stop();
    await board.close();
  });

  /** The database refuses the app: new connections are refused and open ones are cut. */
  const takeDatabaseAway = async () => {
    await asAdmin(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
    await asAdmin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
  };
  const bringDatabaseBack = () => asAdmin(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`);

  it('tells the member an interest submission was not saved, leaves nothing half-done, and resumes queued work once the database is back', async () => {
    const url = board.job('/jobs/outage', { title: 'Outage Engineer', company: 'Downco' });
    const { postingId } = await shareJobByCommand(app, { url, channel: 'C0OUTAGE', user: 'U0OUTSHARE' });
    await clickButton(app, {
      user: 'U0OUTREF',
      actionId: 'i_can_refer',
      value: postingId,
      channel: 'C0OUTAGE',
    });
    await app.slack.waitFor('chat.postEphemeral', (c) => c.args.user === 'U0OUTREF');
    const { view } = await openInterestModal(app, { postingId, user: 'U0OUTCAND', channel: 'C0OUTAGE' });
    // Work already queued, due while the database is away.
    await app.vouch.work.add({
      ...dmJob('outage:queued', 'U0OUTQUEUED', { text: 'queued before the outage' }),
      runAfter: new Date(Date.now() + 1_000),
    });

    await takeDatabaseAway();
    const refused = await submitInterestForm(app, {
      user: 'U0OUTCAND',
      view,
      form: { note: 'during the outage', referrer: 'U0OUTREF' },
    });
    // The member is told, in the form itself, and nothing was sent.
    expect(refused.status).toBe(200);
    expect(refused.json).toMatchObject({ response_action: 'errors' });
    expect(JSON.stringify(refused.json)).toMatch(/could not save this just now/);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(dmsTo(app, 'U0OUTCAND')).toEqual([]);
    expect(dmsTo(app, 'U0OUTQUEUED')).toEqual([]);

    await bringDatabaseBack();
    // Queued work resumes by itself…
    const queued = await waitForDm(app, 'U0OUTQUEUED', { timeoutMs: 15_000 });
    expect(textOf(queued.args)).toContain('queued before the outage');
    // …and the same form, sent again, is saved once: one request to the referrer, one confirmation.
    const saved = await submitInterestForm(app, {
      user: 'U0OUTCAND',
      view: { ...view, id: `${String(view.id)}-again` },
      form: { note: 'after the outage', referrer: 'U0OUTREF' },
    });
    expect(saved.status).toBe(200);
    await waitForDm(app, 'U0OUTREF', { matching: /after the outage/, timeoutMs: 15_000 });
    await waitForDm(app, 'U0OUTCAND', { timeoutMs: 15_000 });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(dmsTo(app, 'U0OUTCAND')).toHaveLength(1);
    expect(dmsTo(app, 'U0OUTREF').filter((c) => textOf(c.args).includes('U0OUTCAND'))).toHaveLength(1);
  }, 60_000);
});
