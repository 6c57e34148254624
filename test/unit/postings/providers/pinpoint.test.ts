import { describe, expect, it } from 'vitest';
import { canonicalizeJobUrl } from '../../../../src/postings/canonical-url.js';
import { extractPosting, extractPostingDetailed } from '../../../../src/postings/extract-posting.js';
import { pinpointProvider } from '../../../../src/postings/providers/pinpoint.js';
import { expectOneIdentity, fixtureBytes } from './provider-test-kit.js';

const fixture = (name: string) => fixtureBytes(`pinpoint/${name}`);

const UUID = 'f0bd8a53-6215-4532-b62a-9c8034c77f56';

describe('Pinpoint job links', () => {
  it('maps locale prefixes, the apply form and tracking tags to one posting', () => {
    expectOneIdentity(
      [
        `https://woodrodgers.pinpointhq.com/en/postings/${UUID}`,
        `https://woodrodgers.pinpointhq.com/de/postings/${UUID.toUpperCase()}?utm_source=linkedin`,
        `https://woodrodgers.pinpointhq.com/postings/${UUID}/`,
        `http://woodrodgers.pinpointhq.com/en/postings/${UUID}/applications/new`,
      ],
      {
        source: 'pinpoint',
        tenant: 'woodrodgers',
        jobId: UUID,
        canonicalUrl: `https://woodrodgers.pinpointhq.com/en/postings/${UUID}`,
      },
    );
  });

  it('knows a job by its numeric id too', () => {
    expect(canonicalizeJobUrl('https://woodrodgers.pinpointhq.com/jobs/570191')).toMatchObject({
      source: 'pinpoint',
      jobId: '570191',
    });
    expect(canonicalizeJobUrl(`https://www.pinpointhq.com/en/postings/${UUID}`).source).toBe('other');
    expect(canonicalizeJobUrl('https://woodrodgers.pinpointhq.com/en').source).toBe('other');
  });

  it('asks the board’s postings.json', () => {
    expect(
      pinpointProvider.apiRequest(
        canonicalizeJobUrl(`https://woodrodgers.pinpointhq.com/en/postings/${UUID}`),
      ),
    ).toEqual({ url: 'https://woodrodgers.pinpointhq.com/postings.json', accept: 'application/json' });
  });
});

describe('Pinpoint postings.json (Wood Rodgers, real capture)', () => {
  const url = `https://woodrodgers.pinpointhq.com/en/postings/${UUID}`;

  it('reads the posting and its three structured sections', () => {
    const s = extractPosting({ url, body: fixture('postings-woodrodgers-assistant-engineer.json') });
    expect(s).toMatchObject({
      source: 'pinpoint',
      title: 'Assistant Engineer',
      company: 'Wood Rodgers',
      locations: ['Denver, CO'],
      workplaceType: 'onsite',
      employmentType: 'full-time',
      department: 'Transportation',
      salary: { min: 31.75, max: 39.5, currency: 'USD', period: 'hour' },
    });
    // key_responsibilities under its own header ("A day in the life as…") are responsibilities.
    expect(s.responsibilities).toHaveLength(6);
    expect(s.requirements).toHaveLength(10);
    expect(s.niceToHave).toEqual([]);
    expect(s.benefits).toHaveLength(3);
  });

  it('says the posting is closed when the board no longer lists it', () => {
    const other = 'https://woodrodgers.pinpointhq.com/en/postings/00000000-0000-4000-8000-000000000000';
    const out = extractPostingDetailed({
      url: other,
      body: fixture('postings-woodrodgers-assistant-engineer.json'),
    });
    expect(out.unlisted).toBe(true);
  });

  it('shows no salary the employer chose to hide', () => {
    const data = JSON.parse(fixture('postings-woodrodgers-assistant-engineer.json').toString('utf8'));
    data.data[0].compensation_visible = false;
    expect(extractPosting({ url, body: JSON.stringify(data) }).salary).toBeNull();
  });

  it('does not claim other boards’ data lists', () => {
    expect(
      pinpointProvider.parseJson?.({ data: [{ title: 'x', url: 'y' }] }, { url, identity: null }),
    ).toBeNull();
    expect(pinpointProvider.parseJson?.({ data: 'x' }, { url, identity: null })).toBeNull();
  });
});
