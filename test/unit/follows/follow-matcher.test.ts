import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type CardFacts,
  type FollowInput,
  followCriteria,
  followMatches,
  matchWords,
} from '../../../src/follows/follow-matcher.js';

/** A card as a truth file of test/fixtures/postings describes it (checked by hand against the real posting). */
function fixtureCard(path: string): CardFacts {
  const truth = JSON.parse(readFileSync(`test/fixtures/postings/${path}.truth.json`, 'utf8')) as CardFacts;
  return {
    title: truth.title,
    company: truth.company,
    locations: truth.locations,
    workplaceType: truth.workplaceType,
    seniority: null,
  };
}

const personioStaff = fixtureCard('personio/personio-staff-software-engineer-data-platform');
const grafanaBackend = fixtureCard('remotely-de/grafana-labs-senior-backend-engineer-databases');
const camusInfra = fixtureCard('greenhouse-custom-domain/camus-infrastructure-software-engineer-api');
const gdmsSpecialist = fixtureCard('icims/gdms-field-support-specialist-iframe');
const cnppJunior = fixtureCard('welcome-to-the-jungle/wttj-api-cnpp-developpeur-junior');
const orbyzFlutter = fixtureCard('devjobs-at/orbyz-flutter-developer');
const doctolibMl = fixtureCard('welcome-to-the-jungle/wttj-api-doctolib-senior-ml-engineer');
const portsidePmm = fixtureCard('rippling/portside-job-detail');
const celsys = fixtureCard('gaijinpot/celsys-global-marketing-localization');
const nycWealth = fixtureCard('oracle-recruiting/jpmorgan-market-director-of-wealth');

const card = (facts: Partial<CardFacts>): CardFacts => ({
  title: null,
  company: null,
  seniority: null,
  workplaceType: null,
  locations: [],
  ...facts,
});

function follow(
  words: string,
  workplaceType: FollowInput['workplaceType'] = null,
  place: string | null = null,
) {
  const built = followCriteria({ words, workplaceType, place });
  if (built === null) throw new Error('empty follow');
  return built.criteria;
}

describe('followMatches on real cards (test/fixtures/postings)', () => {
  it.each<[string, ReturnType<typeof follow>, CardFacts, boolean]>([
    // Company names, normalised as the company directory does.
    ['company by its short name', follow('Personio'), personioStaff, true],
    ['company with its legal form', follow('Grafana Labs Inc.'), grafanaBackend, true],
    ['company in another case', follow('CAMUS ENERGY'), camusInfra, true],
    ['another company', follow('Stripe'), personioStaff, false],
    ['a company in Japanese', follow('株式会社セルシス'), celsys, true],
    // Title words: whole words, any order, case and accents ignored, abbreviations read.
    ['title words in any order', follow('data staff'), personioStaff, true],
    ['a part of a word is not a word', follow('eng'), personioStaff, false],
    ['every word must be there', follow('staff frontend'), personioStaff, false],
    ['accents ignored', follow('developpeur'), cnppJunior, true],
    ['accents ignored the other way', follow('Développeur junior'), cnppJunior, true],
    ['"Sr." is senior', follow('senior specialist'), gdmsSpecialist, true],
    ['a plural in the follow', follow('backend engineers'), grafanaBackend, true],
    ['company and title words together', follow('grafana backend'), grafanaBackend, true],
    // Workplace type.
    ['remote role that is remote', follow('backend', 'remote'), grafanaBackend, true],
    ['remote asked, hybrid posted', follow('staff', 'remote'), personioStaff, false],
    ['hybrid asked, hybrid posted', follow('staff', 'hybrid'), personioStaff, true],
    ['onsite asked, type unknown', follow('flutter', 'onsite'), orbyzFlutter, false],
    // Places, against the card's locations.
    ['a city among the locations', follow('staff', null, 'Berlin'), personioStaff, true],
    ['a city not among them', follow('staff', null, 'Paris'), personioStaff, false],
    ['a local spelling (Wien = Vienna)', follow('flutter', null, 'Vienna'), orbyzFlutter, true],
    ['a country of the location', follow('machine learning', null, 'France'), doctolibMl, true],
    ['NYC for New York', follow('wealth', null, 'NYC'), nycWealth, true],
    // Remote postings fit a place only where their locations say so.
    ['remote within a listed country', follow('backend', 'remote', 'Germany'), grafanaBackend, true],
    ['remote, UK for United Kingdom', follow('backend', 'remote', 'UK'), grafanaBackend, true],
    ['remote, but not in that city', follow('backend', 'remote', 'Berlin'), grafanaBackend, false],
    ['remote (United States) for "in US"', follow('product marketing', null, 'US'), portsidePmm, true],
    ['remote with no place fits no place', follow('infrastructure', null, 'Berlin'), camusInfra, false],
    ['only a type', follow('', 'remote'), camusInfra, true],
  ])('%s', (_name, criteria, facts, expected) => {
    expect(followMatches(criteria, facts)).toBe(expected);
  });
});

describe('followMatches on edge cases', () => {
  it('reads a location saying "Remote" as remote when the card names no type', () => {
    expect(followMatches(follow('', 'remote'), card({ title: 'Designer', locations: ['Remote - EU'] }))).toBe(
      true,
    );
  });

  it('lets a remote-anywhere posting fit any place', () => {
    const anywhere = card({ title: 'Writer', workplaceType: 'remote', locations: ['Remote, Worldwide'] });
    expect(followMatches(follow('writer', null, 'Lisbon'), anywhere)).toBe(true);
  });

  it('uses the seniority of the card as a word', () => {
    const senior = card({ title: 'Backend Engineer', seniority: 'senior' });
    expect(followMatches(follow('senior backend'), senior)).toBe(true);
  });

  it('keeps C++ and C# apart from C', () => {
    expect(followMatches(follow('c++'), card({ title: 'C++ Developer' }))).toBe(true);
    expect(followMatches(follow('c#'), card({ title: 'C++ Developer' }))).toBe(false);
  });

  it('needs a company name to match a company follow', () => {
    expect(followMatches(follow('Acme'), card({ title: 'Engineer' }))).toBe(false);
  });
});

describe('followCriteria', () => {
  it('normalises the words and the place, and labels what was typed', () => {
    expect(
      followCriteria({ words: '  Staff   Backend ', workplaceType: 'remote', place: 'München' }),
    ).toEqual({
      criteria: { words: 'staff backend', workplaceType: 'remote', place: 'munich' },
      label: 'Staff Backend · remote · in München',
      dedupeKey: 'staff backend|remote|munich',
    });
  });

  it('makes one follow of two spellings of the same thing', () => {
    const a = followCriteria({ words: 'Sr Engineers', workplaceType: null, place: null });
    const b = followCriteria({ words: 'senior engineer', workplaceType: null, place: null });
    expect(a?.dedupeKey).toBe(b?.dedupeKey);
  });

  it('asks for something', () => {
    expect(followCriteria({ words: ' ,, ', workplaceType: null, place: null })).toBeNull();
    expect(followCriteria({ words: '', workplaceType: null, place: 'Berlin' })?.label).toBe(
      'any role · in Berlin',
    );
  });

  it('splits words the way Slack users write them', () => {
    expect(matchWords('Staff Software Engineer, Data-Platform (m/w/d)')).toEqual([
      'staff',
      'software',
      'engineer',
      'data',
      'platform',
      'm',
      'w',
      'd',
    ]);
  });
});
