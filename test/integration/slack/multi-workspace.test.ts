import { beforeAll, describe, expect, it } from 'vitest';
import { teamWorkspace } from '../../../src/runtime/workspace-context.js';
import { dmJob } from '../../../src/slack/effects/effect-jobs.js';
import { homeActionIds } from '../../../src/slack/ids.js';
import type { RecordedCall } from '../../helpers/fake-slack-api.mjs';
import { ALPHA, BRAVO, installThroughOAuth, TEST_OAUTH_ENV } from '../../helpers/oauth-install.js';
import { textOf } from '../../helpers/slack-blocks.js';
import {
  allWorkDone,
  askVouch,
  expressInterest,
  openHome,
  shareJobByCommand,
  shareJobPage,
} from '../../helpers/slack-flows.js';
import { appHomeOpened, homeAction, linkSharedEvent } from '../../helpers/slack-payloads.mjs';
import { useSlackFlowSuite } from '../../helpers/suite-app.js';
import { describeEachDatabase } from '../../helpers/test-database.js';

/** Workspace A is the one the payload helpers name by default; B is a second team on the same database. */
/** Workspace A (ALPHA) is the one the payload helpers name by default; B is a second team on the same database. */
const DAY = 86_400_000;

describeEachDatabase('several workspaces ("Add to Slack")', (kind) => {
  const suite = useSlackFlowSuite(kind, { env: TEST_OAUTH_ENV, resetSlackBeforeEach: false });
  let tokenA = '';
  let tokenB = '';

  beforeAll(async () => {
    const { app } = suite;
    Object.assign(app.slack.oauthApp, {
      clientId: TEST_OAUTH_ENV.SLACK_CLIENT_ID,
      clientSecret: TEST_OAUTH_ENV.SLACK_CLIENT_SECRET,
      redirectUrl: `${app.baseUrl}/slack/oauth_redirect`,
    });
    for (const workspace of [ALPHA, BRAVO]) {
      const run = await installThroughOAuth(app, workspace);
      expect(run.result.status).toBe(200);
      expect(run.result.html).toContain(`Vouch is installed in ${workspace.teamName}`);
    }
    tokenA = app.slack.addWorkspace(ALPHA).tokens[0] ?? '';
    tokenB = app.slack.addWorkspace(BRAVO).tokens[0] ?? '';
  });

  /** Every Web API call made with `token` since the start, as one text to search. */
  const sentWith = (token: string) =>
    JSON.stringify(suite.app.slack.calls().filter((call: RecordedCall) => call.token === token));

  it('installs through the install page, asking for the features’ scopes, and keeps only sealed tokens', async () => {
    const { app, db } = suite;
    const run = await installThroughOAuth(app, ALPHA);
    expect(run.installPage.status).toBe(200);
    expect(run.authorizeUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/v2\/authorize\?/);
    const scopes = new URL(run.authorizeUrl).searchParams.get('scope')?.split(',') ?? [];
    expect(scopes).toEqual(expect.arrayContaining(['chat:write', 'links:read', 'links:write', 'commands']));
    const rows = await db.prisma.installation.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((row) => row.id)).toEqual([BRAVO.teamId, ALPHA.teamId].sort());
    const stored = JSON.stringify(rows);
    for (const token of app.slack.addWorkspace(ALPHA).tokens.concat(tokenB))
      expect(stored).not.toContain(token);
    expect(stored).not.toContain('xoxb-');
    expect(rows.every((row) => row.sealed.startsWith('v1.'))).toBe(true);
    tokenA = app.slack.addWorkspace(ALPHA).tokens.at(-1) ?? '';
  });

  it('refuses a redirect without the state cookie of the browser that started the install', async () => {
    const { app } = suite;
    const page = await fetch(`${app.baseUrl}/slack/install`);
    const href =
      /href="([^"]+)"[^>]*>Add to Slack</.exec(await page.text())?.[1]?.replace(/&amp;/g, '&') ?? '';
    const allow = new URL(href);
    allow.pathname += '/allow';
    allow.searchParams.set('team', BRAVO.teamId);
    const granted = await fetch(allow, { redirect: 'manual' });
    const back = await fetch(granted.headers.get('location') ?? '');
    expect(back.status).toBe(400);
    expect(await back.text()).toContain('Vouch was not installed');
    expect(app.slack.calls('oauth.v2.access')).toHaveLength(3);
  });

  it("posts each workspace's cards with that workspace's own token, from requests and from jobs", async () => {
    const { app, board } = suite;
    const alphaJob = board.job('/alpha/secret-role', { title: 'Alpha Secret Role', company: 'Acme' });
    const bravoJob = board.job('/bravo/open-role', { title: 'Bravo Open Role', company: 'Acme' });
    const alphaCard = await shareJobByCommand(app, { url: alphaJob, channel: 'C0ALPHA', user: 'U0ASHARER' });
    expect(alphaCard.card.token).toBe(tokenA);
    const bravoShared = await app.requests.command({
      team_id: BRAVO.teamId,
      text: bravoJob,
      user_id: 'U0BSHARER',
      channel_id: 'C0BRAVO',
      response_url: app.slack.responseUrl('bravo-share'),
    });
    expect(bravoShared.status).toBe(200);
    const bravoCard = await app.slack.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === 'C0BRAVO',
      10_000,
    );
    expect(bravoCard.token).toBe(tokenB);
    await app.requests.eventCallback(
      linkSharedEvent({ channel: 'C0BRAVO', user: 'U0BSHARER', urls: [bravoJob] }),
      { teamId: BRAVO.teamId },
    );
    const unfurl = await app.slack.waitFor('chat.unfurl', (c) => c.args.channel === 'C0BRAVO', 10_000);
    expect(unfurl.token).toBe(tokenB);
    await allWorkDone(app);
    // Nothing went out without a workspace's token, or with the other workspace's.
    const slackCalls = app.slack
      .calls()
      .filter((c) => !['oauth.v2.access', 'auth.test', 'response_url', 'file_download'].includes(c.method));
    for (const call of slackCalls) expect([tokenA, tokenB]).toContain(call.token);
    expect(sentWith(tokenB)).not.toContain('C0ALPHA');
    expect(sentWith(tokenA)).not.toContain('C0BRAVO');
  });

  it("never shows one workspace's postings, referrers or referrals in the other's list, browse or Home", async () => {
    const { app, board } = suite;
    const secret = await shareJobPage(app, board, {
      path: '/alpha/hidden-role',
      title: 'Alpha Hidden Role',
      company: 'Initech',
      channel: 'C0ALPHA',
      sharer: 'U0ASHARER',
      referrers: ['U0AREFERRER'],
    });
    await expressInterest(
      app,
      { postingId: secret.postingId, user: 'U0ACANDIDATE', channel: 'C0ALPHA' },
      { note: 'alpha private note', referrer: 'U0AREFERRER' },
    );
    await allWorkDone(app);
    const alphaHome = textOf(await openHome(app, 'U0ACANDIDATE'));
    expect(alphaHome).toContain('Alpha Hidden Role');

    // B's own Initech job: A's referrer at Initech is not B's.
    const bravoInitech = board.job('/bravo/initech', { title: 'Bravo Initech Role', company: 'Initech' });
    await app.requests.command({
      team_id: BRAVO.teamId,
      text: bravoInitech,
      user_id: 'U0BSHARER',
      channel_id: 'C0BRAVO2',
      response_url: app.slack.responseUrl('bravo-initech'),
    });
    await app.slack.waitFor('chat.postMessage', (c) => c.args.channel === 'C0BRAVO2', 10_000);
    await allWorkDone(app);
    const list = await askVouch(app, { team_id: BRAVO.teamId, text: 'list', user_id: 'U0BMEMBER' });
    expect(JSON.stringify(list)).toContain('Bravo Initech Role');
    // "Browse open postings" on B's Home tab.
    const click = homeAction({ user: 'U0BMEMBER', actionId: homeActionIds.browsePostings, value: 'browse' });
    const browsed = await app.requests.interaction({
      ...click,
      user: { id: 'U0BMEMBER', team_id: BRAVO.teamId },
      team: { id: BRAVO.teamId, domain: 'bravo' },
    });
    expect(browsed.status).toBe(200);
    const browse = await app.slack.waitFor(
      'views.open',
      (c) => c.args.trigger_id === click.trigger_id,
      10_000,
    );
    expect(browse.token).toBe(tokenB);
    expect(JSON.stringify(browse.args.view)).toContain('Bravo Initech Role');
    await app.requests.eventCallback(appHomeOpened('U0BMEMBER'), { teamId: BRAVO.teamId });
    const bravoHome = await app.slack.waitFor('views.publish', (c) => c.args.user_id === 'U0BMEMBER', 10_000);
    expect(bravoHome.token).toBe(tokenB);
    await allWorkDone(app);

    const seenByBravo = [JSON.stringify(list), JSON.stringify(browse), sentWith(tokenB)].join('\n');
    for (const alphaThing of [
      'Alpha Hidden Role',
      'Alpha Secret Role',
      'U0AREFERRER',
      'U0ACANDIDATE',
      'U0ASHARER',
      'alpha private note',
    ])
      expect(seenByBravo).not.toContain(alphaThing);
  });

  it('uninstall: tokens deleted at once, data erased after the grace period, the other workspace untouched', async () => {
    const { app, db } = suite;
    const bravoPostings = () => db.prisma.posting.count({ where: { workspaceId: BRAVO.teamId } });
    expect(await bravoPostings()).toBeGreaterThan(0);
    const alphaPostingsBefore = await db.prisma.posting.count({ where: { workspaceId: ALPHA.teamId } });

    const response = await app.requests.eventCallback(
      { type: 'app_uninstalled', event_ts: `${Date.now() / 1000}` },
      { teamId: BRAVO.teamId },
    );
    expect(response.status).toBe(200);
    await allWorkDone(app);
    expect(await db.prisma.installation.findUnique({ where: { id: BRAVO.teamId } })).toBeNull();
    const removal = await db.prisma.workspaceRemoval.findUnique({ where: { workspaceId: BRAVO.teamId } });
    expect(removal?.eraseAfter.getTime()).toBeGreaterThan(Date.now() + 2.9 * DAY);
    // B's tokens are gone: work still queued for B fails for good, and nothing reaches Slack.
    await app.vouch.work.add({
      ...dmJob('after-uninstall', 'U0BSHARER', { text: 'To Bravo after the uninstall' }),
      workspace: teamWorkspace(BRAVO.teamId),
    });
    await expect
      .poll(
        async () =>
          (await db.prisma.job.findFirst({ where: { lastError: { contains: 'not installed' } } }))?.state,
        {
          timeout: 10_000,
        },
      )
      .toBe('failed');
    expect(
      app.slack.calls('chat.postMessage').some((c) => c.args.text === 'To Bravo after the uninstall'),
    ).toBe(false);
    // Within the grace period nothing is erased.
    expect(await app.vouch.jobs.workspaceErasure?.runOnce()).toBe(0);
    expect(await bravoPostings()).toBeGreaterThan(0);

    await db.prisma.workspaceRemoval.update({
      where: { workspaceId: BRAVO.teamId },
      data: { eraseAfter: new Date(Date.now() - 1000) },
    });
    expect(await app.vouch.jobs.workspaceErasure?.runOnce()).toBe(1);
    expect(await bravoPostings()).toBe(0);
    expect(await db.prisma.workspace.findUnique({ where: { id: BRAVO.teamId } })).toBeNull();
    expect(await db.prisma.posting.count({ where: { workspaceId: ALPHA.teamId } })).toBe(alphaPostingsBefore);

    // A still works, with its own token.
    const again = suite.board.job('/alpha/after-uninstall', { title: 'Alpha After', company: 'Acme' });
    const card = await shareJobByCommand(app, { url: again, channel: 'C0ALPHA3', user: 'U0ASHARER' });
    expect(card.card.token).toBe(tokenA);
  });

  it('answers a request from a workspace that never installed Vouch, and does nothing there', async () => {
    const { app, board } = suite;
    const url = board.job('/stranger/role', { title: 'Stranger Role', company: 'Acme' });
    const response = await app.requests.eventCallback(
      linkSharedEvent({ channel: 'C0STRANGER', user: 'U0STRANGER', urls: [url] }),
      { teamId: 'T0STRANGER' },
    );
    expect(response.status).toBe(200);
    await allWorkDone(app);
    expect(app.slack.calls().some((c) => JSON.stringify(c.args).includes('C0STRANGER'))).toBe(false);
    expect(
      app.logs.some((line) => line.msg === 'request from a workspace where Vouch is not installed'),
    ).toBe(true);
  });

  it('never guesses a token: a job of no workspace fails instead of using one', async () => {
    const { app, db } = suite;
    await app.vouch.work.add(dmJob('nobodys-dm', 'U0SOMEONE', { text: 'Whose token?' }));
    await expect
      .poll(
        async () =>
          (await db.prisma.job.findMany({ where: { kind: 'slack-dm', lastError: { not: null } } })).length,
        { timeout: 10_000 },
      )
      .toBeGreaterThan(0);
    const failed = await db.prisma.job.findFirst({ where: { kind: 'slack-dm', lastError: { not: null } } });
    expect(failed?.lastError).toMatch(/outside the work of any workspace/);
    expect(failed?.state).toBe('failed');
    expect(app.slack.calls('chat.postMessage').some((c) => c.args.text === 'Whose token?')).toBe(false);
    await db.prisma.job.deleteMany({ where: { id: failed?.id ?? '' } });
  });

  it('a reinstall within the grace period keeps the workspace and its data', async () => {
    const { app, db, board } = suite;
    const charlie = { teamId: 'T0CHARLIE3', teamName: 'Charlie Co' };
    await installThroughOAuth(app, charlie);
    await app.requests.command({
      team_id: charlie.teamId,
      text: board.job('/charlie/role', { title: 'Charlie Role', company: 'Acme' }),
      user_id: 'U0CSHARER',
      channel_id: 'C0CHARLIE',
      response_url: app.slack.responseUrl('charlie-share'),
    });
    await app.slack.waitFor('chat.postMessage', (c) => c.args.channel === 'C0CHARLIE', 10_000);
    await app.requests.eventCallback(
      { type: 'tokens_revoked', tokens: { bot: ['U0BOTHARLIE3'] }, event_ts: `${Date.now() / 1000}` },
      { teamId: charlie.teamId },
    );
    await allWorkDone(app);
    expect(await db.prisma.installation.findUnique({ where: { id: charlie.teamId } })).toBeNull();
    const reinstalled = await installThroughOAuth(app, charlie);
    expect(reinstalled.result.status).toBe(200);
    expect(await db.prisma.workspaceRemoval.count({ where: { workspaceId: charlie.teamId } })).toBe(0);
    await db.prisma.workspaceRemoval.updateMany({ data: { eraseAfter: new Date(0) } });
    await app.vouch.jobs.workspaceErasure?.runOnce();
    expect(await db.prisma.posting.count({ where: { workspaceId: charlie.teamId } })).toBe(1);
  });

  it('accepts an Enterprise Grid org-wide install and authorises its workspaces’ requests and jobs', async () => {
    const { app, db, board } = suite;
    const org = {
      teamId: 'T0GRIDTEAM',
      teamName: 'Grid Team',
      enterpriseId: 'E0GRID01',
      enterpriseName: 'Grid Org',
      orgWide: true,
    };
    const run = await installThroughOAuth(app, org);
    expect(run.result.status).toBe(200);
    expect(run.result.html).toContain('Vouch is installed in the organisation Grid Org');
    const row = await db.prisma.installation.findUnique({ where: { id: org.enterpriseId } });
    expect(row).toMatchObject({ isEnterpriseInstall: true, enterpriseId: org.enterpriseId, teamId: null });
    const orgToken = app.slack.addWorkspace(org).tokens.at(-1);

    const url = board.job('/grid/role', { title: 'Grid Role', company: 'Acme' });
    const event = linkSharedEvent({ channel: 'C0GRID', user: 'U0GRIDMEMBER', urls: [url] });
    await app.requests.event({
      token: 'legacy',
      team_id: org.teamId,
      enterprise_id: org.enterpriseId,
      api_app_id: 'A0VOUCH',
      event,
      type: 'event_callback',
      event_id: `EvGRID${Date.now()}`,
      event_time: Math.floor(Date.now() / 1000),
      is_ext_shared_channel: false,
      authorizations: [
        {
          enterprise_id: org.enterpriseId,
          team_id: null,
          user_id: 'U0BOTGRID',
          is_bot: true,
          is_enterprise_install: true,
        },
      ],
    });
    const unfurl = await app.slack.waitFor('chat.unfurl', (c) => c.args.channel === 'C0GRID', 10_000);
    expect(unfurl.token).toBe(orgToken);
    await allWorkDone(app);
    // A workspace of the organisation is found by its team id alone (jobs written outside a
    // request, as reminders and digests are).
    expect(await db.prisma.orgWorkspace.findUnique({ where: { teamId: org.teamId } })).toMatchObject({
      enterpriseId: org.enterpriseId,
    });
    await app.vouch.work.add({
      ...dmJob('grid-reminder', 'U0GRIDMEMBER', { text: 'A reminder for the grid' }),
      workspace: teamWorkspace(org.teamId),
    });
    const dm = await app.slack.waitFor(
      'chat.postMessage',
      (c) => c.args.text === 'A reminder for the grid',
      10_000,
    );
    expect(dm.token).toBe(orgToken);
  });
});

describe('several workspaces: configuration', () => {
  it('keeps the single-token mode the default', async () => {
    const { loadConfig } = await import('../../../src/config.js');
    const result = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
    expect(result.ok && result.config.slack.oauth).toBeUndefined();
  });
});
