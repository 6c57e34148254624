import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, sourceFiles } from '../../helpers/source-files.js';

const POSTINGS = 'src/postings';
const REFERRALS = resolve('src/referrals');

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
