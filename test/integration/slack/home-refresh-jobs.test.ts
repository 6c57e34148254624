import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../../src/db/client.js';
import { EFFECT_JOBS } from '../../../src/slack/effects/effect-jobs.js';
import { FAKE_TEAM_ID } from '../../helpers/fake-slack-api.mjs';
import { appHomeOpened } from '../../helpers/slack-payloads.mjs';
import { startTestApp, type TestApp } from '../../helpers/start-test-app.js';
import { describeEachDatabase } from '../../helpers/test-database.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * An App Home refresh queued by a change runs later, perhaps after the member was erased or the
 * workspace uninstalled: it must not bring them back (opening Home, by contrast, records a newcomer).
 */
describeEachDatabase('App Home refreshes written as jobs', (kind) => {
  let app: TestApp;
  let db: Database;
  beforeAll(async () => {
    app = await startTestApp({ database: kind });
    db = await createDatabase({ url: app.databaseUrl, logger: quiet });
  });
  afterAll(async () => {
    await db.close();
    await app.stop();
  });

  const memberRow = (slackUserId: string) =>
    db.prisma.member.findFirst({ where: { workspaceId: FAKE_TEAM_ID, slackUserId } });

  it('publishes the Home of a member Vouch knows', async () => {
    await app.requests.eventCallback(appHomeOpened('U0HOMEKNOWN'));
    await app.slack.waitFor('views.publish', (c) => c.args.user_id === 'U0HOMEKNOWN');
    app.slack.reset();
    await app.vouch.work.add({
      kind: EFFECT_JOBS.home,
      key: `test:home:U0HOMEKNOWN:${kind}`,
      payload: { teamId: FAKE_TEAM_ID, userId: 'U0HOMEKNOWN' },
    });
    await app.slack.waitFor('views.publish', (c) => c.args.user_id === 'U0HOMEKNOWN');
  });

  it('does not re-create a member it has no row for (erased since the job was queued)', async () => {
    await app.vouch.work.add({
      kind: EFFECT_JOBS.home,
      key: `test:home:U0HOMEGONE:${kind}`,
      payload: { teamId: FAKE_TEAM_ID, userId: 'U0HOMEGONE' },
    });
    await expect.poll(async () => (await app.vouch.work.stats()).backlog, { timeout: 10_000 }).toBe(0);
    expect(await memberRow('U0HOMEGONE')).toBeNull();
    expect(app.slack.calls('views.publish').filter((c) => c.args.user_id === 'U0HOMEGONE')).toEqual([]);
  });
});
