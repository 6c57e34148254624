import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { canonicalizeJobUrl } from '../../../../src/postings/canonical-url.js';
import type { PostingIdentity } from '../../../../src/postings/posting-identity.js';

const fixturesDir = resolve(import.meta.dirname, '..', '..', '..', 'fixtures', 'postings');

/** The bytes of a real posting of `test/fixtures/postings/<system>/` (extracted as fetched, charset and all). */
export function fixtureBytes(path: string): Buffer {
  return readFileSync(resolve(fixturesDir, path));
}

/** Every way of writing one job (`urls`) is the one posting `identity`. */
export function expectOneIdentity(urls: readonly string[], identity: PostingIdentity): void {
  for (const url of urls) expect(canonicalizeJobUrl(url), url).toEqual(identity);
}
