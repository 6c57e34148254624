import { z } from 'zod';
import { cleanText } from '../text/clean-text.js';

/**
 * A candidate's profile, pure: its fields, their limits, and the checks a form's input passes before
 * it is stored. No I/O: the profile form, the interest form and the store share these.
 */

/** The pitch is one line a referrer reads at a glance. */
export const PITCH_MAX_LENGTH = 150;
/** Long enough for any profile or document link; Slack's URL buttons stop at 3000. */
export const PROFILE_URL_MAX_LENGTH = 500;
/** Slack's own limit on a file_input upload. */
export const RESUME_FILE_MAX_BYTES = 10 * 1024 * 1024;

/** A résumé file a member uploaded in Slack (a file_input): Slack's id and the file's name. */
export interface ResumeFile {
  id: string;
  name: string;
}

/** What a profile holds; every field may be empty (null). */
export interface ProfileFields {
  profileUrl: string | null;
  resumeUrl: string | null;
  pitch: string | null;
  resumeFile: ResumeFile | null;
}

export const emptyProfile: ProfileFields = {
  profileUrl: null,
  resumeUrl: null,
  pitch: null,
  resumeFile: null,
};

/** Whether a profile holds nothing at all (then nothing is stored or sent). */
export function isEmptyProfile(profile: ProfileFields): boolean {
  return (
    profile.profileUrl === null &&
    profile.resumeUrl === null &&
    profile.pitch === null &&
    profile.resumeFile === null
  );
}

/** Slack file ids: `F` and capitals or digits. */
export const slackFileIdSchema = z.string().regex(/^F[A-Z0-9]{2,30}$/);

/** A file as stored (and as a job's payload carries it). */
export const resumeFileSchema = z.object({ id: slackFileIdSchema, name: z.string().min(1).max(255) });

export type UrlCheck = { ok: true; url: string | null } | { ok: false; error: string };

/**
 * A URL a member typed: empty is fine (null); otherwise an absolute http(s) URL with a host, without
 * a user name or password in it. The error is a sentence the form shows under the field.
 */
export function checkProfileUrl(raw: string | null | undefined): UrlCheck {
  const text = cleanText(raw ?? '').trim();
  if (text === '') return { ok: true, url: null };
  if (text.length > PROFILE_URL_MAX_LENGTH) {
    return { ok: false, error: `That link is too long: at most ${PROFILE_URL_MAX_LENGTH} characters.` };
  }
  // "linkedin.com/in/ada" is what people paste: it means https.
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return {
      ok: false,
      error: 'That is not a web link: it should look like https://www.linkedin.com/in/you',
    };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return { ok: false, error: 'Only web links (starting with https:// or http://) can be shared.' };
  }
  if (!parsed.hostname.includes('.') || /\s/.test(text)) {
    return {
      ok: false,
      error: 'That is not a web link: it should look like https://www.linkedin.com/in/you',
    };
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return { ok: false, error: 'Please leave the user name and password out of the link.' };
  }
  return { ok: true, url: parsed.href };
}

/** The pitch as stored: one line, control characters out, at most `PITCH_MAX_LENGTH`; null when empty. */
export function cleanPitch(raw: string | null | undefined): string | null {
  const text = cleanText(raw ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, PITCH_MAX_LENGTH)
    .trim();
  return text === '' ? null : text;
}

/**
 * The résumé file a form means: a file attached now, else the one the profile already holds unless
 * the member ticked to drop it. The kept file is read from the database, never from the form.
 */
export function chooseResumeFile(
  attached: ResumeFile | null,
  dropKept: boolean,
  kept: ProfileFields | null,
): ResumeFile | null {
  if (attached !== null) return attached;
  return dropKept ? null : (kept?.resumeFile ?? null);
}

/** The form's raw fields, checked: the profile, or an error per field that is wrong. */
export type ProfileCheck =
  | { ok: true; profile: ProfileFields }
  | { ok: false; errors: Partial<Record<'profileUrl' | 'resumeUrl', string>> };

/** Checks what a form sent (URLs as typed, the pitch, a file) and builds the profile it means. */
export function checkProfile(input: {
  profileUrl: string | null;
  resumeUrl: string | null;
  pitch: string | null;
  resumeFile: ResumeFile | null;
}): ProfileCheck {
  const profileUrl = checkProfileUrl(input.profileUrl);
  const resumeUrl = checkProfileUrl(input.resumeUrl);
  if (!profileUrl.ok || !resumeUrl.ok) {
    return {
      ok: false,
      errors: {
        ...(profileUrl.ok ? {} : { profileUrl: profileUrl.error }),
        ...(resumeUrl.ok ? {} : { resumeUrl: resumeUrl.error }),
      },
    };
  }
  return {
    ok: true,
    profile: {
      profileUrl: profileUrl.url,
      resumeUrl: resumeUrl.url,
      pitch: cleanPitch(input.pitch),
      resumeFile: input.resumeFile,
    },
  };
}
