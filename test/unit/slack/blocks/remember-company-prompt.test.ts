import { describe, expect, it } from 'vitest';
import { parseRememberCompany } from '../../../../src/slack/blocks/action-values.js';
import { findLimitViolations } from '../../../../src/slack/blocks/limits.js';
import { rememberCompanyPrompt } from '../../../../src/slack/blocks/remember-company-prompt.js';
import { rememberCompanyActionIds } from '../../../../src/slack/ids.js';
import { stringsMentioning } from '../../../helpers/slack-blocks.js';

describe('rememberCompanyPrompt', () => {
  it('asks Yes / No, both buttons carrying the company and posting', () => {
    const prompt = rememberCompanyPrompt({ company: 'Pinterest', postingId: 'p1' });
    expect(prompt.text).toBe('Remember that you can refer at Pinterest?');
    const row = prompt.blocks.find((b) => b.type === 'actions');
    const elements = row && row.type === 'actions' ? row.elements : [];
    expect(elements.map((e) => e.action_id)).toEqual([
      rememberCompanyActionIds.yes,
      rememberCompanyActionIds.no,
    ]);
    for (const e of elements) {
      expect(parseRememberCompany('value' in e ? e.value : undefined)).toEqual({
        company: 'Pinterest',
        postingId: 'p1',
      });
    }
    expect(findLimitViolations(prompt, 'message')).toEqual([]);
  });

  it('escapes the company name in the mrkdwn it shows (button values are not rendered)', () => {
    const prompt = rememberCompanyPrompt({ company: '<!channel> Inc', postingId: 'p1' });
    const shown = prompt.blocks.filter((b) => b.type !== 'actions');
    expect(stringsMentioning(shown, '<!channel>')).toEqual([]);
    expect(prompt.text).not.toContain('<!channel>');
  });
});
