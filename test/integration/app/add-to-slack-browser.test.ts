import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../../src/db/client.js';
import { createLogger } from '../../../src/logger.js';
import { type FakeJobBoard, startFakeJobBoard } from '../../helpers/fake-job-board.mjs';
import { ALPHA, BRAVO, startOAuthTestApp } from '../../helpers/oauth-install.js';
import { allWorkDone, shareJobByCommand } from '../../helpers/slack-flows.js';
import type { TestApp } from '../../helpers/start-test-app.js';
import { TEST_POSTGRES_URL } from '../../helpers/test-database.js';

/** Debian's chromium package (`.ci/run` installs it); without it this suite is skipped, visibly. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`"Add to Slack" browser test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

describe.skipIf(!hasChromium)('"Add to Slack" in a real browser (headless Chromium)', () => {
  let app: TestApp;
  let board: FakeJobBoard;
  let browser: Browser;

  beforeAll(async () => {
    board = await startFakeJobBoard();
    // On PostgreSQL when the run is the PostgreSQL one (.ci/run runs test/integration on both).
    app = await startOAuthTestApp({ database: TEST_POSTGRES_URL ? 'postgresql' : 'sqlite' });
    app.slack.addWorkspace(ALPHA);
    app.slack.addWorkspace(BRAVO);
    // Running as root (CI) Chromium needs --no-sandbox.
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await board?.close();
  });

  /** A member of `workspace` opens the install page, clicks Add to Slack, then Allow at Slack. */
  async function addToSlack(workspace: { teamId: string; teamName: string }): Promise<string> {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${app.baseUrl}/slack/install`);
      expect(await page.title()).toBe('Add Vouch to Slack');
      await page.getByRole('link', { name: 'Add to Slack' }).click();
      await page.waitForURL(/\/oauth\/v2\/authorize\?/);
      expect(new URL(page.url()).origin).toBe(new URL(app.slack.url).origin);
      await page.getByLabel('Workspace').selectOption(workspace.teamId);
      await page.getByRole('button', { name: 'Allow' }).click();
      await page.waitForURL(/\/slack\/oauth_redirect\?/);
      return (await page.locator('h1').textContent()) ?? '';
    } finally {
      await context.close();
    }
  }

  it('installs Vouch into two workspaces; each works with its own token; an uninstall cleans one up', async () => {
    expect(await addToSlack(ALPHA)).toBe('Vouch is installed in Alpha Corp');
    expect(await addToSlack(BRAVO)).toBe('Vouch is installed in Bravo Ltd');
    const tokenA = app.slack.addWorkspace(ALPHA).tokens[0];
    const tokenB = app.slack.addWorkspace(BRAVO).tokens[0];
    expect(tokenA).toMatch(/^xoxb-/);
    expect(tokenB).toMatch(/^xoxb-/);

    const alphaCard = await shareJobByCommand(app, {
      url: board.job('/browser/alpha', { title: 'Alpha Browser Role', company: 'Acme' }),
      channel: 'C0ALPHA',
      user: 'U0ASHARER',
    });
    expect(alphaCard.card.token).toBe(tokenA);
    await app.requests.command({
      team_id: BRAVO.teamId,
      text: board.job('/browser/bravo', { title: 'Bravo Browser Role', company: 'Acme' }),
      user_id: 'U0BSHARER',
      channel_id: 'C0BRAVO',
      response_url: app.slack.responseUrl('bravo'),
    });
    const bravoCard = await app.slack.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === 'C0BRAVO',
      10_000,
    );
    expect(bravoCard.token).toBe(tokenB);
    await allWorkDone(app);

    // Slack tells Vouch it was uninstalled from Bravo (a signed event).
    const uninstall = await app.requests.eventCallback(
      { type: 'app_uninstalled', event_ts: `${Date.now() / 1000}` },
      { teamId: BRAVO.teamId },
    );
    expect(uninstall.status).toBe(200);
    await allWorkDone(app);
    const db = await createDatabase({ url: app.databaseUrl, logger: createLogger('silent') });
    try {
      expect(await db.prisma.installation.count({ where: { teamId: BRAVO.teamId } })).toBe(0);
      expect(await db.prisma.posting.count({ where: { workspaceId: BRAVO.teamId } })).toBe(1);
      await db.prisma.workspaceRemoval.updateMany({ data: { eraseAfter: new Date(Date.now() - 1) } });
      expect(await app.vouch.jobs.workspaceErasure?.runOnce()).toBe(1);
      expect(await db.prisma.posting.count({ where: { workspaceId: BRAVO.teamId } })).toBe(0);
      expect(await db.prisma.posting.count({ where: { workspaceId: ALPHA.teamId } })).toBe(1);
    } finally {
      await db.close();
    }
    const again = await shareJobByCommand(app, {
      url: board.job('/browser/alpha-again', { title: 'Alpha Again', company: 'Acme' }),
      channel: 'C0ALPHA2',
      user: 'U0ASHARER',
    });
    expect(again.card.token).toBe(tokenA);
  }, 60_000);
});
