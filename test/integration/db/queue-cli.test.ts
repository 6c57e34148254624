import { afterAll, beforeAll, expect, it } from 'vitest';
import { runQueue } from '../../../src/cli/queue.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../helpers/test-database.js';

describeEachDatabase('vouch queue (the operator command)', (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
  });
  afterAll(() => test.cleanup());

  async function vouchQueue(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runQueue(argv, {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      env: { DATABASE_URL: test.url },
    });
    return { code, stdout, stderr };
  }

  it('lists failed jobs with their last error, retries them and drops them', async () => {
    const db = test.db.prisma;
    expect((await vouchQueue()).stdout).toContain('No failed or stuck jobs.');
    const failed = await db.job.create({
      data: {
        kind: 'slack-dm',
        key: 'k1',
        payload: {},
        state: 'failed',
        attempts: 8,
        lastError: 'user_not_found',
      },
    });
    const listed = await vouchQueue('list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/pending 0, running 0, failed 1, done 0/);
    expect(listed.stdout).toContain(`${failed.id}  failed  slack-dm  attempts 8`);
    expect(listed.stdout).toContain('last error: user_not_found');

    expect(await vouchQueue('retry', failed.id)).toMatchObject({
      code: 0,
      stdout: 'Sent round again: 1 job(s).\n',
    });
    expect((await db.job.findUniqueOrThrow({ where: { id: failed.id } })).state).toBe('pending');
    expect(await vouchQueue('drop', failed.id)).toMatchObject({ code: 0, stdout: 'Dropped: 1 job(s).\n' });
    expect(await vouchQueue('drop', failed.id)).toMatchObject({ code: 1 });
  });

  it('explains its usage when an action or its target is missing', async () => {
    const answer = await vouchQueue('retry');
    expect(answer.code).toBe(2);
    expect(answer.stderr).toContain('queue retry <job-id|failed>');
  });
});
