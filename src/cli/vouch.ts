import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PreviewIo, runPreview } from './preview.js';
import { QUEUE_USAGE, runQueue } from './queue.js';

const USAGE = `usage: vouch <command>

commands:
  preview <url|file> [--url URL] [--json | --blocks]
      print the card of a job link, a saved page or an API payload (--blocks: the Slack message JSON)
${QUEUE_USAGE}`;

/** Dispatches `vouch <command> ...`; returns the exit code. */
export async function run(argv: readonly string[], io: PreviewIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'preview') return runPreview(rest, io);
  if (command === 'queue') return runQueue(rest, io);
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    (command === undefined ? io.stderr : io.stdout)(USAGE);
    return command === undefined ? 2 : 0;
  }
  io.stderr(`vouch: unknown command ${command}\n${USAGE}`);
  return 2;
}

/** Real stdout/stderr/env. */
export function processIo(): PreviewIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  process.exitCode = await run(process.argv.slice(2));
}
