import { FAKE_BOT_ID, FAKE_BOT_USER_ID, FAKE_TEAM_ID, type NewFakeWorkspace } from './fake-slack-api.mjs';
import { startTestApp, type TestApp, type TestAppOptions } from './start-test-app.js';

/** The "Add to Slack" settings of the test app (the key is a fixed 32 bytes: tests only). */
export const TEST_OAUTH_ENV = {
  SLACK_BOT_TOKEN: '',
  SLACK_CLIENT_ID: '1111.2222',
  SLACK_CLIENT_SECRET: 'test-client-secret-abcdef',
  SLACK_STATE_SECRET: 'test-state-secret-0123456789',
  VOUCH_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  VOUCH_UNINSTALL_GRACE_DAYS: '3',
};

/** The two workspaces the multi-workspace tests install into: the fake Slack's own, and a second. */
export const ALPHA = {
  teamId: FAKE_TEAM_ID,
  teamName: 'Alpha Corp',
  botUserId: FAKE_BOT_USER_ID,
  botId: FAKE_BOT_ID,
} satisfies NewFakeWorkspace;
export const BRAVO = { teamId: 'T0BRAVO02', teamName: 'Bravo Ltd' } satisfies NewFakeWorkspace;

/**
 * The real app in multi-workspace mode against the fake Slack, whose app settings (client id,
 * secret, redirect URL) are the app's, as an operator sets them at api.slack.com.
 */
export async function startOAuthTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const app = await startTestApp({ ...options, env: { ...TEST_OAUTH_ENV, ...options.env } });
  Object.assign(app.slack.oauthApp, {
    clientId: TEST_OAUTH_ENV.SLACK_CLIENT_ID,
    clientSecret: TEST_OAUTH_ENV.SLACK_CLIENT_SECRET,
    redirectUrl: `${app.baseUrl}/slack/oauth_redirect`,
  });
  return app;
}

/** What a member's browser went through: each page's status and text. */
export interface InstallRun {
  installPage: { status: number; html: string };
  authorizeUrl: string;
  result: { status: number; html: string };
}

/**
 * "Add to Slack" done over plain HTTP, as a browser does it (the browser test does it in Chromium):
 * the install page sets the state cookie and links to Slack's authorize page; Allow there redirects
 * to /slack/oauth_redirect with a code, sent back with the cookie.
 */
export async function installThroughOAuth(app: TestApp, workspace: NewFakeWorkspace): Promise<InstallRun> {
  app.slack.addWorkspace(workspace);
  const page = await fetch(`${app.baseUrl}/slack/install`);
  const html = await page.text();
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const href = /href="([^"]+)"[^>]*>Add to Slack</.exec(html)?.[1]?.replace(/&amp;/g, '&');
  if (href === undefined) throw new Error(`no Add to Slack link on the install page:\n${html}`);
  const allow = new URL(href);
  allow.pathname = `${allow.pathname}/allow`;
  allow.searchParams.set('team', workspace.teamId);
  const granted = await fetch(allow, { redirect: 'manual' });
  const location = granted.headers.get('location');
  if (location === null) throw new Error(`the authorize page did not redirect: ${await granted.text()}`);
  const back = await fetch(location, { headers: { cookie } });
  return {
    installPage: { status: page.status, html },
    authorizeUrl: href,
    result: { status: back.status, html: await back.text() },
  };
}
