import { describe, expect, it } from 'vitest';
import { emptyProfile, type ProfileFields } from '../../../../src/profiles/profile-fields.js';
import { interestModal } from '../../../../src/slack/blocks/interest-modal.js';
import { findLimitViolations } from '../../../../src/slack/blocks/limits.js';
import {
  profileFormErrors,
  profileHomeBlocks,
  profileModal,
  readProfileInputs,
  requestProfileBlocks,
  resumeFileMissingDm,
} from '../../../../src/slack/blocks/profile-blocks.js';
import { referrerRequestDm } from '../../../../src/slack/blocks/referral-dms.js';
import { homeActionIds, profileFormIds as ids } from '../../../../src/slack/ids.js';
import { stringsMentioning, textOf } from '../../../helpers/slack-blocks.js';

const full: ProfileFields = {
  profileUrl: 'https://www.linkedin.com/in/ada',
  resumeUrl: 'https://ada.dev/cv',
  pitch: 'Payments backend engineer, looking for staff roles',
  resumeFile: { id: 'F0CV', name: 'ada-cv.pdf' },
};

/** A profile whose every field tries to ping, link elsewhere or break the markup. */
const hostile: ProfileFields = {
  profileUrl: 'https://evil.example/<!channel>|click',
  resumeUrl: 'https://evil.example/a&b>c',
  pitch: '<!here> <@U0BOSS> *bold* <https://phish.example|Verify>',
  resumeFile: { id: 'F0EVIL', name: '<!everyone>.pdf' },
};

const inputsOf = (blocks: ReadonlyArray<{ type: string; block_id?: string }>) =>
  Object.fromEntries(blocks.filter((b) => b.type === 'input').map((b) => [b.block_id, b]));

describe('the profile modal', () => {
  it('is prefilled from the profile, names the kept file with a box to remove it, within limits', () => {
    const modal = profileModal(full);
    expect(modal.callback_id).toBe(ids.callbackId);
    expect(findLimitViolations(modal, 'modal')).toEqual([]);
    const inputs = inputsOf(modal.blocks);
    expect(inputs[ids.profileUrlBlock]).toMatchObject({ element: { initial_value: full.profileUrl } });
    expect(inputs[ids.pitchBlock]).toMatchObject({ element: { max_length: 150, initial_value: full.pitch } });
    expect(inputs[ids.resumeFileBlock]).toMatchObject({ element: { type: 'file_input', max_files: 1 } });
    expect(textOf(inputs[ids.keptFileBlock])).toMatch(/ada-cv\.pdf[\s\S]*Remove it from my profile/);
  });

  it('has no kept-file box, and no initial values, for a member without a profile', () => {
    const inputs = inputsOf(profileModal(null).blocks);
    expect(inputs[ids.keptFileBlock]).toBeUndefined();
    expect(JSON.stringify(inputs)).not.toContain('initial_value');
  });
});

describe('the interest form', () => {
  const base = { postingId: 'post_1', title: 'Engineer', company: 'Acme', referrers: [] };

  it('starts from the profile, offers to save, and leaving the file out is for this request', () => {
    const modal = interestModal({ ...base, profile: full });
    expect(findLimitViolations(modal, 'modal')).toEqual([]);
    const inputs = inputsOf(modal.blocks);
    expect(inputs[ids.resumeUrlBlock]).toMatchObject({ element: { initial_value: full.resumeUrl } });
    expect(textOf(inputs[ids.keptFileBlock])).toContain('Leave it out of this request');
    expect(textOf(inputs[ids.saveBlock])).toContain('Save these to my profile');
  });
});

describe('readProfileInputs', () => {
  it('reads the links, the pitch, an attached file and both boxes', () => {
    expect(
      readProfileInputs({
        [ids.profileUrlBlock]: { [ids.profileUrlInput]: { type: 'plain_text_input', value: 'x.dev' } },
        [ids.pitchBlock]: { [ids.pitchInput]: { type: 'plain_text_input', value: null } },
        [ids.resumeFileBlock]: {
          [ids.resumeFileInput]: { type: 'file_input', files: [{ id: 'F0NEW', name: 'cv\u0000.pdf' }] },
        },
        [ids.keptFileBlock]: {
          [ids.keptFileCheckbox]: { selected_options: [{ value: ids.dropFileOption }] },
        },
        [ids.saveBlock]: { [ids.saveCheckbox]: { selected_options: [{ value: ids.saveOption }] } },
      }),
    ).toEqual({
      profileUrl: 'x.dev',
      resumeUrl: null,
      pitch: null,
      attached: { id: 'F0NEW', name: 'cv.pdf' },
      dropKeptFile: true,
      save: true,
    });
  });

  it('refuses a file id not of Slack shape', () => {
    expect(
      readProfileInputs({
        [ids.resumeFileBlock]: { [ids.resumeFileInput]: { files: [{ id: '../../etc', name: 'x' }] } },
      }),
    ).toBeNull();
  });

  it('puts each link error under its own field', () => {
    expect(profileFormErrors({ resumeUrl: 'bad' })).toEqual({ [ids.resumeUrlBlock]: 'bad' });
  });
});

describe('the profile in Slack', () => {
  it('App Home shows it with "Edit profile", or invites to add one', () => {
    expect(textOf(profileHomeBlocks(full))).toMatch(/linkedin\.com\/in\/ada[\s\S]*ada-cv\.pdf/);
    expect(JSON.stringify(profileHomeBlocks(null))).toContain(homeActionIds.editProfile);
    expect(textOf(profileHomeBlocks(emptyProfile))).toContain('Add profile');
  });

  it('the request DM carries it, says the file follows; nothing when none was sent', () => {
    const dm = referrerRequestDm({
      referralId: 'r1',
      candidateUserId: 'U0CAND',
      posting: { postingId: 'p1', title: 'Engineer', company: 'Acme', url: 'https://jobs.example/1' },
      note: null,
      teamId: 'T0TEAM',
      profile: full,
    });
    expect(findLimitViolations(dm, 'message')).toEqual([]);
    expect(textOf(dm.blocks)).toMatch(/Their profile[\s\S]*<https:\/\/www\.linkedin\.com\/in\/ada\|/);
    expect(textOf(dm.blocks)).toContain('sent in this conversation in a moment');
    expect(requestProfileBlocks(null)).toEqual([]);
    expect(requestProfileBlocks(emptyProfile)).toEqual([]);
  });

  it('untrusted fields cannot ping, mention or fake a link anywhere they are shown', () => {
    const shown = [
      profileHomeBlocks(hostile),
      requestProfileBlocks(hostile),
      resumeFileMissingDm({
        candidateUserId: 'U0CAND',
        posting: { postingId: 'p1', title: '<!channel>', company: null, url: 'https://jobs.example/1' },
        fileName: hostile.resumeFile?.name ?? '',
        permalink: 'https://acme.slack.com/files/U0CAND/F0EVIL/x|Verify',
      }),
    ];
    for (const surface of shown) {
      for (const needle of [
        '<!channel>',
        '<!here>',
        '<!everyone>',
        '<@U0BOSS>',
        '<https://phish',
        '|click>',
      ]) {
        expect(stringsMentioning(surface, needle)).toEqual([]);
      }
    }
  });
});
