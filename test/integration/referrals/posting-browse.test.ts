import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  BROWSE_COUNT_CAP,
  BROWSE_PAGE_SIZE,
  type BrowseFilters,
} from '../../../src/referrals/posting-browse.js';
import { createReferralService, type ReferralService } from '../../../src/referrals/referral-service.js';
import { type SeedPosting, seedPostings } from '../../helpers/seed-postings.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../helpers/test-database.js';

const DAY = 86_400_000;

describeEachDatabase('browsing open postings, on the database', (kind) => {
  let database: TestDatabase;
  let referrals: ReferralService;
  let counter = 0;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    referrals = createReferralService({ db: database.db.prisma });
  });
  afterAll(() => database?.cleanup());

  /** A workspace of its own for a test, holding `postings`. */
  async function workspaceWith(postings: SeedPosting[]): Promise<{ team: string; ids: string[] }> {
    counter += 1;
    const team = `T0BROWSE${counter}`;
    return { team, ids: await seedPostings(database.db, team, postings) };
  }

  /** The titles of every page of a browse, page after page. */
  async function allTitles(team: string, filters: BrowseFilters): Promise<string[]> {
    const first = await referrals.browsePostings(team, filters, 1);
    const titles = first.rows.map((row) => row.posting.title ?? '');
    for (let page = 2; page <= first.pages; page += 1) {
      const next = await referrals.browsePostings(team, filters, page);
      titles.push(...next.rows.map((row) => row.posting.title ?? ''));
    }
    return titles;
  }

  it('each filter narrows: company (by its name or first words), place, workplace type, can refer, shared lately', async () => {
    const { team } = await workspaceWith([
      {
        title: 'Acme Berlin Hybrid',
        company: 'Acme Robotics',
        locations: ['Berlin, Germany'],
        workplaceType: 'hybrid',
      },
      {
        title: 'Acme Remote',
        company: 'Acme Robotics',
        locations: ['Remote - Europe'],
        referrers: ['U0REF1'],
      },
      { title: 'Globex Munich', company: 'Globex', locations: ['München, Bayern'], workplaceType: 'onsite' },
      {
        title: 'Globex Old',
        company: 'Globex',
        locations: ['Zürich'],
        createdAt: new Date(Date.now() - 40 * DAY),
      },
      { title: 'Initech Anywhere', company: 'Initech', locations: ['Remote, worldwide'] },
    ]);
    const titles = (filters: BrowseFilters) => allTitles(team, filters).then((t) => t.sort());

    expect(await titles({})).toHaveLength(5);
    expect(await titles({ company: 'acme' })).toEqual(['Acme Berlin Hybrid', 'Acme Remote']);
    expect(await titles({ company: 'ACME ROBOTICS, Inc.' })).toEqual(['Acme Berlin Hybrid', 'Acme Remote']);
    // Case and accents aside, whole words of a location; a remote posting open anywhere fits any place.
    expect(await titles({ place: 'BERLIN' })).toEqual(['Acme Berlin Hybrid', 'Initech Anywhere']);
    expect(await titles({ place: 'munchen' })).toEqual(['Globex Munich', 'Initech Anywhere']);
    expect(await titles({ place: 'Zurich' })).toEqual(['Globex Old', 'Initech Anywhere']);
    expect(await titles({ place: 'Berl' })).toEqual(['Initech Anywhere']);
    // A location that says "Remote" makes the posting remote.
    expect(await titles({ workplaceType: 'remote' })).toEqual(['Acme Remote', 'Initech Anywhere']);
    expect(await titles({ workplaceType: 'onsite' })).toEqual(['Globex Munich']);
    expect(await titles({ canRefer: true })).toEqual(['Acme Remote']);
    expect(await titles({ sinceDays: 30 })).toHaveLength(4);
    expect(await titles({ sinceDays: 30, company: 'globex' })).toEqual(['Globex Munich']);

    // A referrer at the company (not on the posting) counts for "someone can refer" too.
    await referrals.rememberCompanyReferrer(
      team,
      'Globex',
      (await referrals.ensureMember(team, 'U0GLOBEX')).id,
    );
    expect(await titles({ canRefer: true })).toEqual(['Acme Remote', 'Globex Munich', 'Globex Old']);
  });

  it('reads words as a company, else a place, else a company and a place', async () => {
    const { team } = await workspaceWith([
      { title: 'Hooli Berlin', company: 'Hooli', locations: ['Berlin'] },
      { title: 'Hooli Paris', company: 'Hooli', locations: ['Paris'] },
      { title: 'Vandelay Berlin', company: 'Vandelay Industries', locations: ['Berlin'] },
    ]);
    const read = async (text: string, more: BrowseFilters = {}) => {
      const page = await referrals.browsePostings(team, { text, ...more });
      return { titles: page.rows.map((r) => r.posting.title).sort(), reading: page.reading };
    };

    expect(await read('hooli')).toEqual({
      titles: ['Hooli Berlin', 'Hooli Paris'],
      reading: { companies: ['Hooli'], place: null, unknownCompany: null },
    });
    expect((await read('berlin')).titles).toEqual(['Hooli Berlin', 'Vandelay Berlin']);
    expect((await read('hooli berlin')).titles).toEqual(['Hooli Berlin']);
    expect((await read('berlin vandelay industries')).reading).toEqual({
      companies: ['Vandelay Industries'],
      place: 'berlin',
      unknownCompany: null,
    });
    // With the place named, the words must be a company.
    expect(await read('umbrella', { place: 'Berlin' })).toEqual({
      titles: [],
      reading: { companies: [], place: 'Berlin', unknownCompany: 'umbrella' },
    });
    expect((await referrals.browsePostings(team, { company: 'Umbrella' })).reading.unknownCompany).toBe(
      'Umbrella',
    );
  });

  it('lists open postings of the workspace only: closed ones and other workspaces never show', async () => {
    const { team } = await workspaceWith([
      { title: 'Open here', company: 'Soylent' },
      { title: 'Closed here', company: 'Soylent', status: 'closed' },
    ]);
    await seedPostings(database.db, `${team}OTHER`, [{ title: 'Open elsewhere', company: 'Soylent' }]);
    expect(await allTitles(team, {})).toEqual(['Open here']);
    expect(await allTitles(team, { company: 'Soylent' })).toEqual(['Open here']);
  });

  it('pages walk every result exactly once, newest first; a page past the last is the last', async () => {
    const start = Date.now() - 1000 * DAY;
    const postings = Array.from({ length: 23 }, (_, i) => ({
      title: `Job ${i}`,
      company: 'Pager',
      // Three postings share each instant: the order still never repeats or skips one.
      createdAt: new Date(start + Math.floor(i / 3) * DAY),
    }));
    const { team } = await workspaceWith(postings);

    const first = await referrals.browsePostings(team, {}, 1);
    expect({ total: first.total, pages: first.pages, rows: first.rows.length }).toEqual({
      total: 23,
      pages: 3,
      rows: BROWSE_PAGE_SIZE,
    });
    const walked = await allTitles(team, {});
    expect(walked).toHaveLength(23);
    expect(new Set(walked).size).toBe(23);
    expect(walked[0]).toMatch(/^Job 2[012]$/);
    expect(walked.at(-1)).toMatch(/^Job [012]$/);
    const past = await referrals.browsePostings(team, {}, 99);
    expect({ page: past.page, rows: past.rows.length }).toEqual({ page: 3, rows: 3 });
  });

  it('counts who can refer (posting and company, once each) and who is interested (withdrawn aside)', async () => {
    const { team, ids } = await workspaceWith([
      { title: 'Counted', company: 'Countco', referrers: ['U0BOTH', 'U0POSTONLY'] },
    ]);
    const postingId = ids[0] as string;
    const both = await referrals.ensureMember(team, 'U0BOTH');
    await referrals.rememberCompanyReferrer(team, 'Countco', both.id);
    await referrals.rememberCompanyReferrer(team, 'Countco', (await referrals.ensureMember(team, 'U0CO')).id);
    for (const [user, status] of [
      ['U0C1', 'interested'],
      ['U0C2', 'requested'],
      ['U0C3', 'withdrawn'],
    ] as const) {
      const candidate = await referrals.ensureMember(team, user);
      await database.db.prisma.referral.create({ data: { postingId, candidateId: candidate.id, status } });
    }
    const [row] = (await referrals.browsePostings(team, {})).rows;
    expect(row?.counts).toEqual({ referrers: 3, interested: 2 });
  });

  it('answers within a few milliseconds on 10,000 postings', async () => {
    const cities = ['Berlin, Germany', 'Paris, France', 'London, UK', 'New York, NY', 'Remote'];
    const types = ['remote', 'hybrid', 'onsite', null] as const;
    const postings = Array.from({ length: 10_000 }, (_, i) => ({
      title: `Engineer ${i}`,
      company: `Company ${i % 400}`,
      locations: [cities[i % cities.length] as string],
      workplaceType: types[i % types.length] ?? null,
      createdAt: new Date(Date.now() - (i % 120) * DAY),
      ...(i % 50 === 0 ? { referrers: [`U0PERF${i}`] } : {}),
    }));
    const seedStart = performance.now();
    const { team } = await workspaceWith(postings);
    const seedMs = performance.now() - seedStart;
    // As autovacuum would have by now: without statistics PostgreSQL plans for a one-row table.
    if (kind === 'postgresql') await database.db.prisma.$executeRawUnsafe('ANALYZE "Posting"');
    const queries: Array<[string, BrowseFilters, number]> = [
      ['no filter, page 1', {}, 1],
      ['no filter, page 500', {}, 500],
      ['place', { place: 'berlin' }, 1],
      ['company text', { text: 'company 7' }, 1],
      ['remote, can refer, 30 days', { workplaceType: 'remote', canRefer: true, sinceDays: 30 }, 1],
      [
        'every filter',
        { text: 'company 7 new york', workplaceType: 'hybrid', canRefer: true, sinceDays: 90 },
        1,
      ],
    ];
    const timings: Record<string, number> = {};
    for (const [name, filters, page] of queries) {
      await referrals.browsePostings(team, filters, page);
      const runs = 5;
      const started = performance.now();
      for (let i = 0; i < runs; i += 1) await referrals.browsePostings(team, filters, page);
      timings[name] = Math.round(((performance.now() - started) / runs) * 10) / 10;
    }
    console.info(
      `browse on 10,000 postings [${kind}] (seeded in ${Math.round(seedMs)} ms), ms per page:`,
      timings,
    );
    // 2,000 are in Berlin: counting stops at the cap, and says there are more.
    expect(await referrals.browsePostings(team, { place: 'berlin' })).toMatchObject({
      total: BROWSE_COUNT_CAP,
      more: true,
      pages: BROWSE_COUNT_CAP / BROWSE_PAGE_SIZE,
    });
    // Below the cap the count is exact: Berlin in the last 30 days is 6 days in 120 of 2,000 (plus the
    // ones on the 30th day, as the clock moved on since the seeding).
    const recent = await referrals.browsePostings(team, { place: 'berlin', sinceDays: 30 });
    expect(recent.more).toBe(false);
    expect(recent.total).toBeGreaterThanOrEqual(500);
    expect(recent.total).toBeLessThanOrEqual(600);
    for (const ms of Object.values(timings)) expect(ms).toBeLessThan(1_000);
  }, 120_000);
});
