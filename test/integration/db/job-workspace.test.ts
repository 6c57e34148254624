import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { createLogger } from '../../../src/logger.js';
import { currentWorkspace, teamWorkspace, withWorkspace } from '../../../src/runtime/workspace-context.js';
import { addJob, createWorkQueue } from '../../../src/work/work-queue.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../helpers/test-database.js';

describeEachDatabase('a job runs as the work of the workspace that wrote it', (kind) => {
  let test: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
    db = test.db.prisma;
  });
  afterAll(() => test.cleanup());

  it("records the writer's workspace, and never lends one job's workspace to another", async () => {
    const queue = createWorkQueue({
      db,
      provider: test.db.provider,
      logger: createLogger('silent'),
      leaseMs: 5_000,
      pollMs: 50,
    });
    const ranAs = new Map<string, string | undefined>();
    queue.handle('note', async (payload) => {
      ranAs.set((payload as { name: string }).name, currentWorkspace()?.teamId ?? 'none');
    });
    // Written inside workspace B's request: recorded as B's.
    await withWorkspace(teamWorkspace('T0BRAVO'), () =>
      addJob(db, { kind: 'note', key: 'bravo', payload: { name: 'bravo' } }),
    );
    // Written by a periodic round for workspace C, naming it.
    await addJob(db, {
      kind: 'note',
      key: 'charlie',
      payload: { name: 'charlie' },
      workspace: teamWorkspace('T0CHARLIE'),
    });
    // Written outside any workspace.
    await addJob(db, { kind: 'note', key: 'nobody', payload: { name: 'nobody' } });
    expect(
      (await db.job.findMany({ select: { key: true, teamId: true }, orderBy: { teamId: 'asc' } })).map(
        (j) => j.teamId,
      ),
    ).toEqual(expect.arrayContaining(['T0BRAVO', 'T0CHARLIE', null]));

    // Claimed while workspace A's request is being handled: none of them may run as A's.
    await withWorkspace(teamWorkspace('T0ALPHA'), async () => queue.start());
    const started = Date.now();
    while (ranAs.size < 3 && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 20));
    await queue.stop(5_000);
    expect(Object.fromEntries(ranAs)).toEqual({ bravo: 'T0BRAVO', charlie: 'T0CHARLIE', nobody: 'none' });
  });
});
