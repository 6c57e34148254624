import { createDatabase } from '../db/client.js';
import { DatabaseError } from '../db/database-error.js';
import type { DbLogger } from '../db/db-logger.js';
import { createQueueAdmin } from '../work/queue-admin.js';
import type { JobRow } from '../work/work-queue.js';

const DEFAULT_DATABASE_URL = 'file:./data/vouch.db';
/** A job waiting or running longer than this is listed as stuck. */
const STUCK_AFTER_MS = 5 * 60 * 1000;

export const QUEUE_USAGE = `  queue [list]
      counts of jobs by state, then failed jobs and jobs waiting over 5 minutes, with their last error
  queue retry <job-id|failed>
      runs a failed job (or every failed job) again, with fresh attempts
  queue drop <job-id|failed>
      deletes a failed or waiting job (or every failed job) so it never runs
`;

export interface QueueIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
}

const quiet: DbLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

function describe(job: JobRow): string {
  const where = job.state === 'running' && job.holder !== null ? ` held by ${job.holder}` : '';
  const error = job.lastError !== null ? `\n    last error: ${job.lastError}` : '';
  return `  ${job.id}  ${job.state}${where}  ${job.kind}  attempts ${job.attempts}  since ${job.createdAt.toISOString()}${error}`;
}

/** `vouch queue …` against DATABASE_URL; returns the exit code. */
export async function runQueue(argv: readonly string[], io: QueueIo): Promise<number> {
  const [action = 'list', target] = argv;
  if (!['list', 'retry', 'drop'].includes(action) || (action !== 'list' && target === undefined)) {
    io.stderr(`usage:\n${QUEUE_USAGE}`);
    return 2;
  }
  let database: Awaited<ReturnType<typeof createDatabase>> | undefined;
  try {
    database = await createDatabase({ url: io.env.DATABASE_URL || DEFAULT_DATABASE_URL, logger: quiet });
    await database.migrate();
    const admin = createQueueAdmin(database.prisma);
    if (action === 'list') {
      const counts = await admin.counts();
      const summary = ['pending', 'running', 'failed', 'done']
        .map((s) => `${s} ${counts[s] ?? 0}`)
        .join(', ');
      io.stdout(`${database.display}: ${summary}\n`);
      const problems = await admin.problems(STUCK_AFTER_MS);
      if (problems.length === 0) io.stdout('No failed or stuck jobs.\n');
      else io.stdout(`Failed or stuck:\n${problems.map(describe).join('\n')}\n`);
      return 0;
    }
    const count = action === 'retry' ? await admin.retry(target ?? '') : await admin.drop(target ?? '');
    io.stdout(`${action === 'retry' ? 'Sent round again' : 'Dropped'}: ${count} job(s).\n`);
    return count > 0 || target === 'failed' ? 0 : 1;
  } catch (error) {
    const message = error instanceof DatabaseError ? error.message : `unexpected error: ${String(error)}`;
    io.stderr(`vouch queue failed: ${message}\n`);
    return 1;
  } finally {
    await database?.close().catch(() => undefined);
  }
}
