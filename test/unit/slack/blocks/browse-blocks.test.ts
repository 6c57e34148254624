import { describe, expect, it } from 'vitest';
import { type BrowseOutcome, browseListMessage } from '../../../../src/slack/blocks/browse-blocks.js';

const outcome: BrowseOutcome = {
  rows: [],
  page: 3,
  pages: 100,
  total: 1_000,
  reading: { companies: [], place: 'berlin', unknownCompany: null },
  workplaceType: null,
  sinceDays: null,
  canRefer: false,
};

const firstLine = (message: ReturnType<typeof browseListMessage>): string =>
  JSON.stringify(message.blocks?.[0] ?? {});

describe('browse summary line', () => {
  it('says how many postings and which page of how many', () => {
    expect(firstLine(browseListMessage(outcome, null))).toContain('1000 open postings');
    expect(firstLine(browseListMessage(outcome, null))).toContain('page 3 of 100');
    expect(firstLine(browseListMessage(outcome, null))).not.toContain('+');
  });

  it('says "1000+" and "of 100+" when counting stopped at the cap', () => {
    const line = firstLine(browseListMessage({ ...outcome, more: true }, null));
    expect(line).toContain('1000+ open postings');
    expect(line).toContain('page 3 of 100+');
  });

  it('keeps the singular for one posting', () => {
    const line = firstLine(browseListMessage({ ...outcome, total: 1, pages: 1, page: 1 }, null));
    expect(line).toContain('1 open posting*');
  });
});
