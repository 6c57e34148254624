import { describe, expect, it } from 'vitest';
import { interestModal, readInterestSubmission } from '../../../../src/slack/blocks/interest-modal.js';
import { findLimitViolations } from '../../../../src/slack/blocks/limits.js';
import { parseViewMetadata } from '../../../../src/slack/blocks/view-metadata.js';
import { interestModalIds as ids } from '../../../../src/slack/ids.js';
import { stringsMentioning, textOf } from '../../../helpers/slack-blocks.js';

const base = { postingId: 'post_1', title: 'ML Manager', company: 'Pinterest' };

describe('interestModal', () => {
  const modal = interestModal({
    ...base,
    referrers: [{ userId: 'U0REF1', name: 'Ana' }, { userId: 'U0REF2' }, { userId: 'U0REF1', name: 'dup' }],
    metadata: { channel: 'C1', ts: '1.2' },
  });

  it('asks for an optional note, which referrer (anyone by default) and privacy, within limits', () => {
    expect(modal.callback_id).toBe(ids.callbackId);
    expect(findLimitViolations(modal, 'modal')).toEqual([]);
    const byId = Object.fromEntries(
      modal.blocks.filter((b) => b.type === 'input').map((b) => [b.block_id, b]),
    );
    expect(byId[ids.noteBlock]).toMatchObject({
      optional: true,
      element: { type: 'plain_text_input', multiline: true },
    });
    expect(byId[ids.referrerBlock]).toMatchObject({
      element: {
        type: 'static_select',
        action_id: ids.referrerSelect,
        initial_option: { value: ids.anyoneOption },
        options: [
          { text: { text: 'Anyone who can refer' }, value: ids.anyoneOption },
          { text: { text: 'Ana' }, value: 'U0REF1' },
          { text: { text: 'U0REF2' }, value: 'U0REF2' },
        ],
      },
    });
    expect(byId[ids.showNameBlock]).toMatchObject({ optional: true, element: { type: 'checkboxes' } });
  });

  it('leaves "Show my name on the card" unticked', () => {
    const show = modal.blocks.find((b) => b.type === 'input' && b.block_id === ids.showNameBlock);
    expect(show && 'element' in show && 'initial_options' in show.element).toBe(false);
  });

  it('carries the posting and the opaque context back in private_metadata', () => {
    expect(parseViewMetadata(modal.private_metadata)).toEqual({
      postingId: 'post_1',
      context: { channel: 'C1', ts: '1.2' },
    });
  });

  it('with no referrer yet, says we will tell the candidate and shows no select', () => {
    const none = interestModal({ ...base, referrers: [] });
    expect(none.blocks.some((b) => b.type === 'input' && b.block_id === ids.referrerBlock)).toBe(false);
    expect(textOf(none)).toContain('DM you as soon as someone can');
    expect(none.submit?.text).toBe('Save my interest');
  });

  it('drops an oversized context rather than breaking private_metadata', () => {
    const big = interestModal({ ...base, referrers: [], metadata: 'x'.repeat(4000) });
    expect(parseViewMetadata(big.private_metadata)).toEqual({ postingId: 'post_1' });
  });

  it('escapes the title', () => {
    const modal = interestModal({ ...base, title: '<!channel>', referrers: [] });
    expect(stringsMentioning(modal, '<!channel>')).toEqual([]);
  });
});

describe('readInterestSubmission', () => {
  /** A form without the profile's inputs reads as one where nothing was typed in them. */
  const nothingTyped = {
    profileUrl: null,
    resumeUrl: null,
    pitch: null,
    attached: null,
    dropKeptFile: false,
    save: false,
  };
  const values = (over: Record<string, unknown> = {}) => ({
    [ids.noteBlock]: {
      [ids.noteInput]: { type: 'plain_text_input', value: '  I shipped recsys at scale  ' },
    },
    [ids.referrerBlock]: {
      [ids.referrerSelect]: { type: 'static_select', selected_option: { value: 'U0REF1' } },
    },
    [ids.showNameBlock]: { [ids.showNameCheckbox]: { type: 'checkboxes', selected_options: [] } },
    ...over,
  });

  it('reads the note, the chosen referrer and privacy', () => {
    expect(readInterestSubmission(values())).toEqual({
      note: 'I shipped recsys at scale',
      referrer: { kind: 'member', userId: 'U0REF1' },
      showName: false,
      profile: nothingTyped,
    });
  });

  it('reads "anyone", a ticked box and an empty note', () => {
    expect(
      readInterestSubmission(
        values({
          [ids.noteBlock]: { [ids.noteInput]: { type: 'plain_text_input', value: null } },
          [ids.referrerBlock]: { [ids.referrerSelect]: { selected_option: { value: ids.anyoneOption } } },
          [ids.showNameBlock]: {
            [ids.showNameCheckbox]: { selected_options: [{ value: ids.showNameOption }] },
          },
        }),
      ),
    ).toEqual({ note: null, referrer: { kind: 'anyone' }, showName: true, profile: nothingTyped });
  });

  it('reads "none" when the modal had no referrer select', () => {
    const v = values();
    delete (v as Record<string, unknown>)[ids.referrerBlock];
    expect(readInterestSubmission(v)?.referrer).toEqual({ kind: 'none' });
  });

  it('refuses payloads that are not our modal', () => {
    expect(readInterestSubmission(null)).toBeNull();
    expect(readInterestSubmission({ [ids.noteBlock]: { [ids.noteInput]: { value: 42 } } })).toBeNull();
  });
});
