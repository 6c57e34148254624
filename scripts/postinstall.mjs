#!/usr/bin/env node
// Runs after `npm ci` / `npm install`: generates both Prisma clients (offline, see prisma/README.md)
// and compiles the TypeScript, so that `npm start` is just `node dist/main.js` and answers at once.
// With production-only installs (no TypeScript), the compile step is skipped: build first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const prisma = require.resolve('prisma/build/index.js');
for (const schema of ['prisma/sqlite/schema.prisma', 'prisma/postgres/schema.prisma']) {
  run(process.execPath, [prisma, 'generate', '--schema', schema]);
}

let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  tsc = undefined;
}
if (tsc !== undefined && existsSync('tsconfig.build.json') && existsSync('src')) {
  run(process.execPath, [tsc, '-p', 'tsconfig.build.json']);
} else {
  console.log(
    'postinstall: TypeScript not installed; skipping the build (run `npm run build` before `npm start`).',
  );
}
