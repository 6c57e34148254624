import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '../../..');
const prismaCli = resolve(repoRoot, 'node_modules/prisma/build/index.js');

/** `npx prisma …` from the project root; resolves with the exit code and both outputs. */
async function prisma(args: string[], databaseUrl: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
  delete env.PRISMA_SCHEMA_ENGINE_BINARY;
  try {
    const { stdout, stderr } = await run(process.execPath, [prismaCli, ...args], { cwd: repoRoot, env });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

// Prisma's native schema engine cannot be installed here (prisma/README.md); the committed stand-in
// must make the CLI's migrate commands say so and name ours, not fail with an engine parse error.
describe("Prisma's own migrate commands, without Prisma's native engine", () => {
  const dir = mkdtempSync(join(tmpdir(), 'vouch-prisma-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['migrate status', 'npm run db:status'],
    ['migrate deploy', 'npm run db:migrate'],
  ])('`prisma %s` exits non-zero with a plain pointer to `%s`', async (command, ours) => {
    const { code, output } = await prisma(command.split(' '), `file:${join(dir, 'vouch.db')}`);
    expect(code).not.toBe(0);
    expect(output).toContain("Error: VOUCH_NO_SCHEMA_ENGINE: Prisma's native schema engine is not installed");
    expect(output).toContain(ours);
    expect(output).not.toContain('Could not parse');
  });
});
