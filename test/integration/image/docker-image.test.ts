import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlackApi, startFakeSlackApi } from '../../helpers/fake-slack-api.mjs';
import { appHomeOpened } from '../../helpers/slack-payloads.mjs';
import { createSlackRequester } from '../../helpers/slack-requests.js';
import { freePort, waitForStatus } from '../../helpers/spawn-vouch.js';
import {
  createEmptyTestDatabase,
  type DatabaseKind,
  describeEachDatabase,
} from '../../helpers/test-database.js';

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '../../..');
const IMAGE = 'vouch:test';
const SIGNING_SECRET = 'container-secret';

/** Runs only where a Docker daemon answers; VOUCH_DOCKER_TEST=0 opts out (the first build takes minutes). */
function dockerProblem(): string | undefined {
  if (process.env.VOUCH_DOCKER_TEST === '0') return 'VOUCH_DOCKER_TEST=0';
  const info = spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 20_000 });
  if (info.error !== undefined) return 'docker is not installed (apt-get install -y docker.io debootstrap)';
  if (info.status !== 0) return 'no Docker daemon answers `docker info` (start one: dockerd &)';
  // The script's default base, which it builds with debootstrap when missing.
  const localBase = `vouch-local-node:${process.versions.node}-bookworm`;
  const hasBase = spawnSync('docker', ['image', 'inspect', localBase], { stdio: 'ignore' }).status === 0;
  const canBuildBase = spawnSync('sh', ['-c', 'command -v debootstrap'], { stdio: 'ignore' }).status === 0;
  if (process.env.VOUCH_BASE_IMAGE === undefined && !hasBase && !canBuildBase)
    return `no ${localBase} image and no debootstrap to build it (apt-get install -y debootstrap; or, where a registry answers, VOUCH_BASE_IMAGE=node:20.20.2-bookworm-slim)`;
  return undefined;
}
const problem = dockerProblem();
if (problem !== undefined) console.warn(`Docker image tests skipped: ${problem}`);

async function docker(...args: string[]): Promise<string> {
  const { stdout } = await run('docker', args, { maxBuffer: 64 * 1024 * 1024 });
  return stdout.trim();
}

/** The image as scripts/build-image.sh builds it (a cached rebuild takes seconds; the first, minutes). */
async function buildImage(): Promise<void> {
  await run('bash', [resolve(repoRoot, 'scripts/build-image.sh')], {
    env: { ...process.env, VOUCH_IMAGE: IMAGE },
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe.skipIf(problem !== undefined)('the Docker image', () => {
  beforeAll(buildImage, 20 * 60_000);

  it('is at most 350 MB', async () => {
    const bytes = Number(await docker('image', 'inspect', '-f', '{{.Size}}', IMAGE));
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(350_000_000);
  });

  it('carries production dependencies only: no Prisma CLI, no TypeScript, no compiler', async () => {
    const listing = await docker(
      'run',
      '--rm',
      IMAGE,
      'sh',
      '-c',
      'for p in prisma typescript vitest @prisma/client better-sqlite3; do [ -e node_modules/$p ] && echo $p; done; command -v g++ || true',
    );
    expect(listing.split('\n')).toEqual(['@prisma/client', 'better-sqlite3']);
  });
});

describeEachDatabase('a Vouch container', (kind: DatabaseKind) => {
  const name = `vouch-test-${randomBytes(4).toString('hex')}`;
  let slack: FakeSlackApi;
  let port: number;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (problem !== undefined) return;
    await buildImage();
    slack = await startFakeSlackApi();
    port = await freePort();
    const env: Record<string, string> = {
      SLACK_BOT_TOKEN: 'xoxb-container-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      PORT: String(port),
      LOG_LEVEL: 'info',
    };
    if (kind === 'postgresql') {
      const database = await createEmptyTestDatabase('postgresql');
      env.DATABASE_URL = database.url;
      dropDatabase = database.drop;
    }
    // Host network: the container reaches the fake Slack API and PostgreSQL on 127.0.0.1, and
    // serves on PORT there. SQLite stays on the image's /data volume (its default DATABASE_URL).
    const flags = Object.entries(env).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
    await docker(
      'run',
      '-d',
      '--name',
      name,
      '--network',
      'host',
      '--health-interval',
      '1s',
      ...flags,
      IMAGE,
    );
  }, 20 * 60_000);

  afterAll(async () => {
    if (problem !== undefined) return;
    await docker('rm', '-f', '-v', name).catch(() => undefined);
    await slack?.close();
    await dropDatabase?.();
  });

  describe.skipIf(problem !== undefined)('started with a bot token and signing secret', () => {
    it('serves /healthz, turns ready once Slack confirms the token, and Docker reports it healthy', async () => {
      await waitForStatus(`http://127.0.0.1:${port}/healthz`, 200, 30_000);
      await waitForStatus(`http://127.0.0.1:${port}/readyz`, 200, 15_000);
      for (let tries = 0; ; tries++) {
        const health = await docker('inspect', '-f', '{{.State.Health.Status}}', name);
        if (health === 'healthy') break;
        if (tries > 40) throw new Error(`the HEALTHCHECK still says ${health}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    });

    it('runs as the unprivileged node user, not root', async () => {
      const status = await docker('exec', name, 'cat', '/proc/1/status');
      const uids = /^Uid:\s+(\d+)\s+(\d+)/m.exec(status);
      expect(uids?.[1]).toBe('1000');
      expect(uids?.[2]).toBe('1000');
      expect(await docker('exec', name, 'id', '-un')).toBe('node');
    });

    it('answers a signed Slack request and publishes the Home through the Slack API', async () => {
      const requests = createSlackRequester(`http://127.0.0.1:${port}`, SIGNING_SECRET, slack.responseUrl);
      const verification = await requests.event({
        type: 'url_verification',
        challenge: 'in-a-box',
        token: 't',
      });
      expect(verification.text).toContain('in-a-box');
      const forged = await requests.event(
        { type: 'url_verification', challenge: 'x', token: 't' },
        { signingSecret: 'not-the-secret' },
      );
      expect(forged.status).toBe(401);

      await requests.eventCallback(appHomeOpened('U0DOCKER'));
      const publish = await slack.waitFor(
        'views.publish',
        (call) => call.args.user_id === 'U0DOCKER',
        15_000,
      );
      expect(publish.args.view).toMatchObject({ type: 'home' });
      expect(slack.takeRejections()).toEqual([]);
    });

    it('stops gracefully on `docker stop`: exit code 0 well before Docker would kill it', async () => {
      const started = Date.now();
      await docker('stop', '--time', '20', name);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(await docker('inspect', '-f', '{{.State.ExitCode}}', name)).toBe('0');
      const logs = await docker('logs', name);
      expect(logs).toContain('"signal":"SIGTERM"');
      expect(logs).toContain('"msg":"shutdown requested"');
      expect(logs).toContain('"msg":"stopped"');
      expect(logs).not.toContain('xoxb-container-test');
    });
  });
});
