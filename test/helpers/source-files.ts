import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every .ts file below `dir`, for tests that check what the code imports. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The module specifiers a file imports (static imports, re-exports and dynamic imports). */
export function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [
    ...[...text.matchAll(/^(?:import|export)[^;]*?from '([^']+)'/gms)].map((m) => m[1] ?? ''),
    ...[...text.matchAll(/import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? ''),
  ];
}
