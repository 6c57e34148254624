import { describe, expect, it } from 'vitest';
import { findLimitViolations } from '../../../../src/slack/blocks/limits.js';
import { readTagSubmission, tagModal } from '../../../../src/slack/blocks/tag-modal.js';
import { parseViewMetadata } from '../../../../src/slack/blocks/view-metadata.js';
import { tagModalIds as ids } from '../../../../src/slack/ids.js';

describe('tagModal', () => {
  const modal = tagModal({ postingId: 'post_1', title: 'ML Manager', metadata: { channel: 'C1' } });

  it('asks who (user picker) and whether they could refer or might be interested', () => {
    expect(modal.callback_id).toBe(ids.callbackId);
    expect(findLimitViolations(modal, 'modal')).toEqual([]);
    const inputs = modal.blocks.filter((b) => b.type === 'input');
    expect(inputs).toMatchObject([
      { block_id: ids.userBlock, element: { type: 'users_select', action_id: ids.userSelect } },
      {
        block_id: ids.roleBlock,
        element: {
          type: 'radio_buttons',
          action_id: ids.roleRadio,
          options: [
            { value: 'referrer', text: { text: 'could refer' } },
            { value: 'candidate', text: { text: 'might be interested' } },
          ],
        },
      },
    ]);
    expect(parseViewMetadata(modal.private_metadata)).toEqual({
      postingId: 'post_1',
      context: { channel: 'C1' },
    });
  });
});

describe('readTagSubmission', () => {
  it('reads the user and the role', () => {
    expect(
      readTagSubmission({
        [ids.userBlock]: { [ids.userSelect]: { type: 'users_select', selected_user: 'U0BOB' } },
        [ids.roleBlock]: {
          [ids.roleRadio]: { type: 'radio_buttons', selected_option: { value: 'referrer' } },
        },
      }),
    ).toEqual({ userId: 'U0BOB', role: 'referrer' });
  });

  it('is null when something is missing or unknown', () => {
    expect(
      readTagSubmission({ [ids.userBlock]: { [ids.userSelect]: { selected_user: 'U0BOB' } } }),
    ).toBeNull();
    expect(
      readTagSubmission({
        [ids.userBlock]: { [ids.userSelect]: { selected_user: 'U0BOB' } },
        [ids.roleBlock]: { [ids.roleRadio]: { selected_option: { value: 'boss' } } },
      }),
    ).toBeNull();
  });
});
