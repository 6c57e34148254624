import { describe, expect, it } from 'vitest';
import { detailsModal } from '../../../../src/slack/blocks/details-modal.js';
import { findLimitViolations } from '../../../../src/slack/blocks/limits.js';
import { detailsModalIds } from '../../../../src/slack/ids.js';
import { stringsMentioning, textOf } from '../../../helpers/slack-blocks.js';
import { pinterestSummary } from './fixtures.js';

describe('detailsModal', () => {
  const modal = detailsModal(pinterestSummary, { postingId: 'post_1' });
  const text = textOf(modal);

  it('is a modal within limits, titled by the company', () => {
    expect(modal).toMatchObject({
      type: 'modal',
      callback_id: detailsModalIds.callbackId,
      title: { text: 'Pinterest' },
    });
    expect(findLimitViolations(modal, 'modal')).toEqual([]);
    expect(JSON.parse(modal.private_metadata ?? '')).toEqual({ postingId: 'post_1' });
  });

  it('shows every responsibility, numbered, and every requirement and nice-to-have', () => {
    expect(text).toContain("*What you'd do*\n1. Be responsible");
    expect(text).toContain('5. Provide visibility to senior leadership');
    for (const r of pinterestSummary.requirements) expect(text).toContain(r);
    expect(text).toContain('*Nice to have*\n• Natural language processing');
    expect(text).toContain('*What the posting emphasised*');
    expect(text).toContain('*Other signals*');
  });

  it('lists salary, experience, seniority and team as fields', () => {
    const fields = modal.blocks.find((b) => b.type === 'section' && 'fields' in b && b.fields);
    expect(fields).toMatchObject({
      fields: expect.arrayContaining([
        { type: 'mrkdwn', text: '*Salary*\n$244k–$342k/yr' },
        { type: 'mrkdwn', text: '*Experience*\n8+ years' },
        { type: 'mrkdwn', text: '*Seniority*\nmanager' },
        { type: 'mrkdwn', text: '*Team*\nCore Engineering' },
      ]),
    });
  });

  it('states visa sponsorship only when the posting does', () => {
    expect(stringsMentioning(modal, 'Visa sponsorship')).toEqual([]);
    expect(
      textOf(detailsModal({ ...pinterestSummary, visaSponsorship: false }, { postingId: 'p' })),
    ).toContain('*Visa sponsorship*\nNot offered');
  });

  it('spreads a long list over several sections instead of cutting it', () => {
    const long = {
      ...pinterestSummary,
      responsibilities: Array.from({ length: 15 }, (_, i) => `Task ${i} ${'x'.repeat(400)}`),
    };
    const m = detailsModal(long, { postingId: 'p' });
    expect(textOf(m)).toContain('15. Task 14');
    expect(stringsMentioning(m, 'Cut to fit Slack')).toEqual([]);
    const continued = m.blocks.filter((b) => b.type === 'section' && b.text?.text.match(/^\d+\. Task/));
    expect(continued.length).toBeGreaterThan(0);
    expect(findLimitViolations(m, 'modal')).toEqual([]);
  });

  it('ends with a link to the posting and says nothing was cut when nothing was', () => {
    expect(modal.blocks.at(-1)).toMatchObject({ type: 'actions', elements: [{ url: pinterestSummary.url }] });
    expect(stringsMentioning(modal, 'Cut to fit Slack')).toEqual([]);
  });

  it('shows a useful line for a posting that says almost nothing', () => {
    const bare = {
      ...pinterestSummary,
      summary: null,
      salary: null,
      minYearsExperience: null,
      seniority: null,
      workplaceType: null,
      employmentType: null,
      department: null,
      responsibilities: [],
      requirements: [],
      niceToHave: [],
      emphasized: [],
      signals: [],
    };
    expect(textOf(detailsModal(bare, { postingId: 'p' }))).toContain("didn't say much more than its title");
  });
});
