import { describe, expect, it } from 'vitest';
import { canonicalizeJobUrl } from '../../../../src/postings/canonical-url.js';
import { extractPosting } from '../../../../src/postings/extract-posting.js';
import { readHtmlPage } from '../../../../src/postings/html/page.js';
import { ashbyProvider } from '../../../../src/postings/providers/ashby.js';
import {
  embeddedBoardIdentity,
  embeddedBoardIdentityOfBody,
} from '../../../../src/postings/providers/embedded-board.js';
import { greenhouseProvider } from '../../../../src/postings/providers/greenhouse.js';
import { leverProvider } from '../../../../src/postings/providers/lever.js';
import { recruiteeProvider } from '../../../../src/postings/providers/recruitee.js';
import { workableProvider } from '../../../../src/postings/providers/workable.js';
import { fixture } from './fixture.js';
import { expectOneIdentity } from './provider-test-kit.js';

const CAMUS = 'https://www.camus.energy/careers/job-openings?gh_jid=5990198004';
const camusApi = fixture('greenhouse-custom-domain/camus-infrastructure-software-engineer-api.json');
const liverampTemplate = fixture('greenhouse-custom-domain/liveramp-job-posting-template.php');

/** Greenhouse's documented embed markup, as a company page carries it. */
function page(body: string): ReturnType<typeof readHtmlPage> {
  return readHtmlPage(`<!doctype html><html><head><title>Careers</title></head><body>${body}</body></html>`);
}

describe('a Greenhouse job on a company domain (gh_jid)', () => {
  it('is a Greenhouse job without a board token until the page names it', () => {
    expectOneIdentity(
      [
        CAMUS,
        'https://www.camus.energy/careers/job-openings?gh_jid=5990198004&gh_src=linkedin',
        'https://www.camus.energy/careers/job-openings?utm_source=x&gh_jid=5990198004#apply',
      ],
      {
        source: 'greenhouse',
        tenant: null,
        jobId: '5990198004',
        canonicalUrl: CAMUS,
      },
    );
    expect(greenhouseProvider.apiRequest(canonicalizeJobUrl(CAMUS))).toBeNull();
  });

  it('reads the board API entry whose absolute_url is the company page (real Camus Energy payload)', () => {
    const summary = extractPosting({ url: CAMUS, body: camusApi, contentType: 'application/json' });
    expect(summary.source).toBe('greenhouse');
    expect(summary.canonicalUrl).toBe(CAMUS);
    expect(summary.title).toBe('Infrastructure Software Engineer');
    expect(summary.company).toBe('Camus Energy');
    expect(summary.locations).toEqual(['Remote']);
    expect(summary.workplaceType).toBe('remote');
    expect(summary.employmentType).toBeNull();
    expect(summary.department).toBe('Engineering');
    expect(summary.salary).toEqual({ min: 180000, max: 230000, currency: 'USD', period: 'year' });
    expect(summary.minYearsExperience).toBe(3);
    expect(summary.responsibilities).toHaveLength(5);
    expect(summary.requirements).toHaveLength(6);
    expect(summary.niceToHave).toHaveLength(4);
  });

  it('takes the board token from a real company page’s embed script (LiveRamp’s job template)', () => {
    const url = 'https://liveramp.com/careers/job/?gh_jid=4712345';
    const identity = embeddedBoardIdentityOfBody(liverampTemplate, url);
    expect(identity).toEqual({
      source: 'greenhouse',
      tenant: 'liveramp',
      jobId: '4712345',
      canonicalUrl: 'https://job-boards.greenhouse.io/liveramp/jobs/4712345',
    });
    expect(identity && greenhouseProvider.apiRequest(identity)?.url).toBe(
      'https://boards-api.greenhouse.io/v1/boards/liveramp/jobs/4712345?content=true&pay_transparency=true',
    );
  });

  it('names no job on the embed page when the link names none (a listing page)', () => {
    expect(embeddedBoardIdentityOfBody(liverampTemplate, 'https://liveramp.com/careers/')).toBeNull();
  });

  it('reads the token from every embed host and the EU board', () => {
    const url = 'https://www.example-company.com/jobs?gh_jid=7507702';
    for (const [src, host] of [
      ['//boards.greenhouse.io/embed/job_board/js?for=D2L', 'job-boards.greenhouse.io'],
      ['https://app.greenhouse.io/embed/job_board/js?for=d2l', 'job-boards.greenhouse.io'],
      ['https://job-boards.eu.greenhouse.io/embed/job_board/js?for=d2l', 'job-boards.eu.greenhouse.io'],
    ] as const) {
      const identity = embeddedBoardIdentity(
        page(`<div id="grnhse_app"></div><script src="${src}"></script>`),
        url,
      );
      expect(identity?.canonicalUrl).toBe(`https://${host}/d2l/jobs/7507702`);
    }
  });

  it('takes the job from the embed itself when the link carries no gh_jid', () => {
    const frame = page(
      '<div id="grnhse_app"><iframe id="grnhse_iframe" src="https://job-boards.greenhouse.io/embed/job_app?for=alayacare&amp;token=8811313002"></iframe></div>',
    );
    expect(embeddedBoardIdentity(frame, 'https://www.alayacare.com/careers/apply')).toMatchObject({
      source: 'greenhouse',
      tenant: 'alayacare',
      jobId: '8811313002',
    });
    const loader = page(
      '<div id="grnhse_app"></div><script src="https://boards.greenhouse.io/embed/job_board/js?for=d2l"></script><script>Grnhse.Iframe.load(7507702);</script>',
    );
    expect(
      embeddedBoardIdentity(loader, 'https://www.d2l.com/careers/jobs/software-test-developer/'),
    ).toMatchObject({ tenant: 'd2l', jobId: '7507702' });
  });

  it('does not guess between two boards on one page', () => {
    const two = page(
      '<script src="https://boards.greenhouse.io/embed/job_board/js?for=alpha"></script><a href="https://boards.greenhouse.io/beta">Other brand</a>',
    );
    expect(embeddedBoardIdentity(two, 'https://www.alpha.com/jobs?gh_jid=4012345007')).toBeNull();
  });

  it('leaves a board’s own page and pages without a board alone', () => {
    const withEmbed = page(
      '<script src="https://boards.greenhouse.io/embed/job_board/js?for=acme"></script>',
    );
    expect(
      embeddedBoardIdentity(withEmbed, 'https://job-boards.greenhouse.io/other/jobs/4012345007'),
    ).toBeNull();
    expect(embeddedBoardIdentity(page('<p>We are hiring</p>'), CAMUS)).toBeNull();
    expect(embeddedBoardIdentity(page(''), 'not a url')).toBeNull();
  });
});

describe('a Greenhouse-hosted page on a company domain', () => {
  const remix = (jobPost: Record<string, unknown>) =>
    `<html><head><title>x</title></head><body><script>window.__remixContext = ${JSON.stringify({
      state: { loaderData: { 'routes/$url_token_.jobs_.$job_post_id': { urlToken: 'camus', jobPost } } },
    })};</script></body></html>`;

  it('reads the Remix job post when it is Greenhouse-shaped', () => {
    const body = remix({
      title: 'Infrastructure Software Engineer',
      company_name: 'Camus Energy',
      job_post_location: 'Remote',
      content: '<p>Role.</p>',
    });
    const summary = extractPosting({ url: 'https://careers.camus.energy/jobs/5990198004', body });
    expect(summary.source).toBe('greenhouse');
    expect(summary.locations).toEqual(['Remote']);
  });

  it('does not claim another site’s Remix state', () => {
    const body = remix({ title: 'Chef', location: 'Paris', content: '<p>Cook.</p>' });
    expect(extractPosting({ url: 'https://www.restaurant.fr/jobs/chef', body }).source).not.toBe(
      'greenhouse',
    );
  });
});

describe('an Ashby board embedded on a company domain (ashby_jid)', () => {
  const ID = '9c7da4b8-446b-4bf2-8d07-23241590bf2e';
  const embed = page(
    '<div id="ashby_embed"></div><script>window.__ashbyBaseJobBoardUrl = "https://jobs.ashbyhq.com/cerebras";</script><script src="https://jobs.ashbyhq.com/cerebras/embed?version=2"></script>',
  );

  it('names the organisation from the embed and the job from ashby_jid', () => {
    const url = `https://www.cerebras.ai/open-positions?ashby_jid=${ID.toUpperCase()}&utm_source=x`;
    expect(canonicalizeJobUrl(url)).toMatchObject({ source: 'ashby', tenant: null, jobId: ID });
    const identity = embeddedBoardIdentity(embed, url);
    expect(identity).toEqual({
      source: 'ashby',
      tenant: 'cerebras',
      jobId: ID,
      canonicalUrl: `https://jobs.ashbyhq.com/cerebras/${ID}`,
    });
    expect(identity && ashbyProvider.apiRequest(identity)?.url).toBe(
      'https://api.ashbyhq.com/posting-api/job-board/cerebras?includeCompensation=true',
    );
  });

  it('does not read a foreign page’s __appData unless Ashby’s organisation record says so', () => {
    const body = `<html><body><script>window.__appData = ${JSON.stringify({
      posting: { id: ID, title: 'Kernel Engineer' },
    })};</script></body></html>`;
    expect(extractPosting({ url: 'https://www.example-shop.com/p/1', body }).source).not.toBe('ashby');
    const ashbyBody = body.replace(
      '"posting"',
      '"organization":{"name":"Cerebras","hostedJobsPageSlug":"cerebras"},"posting"',
    );
    const summary = extractPosting({ url: `https://careers.cerebras.ai/jobs/${ID}`, body: ashbyBody });
    expect(summary.source).toBe('ashby');
    expect(summary.company).toBe('Cerebras');
  });
});

describe('Lever, Workable, Recruitee, SmartRecruiters and Workday links on a company page', () => {
  it('Lever: the posting link whose UUID the company link carries', () => {
    const uuid = 'd5486403-c050-4920-b2e0-91b69b61ebb2';
    const lever = page(
      `<a href="https://jobs.lever.co/palantir/${uuid}/apply">Apply</a><a href="https://jobs.lever.co/palantir/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0">Other</a>`,
    );
    const identity = embeddedBoardIdentity(lever, `https://www.palantir.com/careers/${uuid}/`);
    expect(identity).toMatchObject({ source: 'lever', tenant: 'palantir', jobId: uuid });
    expect(identity && leverProvider.apiRequest(identity)?.url).toBe(
      `https://api.lever.co/v0/postings/palantir/${uuid}`,
    );
    expect(embeddedBoardIdentity(lever, 'https://www.palantir.com/careers/')).toBeNull();
  });

  it('Workable: a custom domain keeps /j/{shortcode}; the account comes from the page', () => {
    const workable = page('<a href="https://apply.workable.com/vortexa/">All jobs</a>');
    const identity = embeddedBoardIdentity(workable, 'https://careers.vortexa.com/j/FB313AEBAB');
    expect(identity).toEqual({
      source: 'workable',
      tenant: 'vortexa',
      jobId: 'FB313AEBAB',
      canonicalUrl: 'https://apply.workable.com/vortexa/j/FB313AEBAB',
    });
    expect(identity && workableProvider.apiRequest(identity)?.url).toBe(
      'https://www.workable.com/api/accounts/vortexa?details=true',
    );
  });

  it('Recruitee: a careers site on its own domain that references the company’s recruitee.com host', () => {
    const recruitee = page('<link rel="alternate" href="https://channable.recruitee.com/api/offers/">');
    const identity = embeddedBoardIdentity(
      recruitee,
      'https://jobs.channable.com/o/customer-success-manager-benelux-dutch-speaking',
    );
    expect(identity).toMatchObject({
      source: 'recruitee',
      tenant: 'channable',
      jobId: 'customer-success-manager-benelux-dutch-speaking',
    });
    expect(identity && recruiteeProvider.apiRequest(identity)?.url).toBe(
      'https://channable.recruitee.com/api/offers/customer-success-manager-benelux-dutch-speaking',
    );
  });

  it('SmartRecruiters: the posting link whose id the company link carries', () => {
    const sr = page(
      '<a href="https://jobs.smartrecruiters.com/Vitol/744000133666057-platform-engineer">Apply</a>',
    );
    expect(embeddedBoardIdentity(sr, 'https://www.vitol.com/careers/job/744000133666057')).toMatchObject({
      source: 'smartrecruiters',
      tenant: 'Vitol',
      jobId: '744000133666057',
    });
  });

  it('Workday: the job link whose requisition the company link carries', () => {
    const wd = page(
      '<a href="https://nvidia.wd5.myworkdayjobs.com/en-US/NVIDIAExternalCareerSite/job/Israel-Yokneam/Practical-Hardware-Electronics-Test-Engineer_JR2021705/apply">Apply</a>',
    );
    expect(
      embeddedBoardIdentity(
        wd,
        'https://www.nvidia.com/en-us/about-nvidia/careers/job/Test-Engineer_JR2021705',
      ),
    ).toMatchObject({ source: 'workday', tenant: 'nvidia/NVIDIAExternalCareerSite', jobId: 'JR2021705' });
  });
});
