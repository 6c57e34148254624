import { describe, expect, it } from 'vitest';
import { looksLikeMarkup, tidyCompany, tidyTitle } from '../../../src/postings/description/title.js';

describe('titles without the site’s chrome', () => {
  it.each([
    ['Senior Data Engineer - Careers At Northwind', 'Northwind', 'Senior Data Engineer'],
    ['Senior Data Engineer | Northwind Careers', 'Northwind', 'Senior Data Engineer'],
    ['Senior Data Engineer at Northwind', 'Northwind', 'Senior Data Engineer'],
    ['Job Application for Senior Data Engineer at Northwind', 'Northwind', 'Senior Data Engineer'],
    ['Job details | Senior Data Engineer', null, 'Senior Data Engineer'],
    ['Careers | Senior Data Engineer | Northwind', 'Northwind', 'Senior Data Engineer'],
    ['Senior Data Engineer – Jobs', null, 'Senior Data Engineer'],
    [
      'Stellenangebot: Softwareentwickler (m/w/d) - Karriere bei Nordwind',
      'Nordwind GmbH',
      'Softwareentwickler',
    ],
    ['Développeur Backend (H/F) | Carrières Nordvent', null, 'Développeur Backend'],
    ['Backend Engineer (all genders)', null, 'Backend Engineer'],
  ])('%s → %s', (raw, company, expected) => {
    expect(tidyTitle(raw, company)).toBe(expected);
  });

  it('keeps separators that belong to the title itself', () => {
    expect(tidyTitle('Senior Technical Program Manager - Autonomous Platform', 'Bright Machines')).toBe(
      'Senior Technical Program Manager - Autonomous Platform',
    );
    expect(tidyTitle('Vendedor(a) Externo (6 horas) | Divinópolis/MG', 'Stone')).toBe(
      'Vendedor(a) Externo (6 horas) | Divinópolis/MG',
    );
    expect(tidyTitle('Head of Data at Scale', 'Northwind')).toBe('Head of Data at Scale');
  });

  it('keeps level numerals in capitals', () => {
    expect(tidyTitle('Manager Ii, Machine Learning Engineering')).toBe(
      'Manager II, Machine Learning Engineering',
    );
  });

  it('gives no title rather than markup, JSON or an XML declaration', () => {
    expect(tidyTitle('{')).toBeNull();
    expect(tidyTitle('<?xml version="1.0"?>')).toBeNull();
    expect(tidyTitle('{"title": "Engineer"}')).toBeNull();
    expect(tidyTitle('<div class="job">Engineer</div>')).toBeNull();
    expect(tidyTitle('https://jobs.example.org/123')).toBeNull();
    expect(looksLikeMarkup('Senior Engineer, Payments')).toBe(false);
  });
});

describe('company names without the site’s chrome', () => {
  it.each([
    ['Careers At Northwind', 'Northwind'],
    ['Northwind Careers', 'Northwind'],
    ['Jobs bei Nordwind', 'Nordwind'],
    ['Northwind • Lisbon • Remote (Work from Home)', 'Northwind'],
    ['Northwind', 'Northwind'],
  ])('%s → %s', (raw, expected) => {
    expect(tidyCompany(raw)).toBe(expected);
  });

  it('leaves out what is not a name', () => {
    expect(tidyCompany('Careers')).toBeNull();
    expect(tidyCompany('We build tools. Join our team of 40 engineers in Lisbon')).toBeNull();
    expect(tidyCompany('<span>Northwind</span>')).toBeNull();
  });
});

describe('a company the posting names only in its opening', () => {
  it('is read from "At X, we…" and "X is hiring…", never from "The team is hiring"', async () => {
    const { companyFromOpening } = await import('../../../src/postings/description/company-name.js');
    expect(companyFromOpening(['At J.P. Morgan Chase, we have an enthusiasm for helping our clients.'])).toBe(
      'J.P. Morgan Chase',
    );
    expect(
      companyFromOpening(['English: Native level', 'Borderlink is hiring Assistant Language Teachers!']),
    ).toBe('Borderlink');
    expect(companyFromOpening(['The Platform team is hiring two engineers.'])).toBeNull();
    expect(companyFromOpening(['We build tools for shipping companies.'])).toBeNull();
  });
});

describe('a job board’s own name is never the employer', () => {
  it('is left out when only the page’s site name or host names the company', async () => {
    const { extractPosting } = await import('../../../src/postings/extract-posting.js');
    const page = (siteName: string) =>
      `<html><head><title>Data Analyst</title><meta property="og:title" content="Data Analyst"><meta property="og:site_name" content="${siteName}"></head><body><main><h1>Data Analyst</h1><p>Location: Leeds</p><p>Employment type: Full-time</p><p>Plan staffing for 40 hospitals with better data; you will build the forecasting models our planners use every week.</p></main></body></html>`;
    const onBoard = extractPosting({
      url: 'https://www.stepstone.de/stellenangebote--data-analyst--123',
      body: page('StepStone'),
    });
    expect(onBoard.title).toBe('Data Analyst');
    expect(onBoard.company).toBeNull();
    const onHost = extractPosting({ url: 'https://uk.indeed.example/job/123', body: page('Indeed') });
    expect(onHost.company).toBeNull();
    const ownSite = extractPosting({
      url: 'https://careers.northwind.example/jobs/123',
      body: page('Northwind Health'),
    });
    expect(ownSite.company).toBe('Northwind Health');
  });
});

describe('the site that shows a posting is not part of its title', () => {
  it.each([
    ['Data Analyst (m/w/d) | jobs.ch', 'Data Analyst'],
    ['Data Analyst - StepStone.de', 'Data Analyst'],
    ['Data Analyst | Indeed', 'Data Analyst'],
    ['Data Analyst - Built In', 'Data Analyst'],
  ])('%s → %s', (raw, expected) => {
    expect(tidyTitle(raw)).toBe(expected);
  });
});
