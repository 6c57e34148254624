import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const POSTINGS = 'src/postings';
const REFERRALS = resolve('src/referrals');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The module specifiers a file imports (static imports, re-exports and dynamic imports). */
function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [
    ...[...text.matchAll(/^(?:import|export)[^;]*?from '([^']+)'/gms)].map((m) => m[1] ?? ''),
    ...[...text.matchAll(/import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? ''),
  ];
}

describe('the postings code', () => {
  it('depends on no referral code: what it needs of workspaces and companies it declares itself', () => {
    const offending = sourceFiles(POSTINGS).flatMap((path) =>
      importsOf(path)
        .filter((spec) => spec.startsWith('.'))
        .filter((spec) => {
          const target = resolve(path, '..', spec);
          return target === REFERRALS || target.startsWith(`${REFERRALS}/`);
        })
        .map((spec) => `${relative(POSTINGS, path)} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('is checked on the real folder (the test would pass vacuously on an empty one)', () => {
    expect(sourceFiles(POSTINGS)).toContain(join(POSTINGS, 'posting-store.ts'));
  });
});
