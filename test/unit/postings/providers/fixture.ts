import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const dir = resolve(import.meta.dirname, '..', '..', '..', 'fixtures', 'postings');

/** A real posting of `test/fixtures/postings/<system>/` (see that folder's SOURCE.md). */
export function fixture(path: string): string {
  return readFileSync(resolve(dir, path), 'utf8');
}
