import { describe, expect, it } from 'vitest';
import { displayCompanyName, normalizeCompanyName } from '../../../src/referrals/company-names.js';

describe('company names', () => {
  it('treat spellings of one employer as one company', () => {
    const key = normalizeCompanyName('Pinterest');
    for (const spelling of ['Pinterest, Inc.', 'PINTEREST inc', ' pinterest ', 'Pinterest LLC']) {
      expect(normalizeCompanyName(spelling)).toBe(key);
    }
  });

  it('fold accents and "&", keep distinguishing words', () => {
    expect(normalizeCompanyName('Société Générale')).toBe('societe generale');
    expect(normalizeCompanyName('Procter & Gamble Co.')).toBe('procter and gamble');
    expect(normalizeCompanyName('Bright Machines')).not.toBe(normalizeCompanyName('Bright'));
  });

  it('never strip a name down to nothing', () => {
    expect(normalizeCompanyName('Group')).toBe('group');
    expect(normalizeCompanyName('Labs Inc')).toBe('labs');
  });

  it('keep names in other scripts', () => {
    expect(normalizeCompanyName('Яндекс')).toBe('яндекс');
    expect(normalizeCompanyName('株式会社メルカリ')).toBe('株式会社メルカリ');
    expect(normalizeCompanyName('!!!')).toBe('');
  });

  it('display what people typed, tidied', () => {
    expect(displayCompanyName('  Acme    Robotics ')).toBe('Acme Robotics');
  });
});
