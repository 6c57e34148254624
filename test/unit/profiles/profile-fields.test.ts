import { describe, expect, it } from 'vitest';
import {
  checkProfile,
  checkProfileUrl,
  chooseResumeFile,
  cleanPitch,
  emptyProfile,
  PITCH_MAX_LENGTH,
} from '../../../src/profiles/profile-fields.js';

describe('checkProfileUrl', () => {
  it('takes http(s) links, and a link pasted without its scheme as https', () => {
    expect(checkProfileUrl(' https://www.linkedin.com/in/ada ')).toEqual({
      ok: true,
      url: 'https://www.linkedin.com/in/ada',
    });
    expect(checkProfileUrl('http://ada.dev/cv.pdf')).toEqual({ ok: true, url: 'http://ada.dev/cv.pdf' });
    expect(checkProfileUrl('linkedin.com/in/ada')).toEqual({ ok: true, url: 'https://linkedin.com/in/ada' });
  });

  it('an empty field is no link, not an error', () => {
    expect(checkProfileUrl('')).toEqual({ ok: true, url: null });
    expect(checkProfileUrl('   ')).toEqual({ ok: true, url: null });
    expect(checkProfileUrl(null)).toEqual({ ok: true, url: null });
  });

  it.each([
    ['javascript:alert(1)', /Only web links/],
    ['ftp://files.example.com/cv.pdf', /Only web links/],
    ['mailto:ada@example.com', /Only web links/],
    ['not a link', /not a web link/],
    ['https://localhost', /not a web link/],
    ['https://ada:secret@example.com/', /user name and password/],
    [`https://example.com/${'a'.repeat(600)}`, /too long/],
  ])('refuses %s with a sentence', (raw, message) => {
    const checked = checkProfileUrl(raw);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.error).toMatch(message);
  });
});

describe('cleanPitch', () => {
  it('keeps one line, without control characters, cut to the limit', () => {
    expect(cleanPitch('  Backend\n engineer\u0000 ')).toBe('Backend engineer');
    expect(cleanPitch('x'.repeat(400))).toHaveLength(PITCH_MAX_LENGTH);
    expect(cleanPitch(' ')).toBeNull();
  });
});

describe('checkProfile', () => {
  it('names each wrong link, and builds the profile when both are right', () => {
    expect(
      checkProfile({ profileUrl: 'javascript:x', resumeUrl: 'nope', pitch: null, resumeFile: null }),
    ).toEqual({
      ok: false,
      errors: {
        profileUrl: expect.stringMatching(/Only web links/),
        resumeUrl: expect.stringMatching(/web link/),
      },
    });
    expect(
      checkProfile({ profileUrl: 'github.com/ada', resumeUrl: null, pitch: ' Hi ', resumeFile: null }),
    ).toEqual({ ok: true, profile: { ...emptyProfile, profileUrl: 'https://github.com/ada', pitch: 'Hi' } });
  });
});

describe('chooseResumeFile', () => {
  const kept = { ...emptyProfile, resumeFile: { id: 'F0KEPT', name: 'cv.pdf' } };
  const attached = { id: 'F0NEW', name: 'new.pdf' };

  it('a file attached now wins; else the profile keeps its file unless dropped', () => {
    expect(chooseResumeFile(attached, true, kept)).toEqual(attached);
    expect(chooseResumeFile(null, false, kept)).toEqual(kept.resumeFile);
    expect(chooseResumeFile(null, true, kept)).toBeNull();
    expect(chooseResumeFile(null, false, null)).toBeNull();
  });
});
