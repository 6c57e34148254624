#!/usr/bin/env node
// Runs after `npm ci` / `npm install`: generates both Prisma clients (offline, see prisma/README.md)
// and compiles the TypeScript, so that `npm start` is just `node dist/main.js` and answers at once.
// Production-only installs (`--omit=dev`: no Prisma CLI, no TypeScript) skip both: build first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** A devDependency's entry point, or undefined in a production-only install. */
function resolveDev(specifier) {
  try {
    return require.resolve(specifier);
  } catch {
    return undefined;
  }
}

// The Prisma CLI is a devDependency: production-only installs (the Docker image's runtime stage)
// use clients generated at build time and never need it.
const prisma = resolveDev('prisma/build/index.js');
if (prisma !== undefined) {
  for (const schema of ['prisma/sqlite/schema.prisma', 'prisma/postgres/schema.prisma']) {
    run(process.execPath, [prisma, 'generate', '--schema', schema]);
  }
} else {
  console.log(
    'postinstall: the Prisma CLI is not installed; skipping `prisma generate` (a production-only install).',
  );
}

const tsc = resolveDev('typescript/bin/tsc');
if (tsc !== undefined && existsSync('tsconfig.build.json') && existsSync('src')) {
  run(process.execPath, [tsc, '-p', 'tsconfig.build.json']);
} else {
  console.log(
    'postinstall: TypeScript not installed; skipping the build (run `npm run build` before `npm start`).',
  );
}
