import { describe, expect, it } from 'vitest';
import { findLimitViolations } from '../../../../src/slack/blocks/limits.js';
import { postingCard } from '../../../../src/slack/blocks/posting-card.js';
import {
  companyDomainResult,
  ownVerificationBlock,
  referrerMentions,
} from '../../../../src/slack/blocks/verification-blocks.js';
import { textOf } from '../../../helpers/slack-blocks.js';
import { cardInput } from './fixtures.js';

describe('the ✓ of verified referrers', () => {
  it('marks the verified on the card, counts them, and says what the mark means', () => {
    const card = postingCard(
      cardInput({
        referrers: [{ userId: 'U0REF1', verified: true }, { userId: 'U0REF2' }],
        companyReferrers: [{ userId: 'U0DIR1', verified: true }],
        counts: { referrers: 3, interested: 0 },
      }),
    );
    const text = textOf(card);
    expect(text).toContain('🙋 *3* can refer (2 ✓)');
    expect(text).toContain('Can refer: <@U0REF1> ✓, <@U0REF2>');
    expect(text).toContain('Also refers at Pinterest: <@U0DIR1> ✓');
    expect(text).toContain("✓ verified: Slack e-mail at the company's domain");
    expect(findLimitViolations(card, 'message')).toEqual([]);
  });

  it('shows no mark and no legend when nobody is verified', () => {
    const text = textOf(postingCard(cardInput()));
    expect(text).not.toContain('✓');
    expect(text).toContain('Can refer: <@U0REF1>, <@U0REF2>');
  });

  it('keeps long lists short', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ userId: `U0R${i}`, verified: i % 2 === 0 }));
    expect(referrerMentions(many, 3)).toBe('<@U0R0> ✓, <@U0R1>, <@U0R2> ✓ and 27 more');
  });
});

describe('what a referrer is told about their own verification', () => {
  const base = { company: 'Acme', verified: false, receivesRequests: true, companyDomains: ['acme.com'] };

  it('names their own e-mail domain, never an address, and how to become verified', () => {
    const text = textOf([ownVerificationBlock({ ...base, emailDomain: 'globex.com' })]);
    expect(text).toContain("your Slack e-mail's domain (`globex.com`) isn't Acme's (`acme.com`)");
    expect(text).toContain('/vouch company-domain Acme <domain>');
    expect(text).not.toContain('@');
  });

  it('says free mail never verifies, and that requests need verification when the workspace asks for it', () => {
    const text = textOf([
      ownVerificationBlock({ ...base, receivesRequests: false, emailDomain: 'gmail.com' }),
    ]);
    expect(text).toContain('sends referral requests only to verified referrers');
    expect(text).toContain('`gmail.com`, a personal e-mail provider');
  });

  it('says when Vouch sees no e-mail, or does not know the company’s domain yet', () => {
    expect(textOf([ownVerificationBlock({ ...base, emailDomain: null })])).toContain(
      'sees no e-mail address',
    );
    expect(textOf([ownVerificationBlock({ ...base, companyDomains: [], emailDomain: 'acme.io' })])).toContain(
      "doesn't know Acme's domain yet",
    );
  });
});

describe('/vouch company-domain answers', () => {
  it('list where each domain comes from, and what an admin removed', () => {
    const text = textOf(
      companyDomainResult({
        kind: 'list',
        company: 'Acme',
        known: true,
        domains: [
          { domain: 'acme.com', from: 'posting' },
          { domain: 'acme.de', from: 'admin' },
        ],
        removed: ['acme-jobs.com'],
      }),
    );
    expect(text).toContain('`acme.com` (from its postings)');
    expect(text).toContain('`acme.de` (added by an admin)');
    expect(text).toContain('Not counted (removed by an admin): `acme-jobs.com`');
  });

  it('refuse a member who is not an admin, in a clear sentence', () => {
    expect(textOf(companyDomainResult({ kind: 'notAdmin', company: 'Acme' }))).toContain(
      "Only the workspace's admins and owners can change a company's domains.",
    );
  });
});
