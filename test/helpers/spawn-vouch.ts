import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const builtMain = resolve(repoRoot, 'dist/main.js');

/** `npm test` builds first; a bare `vitest run` without a build skips these tests visibly. */
export const isBuilt = existsSync(builtMain);
if (!isBuilt)
  console.warn(`process tests skipped: ${builtMain} is missing — run \`npm run build\` (npm test does)`);

export interface SpawnedVouch {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; afterMs: number }>;
}

/** Runs `node dist/main.js` exactly as `npm start` does, with only the given environment. */
export function spawnVouch(env: Record<string, string>, cwd: string): SpawnedVouch {
  const started = Date.now();
  const child = spawn(process.execPath, [builtMain], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; afterMs: number }>(
    (done) => {
      child.on('exit', (code, signal) => done({ code, signal, afterMs: Date.now() - started }));
    },
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/** Polls `url` until it answers `status` or the time runs out; returns elapsed ms. */
export async function waitForStatus(url: string, status: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.status === status) return Date.now() - started;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs)
      throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
