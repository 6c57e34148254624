import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { type Installation, type InstallProvider, InstallProvider as Provider } from '@slack/oauth';
import type { OAuthConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { VouchInstallationStore } from './installation-store.js';

/** Where the "Add to Slack" pages are served (HTTP mode, same port as /slack/events). */
export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}
a.add{display:inline-block;padding:.6rem 1.2rem;border-radius:.4rem;background:#4a154b;color:#fff;text-decoration:none;font-weight:600}</style>
</head><body>${body}</body></html>`;
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

export interface InstallPagesDeps {
  oauth: OAuthConfig;
  store: VouchInstallationStore;
  /** The Web API base (SLACK_API_URL): oauth.v2.access and auth.test go there. */
  slackApiUrl: string;
  /** The bot scopes to ask for: every registered feature's (manifest.json lists the same). */
  scopes: () => readonly string[];
  logger: Logger;
}

export interface InstallPages {
  installer: InstallProvider;
  /** GET routes for the HTTP server: the install page and Slack's redirect back. */
  routes: Record<string, RequestListener>;
}

/**
 * The "Add to Slack" flow on `@slack/oauth`'s InstallProvider (what Bolt's `installerOptions` set up
 * inside Bolt's own receivers, which Vouch replaces: `src/slack/transport/http-receiver.ts`):
 * `GET /slack/install` shows the button (and sets the state cookie), Slack's authorize page sends the
 * member back to `GET /slack/oauth_redirect` with a code, exchanged with `oauth.v2.access`; the
 * installation is stored encrypted and the member sees which workspace Vouch is now in.
 * @see https://docs.slack.dev/authentication/installing-with-oauth
 */
export function createInstallPages(deps: InstallPagesDeps): InstallPages {
  const { oauth, store, logger } = deps;
  const log = logger.child({ component: 'install' });
  const installer = new Provider({
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    installationStore: store,
    authorizationUrl: oauth.authorizeUrl,
    clientOptions: { slackApiUrl: deps.slackApiUrl },
    renderHtmlForInstallPath: (url) =>
      page(
        'Add Vouch to Slack',
        `<h1>Vouch</h1><p>Job referrals inside your Slack workspace: share a job link, see who can refer you, ask in one click.</p>
<p><a class="add" href="${escapeHtml(url)}">Add to Slack</a></p>`,
      ),
    logger: {
      debug: (...msg) => log.debug(msg.map(String).join(' ')),
      info: (...msg) => log.info(msg.map(String).join(' ')),
      warn: (...msg) => log.warn(msg.map(String).join(' ')),
      error: (...msg) =>
        log.warn(msg.map((part) => (part instanceof Error ? part.message : String(part))).join(' ')),
      setLevel: () => undefined,
      getLevel: () => 'info' as never,
      setName: () => undefined,
    },
  });
  const installOptions = () => ({
    scopes: [...deps.scopes()],
    ...(oauth.redirectUri !== undefined ? { redirectUri: oauth.redirectUri } : {}),
  });

  const success = (
    installation: Installation,
    _options: unknown,
    _req: IncomingMessage,
    res: ServerResponse,
  ) => {
    const where = installation.isEnterpriseInstall
      ? `the organisation ${installation.enterprise?.name ?? installation.enterprise?.id ?? ''}`
      : `${installation.team?.name ?? installation.team?.id ?? 'your workspace'}`;
    log.info(
      {
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        isEnterpriseInstall: installation.isEnterpriseInstall === true,
      },
      'Vouch installed',
    );
    send(
      res,
      200,
      page(
        'Vouch is installed',
        `<h1>Vouch is installed in ${escapeHtml(where)}</h1><p>Share a job link in a channel Vouch is in, or type <code>/vouch help</code>.</p>`,
      ),
    );
  };
  const failure = (
    error: Error & { code?: string },
    _options: unknown,
    _req: IncomingMessage,
    res: ServerResponse,
  ) => {
    log.warn({ code: error.code, reason: error.message }, 'an install did not complete');
    const cancelled = /cancel/i.test(error.message);
    send(
      res,
      cancelled ? 200 : 400,
      page(
        'Vouch was not installed',
        `<h1>Vouch was not installed</h1><p>${cancelled ? 'The install was cancelled.' : 'Slack did not confirm the install (the link may have expired or was opened in another browser).'}</p><p><a href="${INSTALL_PATH}">Try again</a></p>`,
      ),
    );
  };

  return {
    installer,
    routes: {
      [INSTALL_PATH]: (req, res) => {
        installer.handleInstallPath(req, res, {}, installOptions()).catch((error: unknown) => {
          log.warn({ err: error }, 'the install page failed');
          if (!res.headersSent) send(res, 500, page('Vouch', '<h1>Something went wrong</h1>'));
        });
      },
      [REDIRECT_PATH]: (req, res) => {
        installer.handleCallback(req, res, { success, failure }, installOptions()).catch((error: unknown) => {
          log.warn({ err: error }, 'the OAuth redirect failed');
          if (!res.headersSent) send(res, 500, page('Vouch', '<h1>Something went wrong</h1>'));
        });
      },
    },
  };
}
