import { describe, expect, it } from 'vitest';
import { canonicalizeJobUrl } from '../../../../src/postings/canonical-url.js';
import { extractPosting, extractPostingDetailed } from '../../../../src/postings/extract-posting.js';
import { oracleRecruitingProvider } from '../../../../src/postings/providers/oracle-recruiting.js';
import { fixture } from './fixture.js';
import { expectOneIdentity } from './provider-test-kit.js';

const POD = 'https://jpmc.fa.oraclecloud.com';
const CANONICAL = `${POD}/hcmUI/CandidateExperience/en/sites/CX_1001/job/210711544`;

describe('Oracle Recruiting Cloud links', () => {
  it('maps locale, apply, preview and the REST resource of one requisition to one identity', () => {
    expectOneIdentity(
      [
        CANONICAL,
        `${POD}/hcmUI/CandidateExperience/fr-FR/sites/CX_1001/job/210711544?utm_source=linkedin`,
        `${POD}/hcmUI/CandidateExperience/sites/CX_1001/job/210711544/`,
        `${POD}/hcmUI/CandidateExperience/en/sites/CX_1001/job/210711544/apply/email`,
        `${POD}/hcmUI/CandidateExperience/en/sites/CX_1001/requisitions/preview/210711544`,
        `${POD}/hcmRestApi/resources/latest/recruitingCEJobRequisitionDetails?expand=all&onlyData=true&finder=ById;Id=%22210711544%22,siteNumber=CX_1001`,
      ],
      {
        source: 'oracle-recruiting',
        tenant: 'CX_1001',
        jobId: '210711544',
        canonicalUrl: CANONICAL,
      },
    );
  });

  it('recognises a custom domain that fronts Oracle by the candidate-experience path', () => {
    expect(
      canonicalizeJobUrl('https://careers.example.org/hcmUI/CandidateExperience/en/sites/CX_2/job/4417'),
    ).toMatchObject({ source: 'oracle-recruiting', tenant: 'CX_2', jobId: '4417' });
  });

  it('leaves search pages and job lists to the generic path', () => {
    expect(canonicalizeJobUrl(`${POD}/hcmUI/CandidateExperience/en/sites/CX_1001/requisitions`).source).toBe(
      'other',
    );
  });

  it('asks the public requisition-details resource of the same host', () => {
    expect(oracleRecruitingProvider.apiRequest(canonicalizeJobUrl(CANONICAL))).toEqual({
      url: `${POD}/hcmRestApi/resources/latest/recruitingCEJobRequisitionDetails?expand=all&onlyData=true&finder=ById;Id=%22210711544%22,siteNumber=CX_1001`,
      accept: 'application/json',
    });
  });
});

describe('Oracle Recruiting Cloud requisition details', () => {
  it('reads the JPMorgan requisition: flex-field salary, business unit, full-time schedule', () => {
    const card = extractPosting({
      url: CANONICAL,
      body: fixture('oracle-recruiting/jpmorgan-market-director-of-wealth.json'),
      contentType: 'application/json',
    });
    expect(card).toMatchObject({
      source: 'oracle-recruiting',
      title: 'J.P. Morgan Wealth Management – Market Director of Wealth - New York, NY (Manhattan)',
      locations: ['New York, NY, United States'],
      employmentType: 'full-time',
      department: 'Consumer & Community Banking',
      salary: { min: 205000, max: 300000, currency: 'USD', period: null },
      minYearsExperience: 5,
    });
    expect(card.responsibilities).toHaveLength(7);
    expect(card.requirements).toHaveLength(7);
    expect(card.niceToHave).toEqual(['Bachelor’s Degree preferred']);
  });

  it('reads the Southern Nuclear requisition: a short organisation name is the employer', () => {
    const card = extractPosting({
      url: 'https://emje.fa.us6.oraclecloud.com/hcmUI/CandidateExperience/en/sites/CX_1/job/16280',
      body: fixture('oracle-recruiting/southern-nuclear-radiation-protection-supervisor.json'),
    });
    expect(card).toMatchObject({
      source: 'oracle-recruiting',
      title: 'Radiation Protection Supervisor - Plant Hatch',
      company: 'Southern Nuclear',
      locations: ['Baxley, GA, United States'],
      workplaceType: null,
      employmentType: 'full-time',
      salary: null,
      minYearsExperience: 5,
    });
    expect(card.responsibilities).toHaveLength(6);
    // The 11 bullets under the bold "JOB REQUIREMENTS" / "Minimum:" labels; the degree one says
    // "strongly preferred", so it is filed with the "Preferred:" list.
    expect(card.requirements).toHaveLength(10);
    expect(card.niceToHave).toEqual([
      'Previous Leadership experience',
      'Previous RP Supervisory experience preferred',
      'NRRPT Certification',
      'Associates or Bachelor’s degree in one of the physical sciences or engineering strongly preferred',
    ]);
  });

  it('says an empty answer for this requisition means it is no longer listed', () => {
    const result = extractPostingDetailed({
      url: CANONICAL,
      body: '{"items":[],"count":0,"hasMore":false,"limit":25,"offset":0}',
      contentType: 'application/json',
    });
    expect(result.unlisted).toBe(true);
  });

  it('does not claim an empty collection of another API', () => {
    expect(
      oracleRecruitingProvider.parseJson?.(
        { items: [] },
        { url: 'https://api.example.org/x', identity: null },
      ),
    ).toBeNull();
  });
});
