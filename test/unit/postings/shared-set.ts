import { resolve } from 'node:path';

/** `../shared` beside the repository: hand-checked postings and seeds CI has and a fresh clone may not. */
export const sharedRoot = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared');

/** The raw bodies of the shared posting set. */
export const sharedRawDir = resolve(sharedRoot, 'fixtures', 'postings', 'raw');
