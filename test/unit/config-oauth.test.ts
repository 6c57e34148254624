import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

const KEY = Buffer.alloc(32, 1).toString('base64');
const oauthEnv = {
  SLACK_SIGNING_SECRET: 'secret',
  SLACK_CLIENT_ID: '1111.2222',
  SLACK_CLIENT_SECRET: 'client-secret',
  SLACK_STATE_SECRET: 'a-state-secret-of-16+',
  VOUCH_ENCRYPTION_KEY: KEY,
};

const problemsOf = (env: Record<string, string>) => {
  const result = loadConfig(env);
  return result.ok ? '' : result.problems.join('\n');
};

describe('configuration of several workspaces ("Add to Slack")', () => {
  it('turns on with the four settings, in HTTP mode, without SLACK_BOT_TOKEN', () => {
    const result = loadConfig({
      ...oauthEnv,
      SLACK_API_URL: 'https://slack-gov.com/api/',
      VOUCH_PUBLIC_URL: 'https://vouch.example.com/',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.slack.oauth).toMatchObject({
      clientId: '1111.2222',
      authorizeUrl: 'https://slack-gov.com/oauth/v2/authorize',
      redirectUri: 'https://vouch.example.com/slack/oauth_redirect',
      uninstallGraceMs: 7 * 86_400_000,
    });
    expect(result.config.slack.oauth?.encryptionKey).toHaveLength(32);
  });

  it('names each missing setting, and how to generate the key', () => {
    const text = problemsOf({ SLACK_SIGNING_SECRET: 'secret', SLACK_CLIENT_ID: '1111.2222' });
    expect(text).toMatch(/SLACK_CLIENT_SECRET is missing: .*Client Secret/);
    expect(text).toMatch(/SLACK_STATE_SECRET is missing/);
    expect(text).toMatch(/VOUCH_ENCRYPTION_KEY is missing: .*openssl rand -base64 32/);
    expect(text).not.toMatch(/SLACK_BOT_TOKEN is missing/);
  });

  it('refuses a key of the wrong length', () => {
    const text = problemsOf({ ...oauthEnv, VOUCH_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') });
    expect(text).toMatch(/VOUCH_ENCRYPTION_KEY must be 32 bytes in base64 .*openssl rand -base64 32/);
  });

  it('refuses Socket Mode and a SLACK_BOT_TOKEN next to them', () => {
    const text = problemsOf({ ...oauthEnv, SLACK_APP_TOKEN: 'xapp-1-A-1-abc', SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(text).toMatch(/several workspaces need HTTP mode/);
    expect(text).toMatch(/SLACK_BOT_TOKEN is set with the "Add to Slack" settings/);
  });
});
