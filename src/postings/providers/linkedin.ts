import { normalizeEmploymentType } from '../description/employment-type.js';
import { findFirst, hasClass, visibleText } from '../html/dom.js';
import type { HtmlPage } from '../html/page.js';
import type { PostingIdentity } from '../posting-identity.js';
import { draftFromJobPosting, findJobPosting } from './json-ld.js';
import { hostOf, splitLocations } from './shared.js';
import { emptyDraft, type ParseContext, type PostingDraft, type Provider, str } from './types.js';

const LINKEDIN_HOST = /(?:^|\.)linkedin\.com$/i;

/** "Acme hiring Senior Engineer in Berlin, Germany | LinkedIn" */
const LINKEDIN_TITLE = /^(?<company>.+?) hiring (?<title>.+?)(?: in (?<location>.+?))?\s*\|\s*LinkedIn$/i;

/**
 * LinkedIn: the public job page's metadata only (title, company, location, the public
 * description snippet); nothing behind the login is fetched. The summary says details are limited.
 */
export const linkedinProvider: Provider = {
  id: 'linkedin',
  apiRequest: (_identity: PostingIdentity) => null,
  parseHtml(page: HtmlPage, context: ParseContext): PostingDraft | null {
    // A saved page (`vouch preview job.html`) has no LinkedIn URL; the signed-out job page states
    // its own address in og:url, lnkd:url and the canonical link (it has no og:site_name).
    const isLinkedIn =
      context.identity?.source === 'linkedin' ||
      [context.url, page.meta.get('og:url'), page.meta.get('lnkd:url'), page.canonicalLink].some((u) =>
        LINKEDIN_HOST.test(hostOf(u) ?? ''),
      ) ||
      page.meta.get('og:site_name') === 'LinkedIn';
    if (!isLinkedIn) return null;
    const jobPosting = findJobPosting(page.jsonLd);
    const draft = jobPosting
      ? { ...draftFromJobPosting(jobPosting), source: 'linkedin' as const }
      : emptyDraft('linkedin');
    const title = str(page.meta.get('og:title') ?? page.title);
    const m = title ? LINKEDIN_TITLE.exec(title) : null;
    if (m?.groups) {
      draft.company ??= str(m.groups.company);
      draft.title ??= str(m.groups.title);
      if (draft.locations.length === 0 && m.groups.location)
        draft.locations = splitLocations(m.groups.location);
    }
    const topCard = findFirst(
      page.root,
      (e) => hasClass(e, 'top-card-layout__title') || hasClass(e, 'topcard__title'),
    );
    draft.title ??= topCard ? str(visibleText(topCard)) : null;
    const org = findFirst(page.root, (e) => hasClass(e, 'topcard__org-name-link'));
    draft.company ??= org ? str(visibleText(org)) : null;
    const bullet = findFirst(page.root, (e) => hasClass(e, 'topcard__flavor--bullet'));
    if (draft.locations.length === 0 && bullet) draft.locations = splitLocations(visibleText(bullet));
    const criteria = findFirst(page.root, (e) => hasClass(e, 'description__job-criteria-list'));
    const criteriaText = criteria ? visibleText(criteria) : '';
    if (!draft.employmentType)
      draft.employmentType = normalizeEmploymentType(
        criteriaText.match(/Employment type\s*(\S+(?:[- ]time)?)/i)?.[1],
      );
    draft.statedLevel ??= str(
      criteriaText.match(
        /Seniority level\s*(.+?)(?:\s+(?:Employment type|Job function|Industries)\b|$)/i,
      )?.[1],
    );
    const description = findFirst(
      page.root,
      (e) => hasClass(e, 'show-more-less-html__markup') || hasClass(e, 'description__text'),
    );
    if (description && draft.descriptionHtml.length === 0) draft.descriptionElements = [description];
    draft.metaDescription = str(page.meta.get('og:description') ?? page.meta.get('description'));
    draft.limitation = 'linkedin';
    return draft;
  },
};
