// `npm run bench` installs what only the benchmark needs (bench/package.json: metascraper, which
// pulls in re2, a native module) into bench/node_modules on first use, so the project's own
// `npm ci` compiles nothing but better-sqlite3 (issue #14).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
if (!existsSync(join(here, 'node_modules', 'metascraper', 'package.json'))) {
  console.log('· installing the benchmark-only dependencies (bench/package.json)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['ci', '--no-audit', '--no-fund', '--prefix', here], { stdio: 'inherit' });
}
