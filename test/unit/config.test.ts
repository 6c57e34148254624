import { describe, expect, it } from 'vitest';
import { formatConfigProblems, loadConfig } from '../../src/config.js';

const httpEnv = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'secret' };

describe('configuration', () => {
  it('runs in HTTP mode with the documented defaults when only the bot token and signing secret are set', () => {
    const result = loadConfig(httpEnv);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.slack.mode).toEqual({ kind: 'http', signingSecret: 'secret' });
    expect(result.config.slack.apiUrl).toBe('https://slack.com/api/');
    expect(result.config.databaseUrl).toBe('file:./data/vouch.db');
    expect(result.config.port).toBe(3000);
    expect(result.config.logLevel).toBe('info');
    expect(result.config.fetchAllowPrivateHosts).toEqual([]);
    expect(result.config.threadCards).toBe(true);
    expect(result.config.reminderDays).toBe(7);
    expect(result.config.livenessHours).toBe(24);
  });

  it('runs in Socket Mode when an app-level token is set, with no signing secret needed', () => {
    const result = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-A-1-abc' });
    expect(result.ok && result.config.slack.mode).toEqual({ kind: 'socket', appToken: 'xapp-1-A-1-abc' });
  });

  it('names every problem at once, each with what to set and where to get it', () => {
    const result = loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.join('\n');
    expect(text).toMatch(/SLACK_BOT_TOKEN is missing: .*OAuth & Permissions.*Bot User OAuth Token/);
    expect(text).toMatch(/PORT must be a number/);
    expect(text).toMatch(/LOG_LEVEL .*one of fatal, error, warn, info, debug, trace, silent/);
    expect(text).toMatch(/DATABASE_URL must start with file: \(SQLite\) or postgresql:\/\//);
    expect(text).toMatch(/Neither SLACK_APP_TOKEN nor SLACK_SIGNING_SECRET is set/);
    expect(text).toMatch(/Socket Mode.*SLACK_APP_TOKEN.*App-Level Tokens/s);
    expect(text).toMatch(/HTTP mode.*SLACK_SIGNING_SECRET.*Signing Secret/s);
  });

  it('rejects tokens of the wrong kind with the kind it expects', () => {
    const result = loadConfig({ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_APP_TOKEN: 'xoxb-not-app' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.join('\n')).toMatch(/SLACK_BOT_TOKEN must be a bot token starting with xoxb-/);
    expect(result.problems.join('\n')).toMatch(
      /SLACK_APP_TOKEN must be an app-level token starting with xapp-/,
    );
  });

  it('treats empty variables as unset', () => {
    const result = loadConfig({ ...httpEnv, PORT: '', LOG_LEVEL: '', SLACK_APP_TOKEN: '' });
    expect(result.ok && result.config.port).toBe(3000);
    expect(result.ok && result.config.slack.mode.kind).toBe('http');
  });

  it('parses the private-host allow list as exact, lower-cased host names and IP literals', () => {
    const result = loadConfig({
      ...httpEnv,
      FETCH_ALLOW_PRIVATE_HOSTS: ' Jobs.Intranet.Example , 10.0.0.7,[::1] ',
    });
    expect(result.ok && result.config.fetchAllowPrivateHosts).toEqual([
      'jobs.intranet.example',
      '10.0.0.7',
      '::1',
    ]);
    const bad = loadConfig({ ...httpEnv, FETCH_ALLOW_PRIVATE_HOSTS: 'http://jobs.example/path' });
    expect(bad.ok).toBe(false);
  });

  it('reads the feature switches', () => {
    const result = loadConfig({
      ...httpEnv,
      VOUCH_THREAD_CARDS: 'false',
      VOUCH_REMINDER_DAYS: '3',
      VOUCH_LIVENESS_HOURS: '6',
    });
    expect(
      result.ok && [result.config.threadCards, result.config.reminderDays, result.config.livenessHours],
    ).toEqual([false, 3, 6]);
    expect(loadConfig({ ...httpEnv, VOUCH_REMINDER_DAYS: '0' }).ok).toBe(false);
  });

  it("keeps closed referrals' notes 180 days unless VOUCH_NOTE_RETENTION_DAYS says otherwise", () => {
    const fallback = loadConfig(httpEnv);
    expect(fallback.ok && fallback.config.noteRetentionDays).toBe(180);
    const set = loadConfig({ ...httpEnv, VOUCH_NOTE_RETENTION_DAYS: '30' });
    expect(set.ok && set.config.noteRetentionDays).toBe(30);
    const wrong = loadConfig({ ...httpEnv, VOUCH_NOTE_RETENTION_DAYS: 'forever' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.problems.join('\n')).toContain('VOUCH_NOTE_RETENTION_DAYS must be a number');
  });

  it('runs periodic jobs on their own periods unless VOUCH_PERIODIC_JOBS_EVERY_SECONDS sets one for all', () => {
    const fallback = loadConfig(httpEnv);
    expect(fallback.ok && fallback.config.periodicJobsEveryMs).toBeUndefined();
    const set = loadConfig({ ...httpEnv, VOUCH_PERIODIC_JOBS_EVERY_SECONDS: '3' });
    expect(set.ok && set.config.periodicJobsEveryMs).toBe(3_000);
    const tooShort = loadConfig({ ...httpEnv, VOUCH_PERIODIC_JOBS_EVERY_SECONDS: '1' });
    expect(tooShort.ok).toBe(false);
    if (!tooShort.ok)
      expect(tooShort.problems.join('\n')).toContain('VOUCH_PERIODIC_JOBS_EVERY_SECONDS must be at least 2');
  });

  it('sends channel digests at 09:00 UTC, weekly ones on Monday, unless VOUCH_DIGEST_HOUR_UTC / VOUCH_DIGEST_WEEKDAY say otherwise', () => {
    const fallback = loadConfig(httpEnv);
    expect(fallback.ok && fallback.config.digestSchedule).toEqual({ hourUtc: 9, weekday: 1 });
    const set = loadConfig({ ...httpEnv, VOUCH_DIGEST_HOUR_UTC: '0', VOUCH_DIGEST_WEEKDAY: ' Friday ' });
    expect(set.ok && set.config.digestSchedule).toEqual({ hourUtc: 0, weekday: 5 });
    const wrong = loadConfig({ ...httpEnv, VOUCH_DIGEST_HOUR_UTC: '24', VOUCH_DIGEST_WEEKDAY: 'someday' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) {
      expect(wrong.problems.join('\n')).toContain('VOUCH_DIGEST_HOUR_UTC must be between 0 and 23');
      expect(wrong.problems.join('\n')).toContain('VOUCH_DIGEST_WEEKDAY must be a day of the week');
    }
  });

  it('formats problems as readable lines, not a validation dump', () => {
    const text = formatConfigProblems(['A is missing: get it', 'B must be a number: like 3']);
    expect(text).toContain('Vouch cannot start: 2 configuration problems.');
    expect(text).toContain('  ✗ A is missing: get it');
    expect(text).not.toMatch(/ZodError|"code":/);
  });
});
