import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureDeps } from '../../../src/slack/features/feature-deps.js';
import { buildFeatures } from '../../../src/slack/features/index.js';
import { importsOf, sourceFiles } from '../../helpers/source-files.js';

const SLACK = 'src/slack';
const FEATURES = join(SLACK, 'features');

const capabilityFolders = readdirSync(FEATURES).filter((name) =>
  statSync(join(FEATURES, name)).isDirectory(),
);

describe('the Slack code', () => {
  it('reaches storage only through the domain services: no database client, no Prisma', () => {
    const offending = sourceFiles(SLACK).flatMap((path) =>
      importsOf(path)
        .filter((spec) => /(^|\/)db\/|generated\/|@prisma\//.test(spec))
        .map((spec) => `${relative(SLACK, path)} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });
});

describe('features/', () => {
  const features = buildFeatures({} as FeatureDeps);

  it('registers one feature per capability folder, named after it', () => {
    expect(features.map((f) => f.name).sort()).toEqual([...capabilityFolders].sort());
  });

  it('has every file of a capability folder in use (a listener nobody registers is a dead button)', () => {
    const imported = new Set(
      sourceFiles(FEATURES).flatMap((path) =>
        importsOf(path)
          .filter((spec) => spec.startsWith('.'))
          .map((spec) => join(path, '..', spec.replace(/\.js$/, '.ts'))),
      ),
    );
    const unused = capabilityFolders
      .flatMap((folder) => sourceFiles(join(FEATURES, folder)))
      .filter((path) => !path.endsWith('/index.ts') && !imported.has(path));
    expect(unused).toEqual([]);
  });

  it('gives each capability one register function in its index.ts', () => {
    for (const folder of capabilityFolders) {
      const index = readFileSync(join(FEATURES, folder, 'index.ts'), 'utf8');
      expect(index.match(/^export const \w+ = defineFeature<FeatureDeps>\(/gm), folder).toHaveLength(1);
    }
  });
});
