import { describe, expect, it } from 'vitest';
import { type ReferralStatus, referralStatuses } from '../../../../src/referrals/status-machine.js';
import { parseRelationship, parseStatusUpdate } from '../../../../src/slack/blocks/action-values.js';
import type { KnownBlock, SlackMessage } from '../../../../src/slack/blocks/block-kit.js';
import { findLimitViolations } from '../../../../src/slack/blocks/limits.js';
import type { PostingRef } from '../../../../src/slack/blocks/posting-format.js';
import {
  candidateConfirmationDm,
  dmDeepLink,
  noReferrerYetDm,
  type ReferralParties,
  referrerAppearedDm,
  referrerRequestDm,
  reminderDm,
  type StatusChangedInput,
  statusChangedDm,
  tagDm,
} from '../../../../src/slack/blocks/referral-dms.js';
import { cardActionIds, referrerDmActionIds } from '../../../../src/slack/ids.js';
import { linkUrlsOf, textOf } from '../../../helpers/slack-blocks.js';
import { cardInput } from './fixtures.js';

const posting: PostingRef = {
  postingId: 'post_1',
  title: 'ML Manager',
  company: 'Pinterest',
  url: 'https://boards.greenhouse.io/pinterest/jobs/1',
};
const parties: ReferralParties = {
  referralId: 'ref_1',
  candidateUserId: 'U0CAND',
  referrerUserId: 'U0REF',
  posting,
};

function actionIds(message: SlackMessage): string[] {
  return message.blocks.flatMap((b: KnownBlock) =>
    b.type === 'actions' ? b.elements.map((e) => e.action_id ?? '') : [],
  );
}

function statusTargets(message: SlackMessage): ReferralStatus[] {
  return message.blocks.flatMap((b: KnownBlock) =>
    b.type === 'actions'
      ? b.elements.flatMap((e) => {
          const parsed = 'value' in e ? parseStatusUpdate(e.value) : null;
          return parsed ? [parsed.to] : [];
        })
      : [],
  );
}

describe('referrerRequestDm', () => {
  const dm = referrerRequestDm({
    referralId: 'ref_1',
    candidateUserId: 'U0CAND',
    posting,
    note: 'Hi <!channel>, I built recsys at scale',
    teamId: 'T0TEAM',
  });

  it('names the candidate and the posting and quotes the note, escaped', () => {
    const text = textOf(dm);
    expect(text).toContain(
      '<@U0CAND> asked you for a referral for *<https://boards.greenhouse.io/pinterest/jobs/1|ML Manager>* at Pinterest.',
    );
    expect(text).toContain('>Hi &lt;!channel&gt;, I built recsys at scale');
    expect(findLimitViolations(dm, 'message')).toEqual([]);
  });

  it('offers I referred them, Decline, Open DM and Details', () => {
    expect(actionIds(dm)).toEqual([
      referrerDmActionIds.markReferred,
      referrerDmActionIds.decline,
      referrerDmActionIds.openDm,
      cardActionIds.details,
    ]);
    expect(statusTargets(dm)).toEqual(['referred', 'declined']);
    expect(linkUrlsOf(dm.blocks)).toContain(dmDeepLink('T0TEAM', 'U0CAND'));
    expect(dmDeepLink('T0TEAM', 'U0CAND')).toBe('https://slack.com/app_redirect?team=T0TEAM&channel=U0CAND');
  });

  it('asks how well they know the candidate, each option naming the referral', () => {
    const select = dm.blocks.find((b) => b.type === 'section' && b.accessory?.type === 'static_select');
    const options =
      select && select.type === 'section' && select.accessory?.type === 'static_select'
        ? select.accessory.options
        : [];
    expect(options?.length).toBe(5);
    expect(parseRelationship(options?.[0]?.value)).toEqual({
      referralId: 'ref_1',
      relationship: 'worked_closely',
    });
    expect(
      actionIds(
        referrerRequestDm({
          referralId: 'r',
          candidateUserId: 'U0C',
          posting,
          note: null,
          teamId: 'T',
          askRelationship: false,
        }),
      ),
    ).toHaveLength(4);
  });

  it('says when others were asked too', () => {
    const anyone = referrerRequestDm({
      referralId: 'r',
      candidateUserId: 'U0C',
      posting,
      note: null,
      teamId: 'T',
      askedAnyone: true,
    });
    expect(textOf(anyone)).toContain('whoever refers first takes it');
  });
});

describe('candidate DMs', () => {
  it('confirms who was asked and offers to withdraw', () => {
    const dm = candidateConfirmationDm({
      referralId: 'ref_1',
      posting,
      askedReferrerUserIds: ['U0REF'],
      askedAnyone: false,
      showName: false,
    });
    expect(textOf(dm)).toContain('We asked <@U0REF>.');
    expect(textOf(dm)).toContain('your name is not shown');
    expect(statusTargets(dm)).toEqual(['withdrawn']);
  });

  it('with no referrer yet, says the interest is saved and they will hear back', () => {
    const dm = noReferrerYetDm({ referralId: 'ref_1', posting });
    expect(textOf(dm)).toContain("I'll message you as soon as someone does");
    expect(statusTargets(dm)).toEqual(['withdrawn']);
  });

  it('when a referrer appears, offers to ask them', () => {
    const dm = referrerAppearedDm({ referralId: 'ref_1', posting, referrerUserId: 'U0NEW' });
    expect(textOf(dm)).toContain('<@U0NEW> can refer');
    expect(statusTargets(dm)[0]).toBe('requested');
  });
});

describe('statusChangedDm: nobody is left wondering', () => {
  /** The DM about `parties`' referral moving `from` → `to`, done by `actorRole`. */
  const changed = (
    from: StatusChangedInput['from'],
    to: StatusChangedInput['to'],
    actorRole: StatusChangedInput['actorRole'],
    more: Partial<StatusChangedInput> = {},
  ) => statusChangedDm({ referral: parties, from, to, actorRole, ...more });
  const cases: Array<[ReferralStatus, ReferralStatus, 'candidate' | 'referrer', RegExp]> = [
    ['requested', 'referred', 'referrer', /<@U0REF> referred you/],
    ['requested', 'declined', 'referrer', /can't refer you .* not about you/],
    ['referred', 'interviewing', 'referrer', /noted that you're interviewing/],
    ['referred', 'interviewing', 'candidate', /<@U0CAND> is interviewing/],
    ['interviewing', 'offer', 'candidate', /<@U0CAND> has an offer/],
    ['offer', 'hired', 'candidate', /got the job.*Thank you for vouching/],
    ['offer', 'hired', 'referrer', /you got the job/],
    ['referred', 'not_selected', 'candidate', /wasn't selected .* it still mattered/],
    ['referred', 'not_selected', 'referrer', /didn't work out this time/],
    ['requested', 'withdrawn', 'candidate', /withdrew their request/],
    ['interested', 'requested', 'candidate', /asked you for a referral/],
  ];
  it.each(cases)('%s → %s by the %s', (from, to, actorRole, wording) => {
    const dm = changed(from, to, actorRole);
    expect(textOf(dm)).toMatch(wording);
    expect(findLimitViolations(dm, 'message')).toEqual([]);
  });

  it('a closed posting is explained to the candidate and to the referrer', () => {
    const toCandidate = changed('referred', 'closed', 'system', { recipient: 'candidate' });
    expect(textOf(toCandidate)).toMatch(
      /no longer open, so your referral request was closed. Sorry: nothing you did/,
    );
    const toReferrer = changed('referred', 'closed', 'system', { recipient: 'referrer' });
    expect(textOf(toReferrer)).toMatch(/<@U0CAND>'s referral request was closed/);
    expect(statusTargets(toCandidate)).toEqual([]);
  });

  it('gives the recipient the buttons they may press next', () => {
    const dm = changed('requested', 'referred', 'referrer');
    expect(statusTargets(dm)).toEqual(['interviewing', 'not_selected', 'withdrawn']);
    const buttonsForReferrer = changed('referred', 'interviewing', 'candidate');
    expect(statusTargets(buttonsForReferrer)).toEqual(['offer', 'not_selected']);
  });

  it("quotes the actor's note, escaped", () => {
    const dm = changed('requested', 'declined', 'referrer', { note: 'Sorry <!here>' });
    expect(textOf(dm)).toContain('Note from <@U0REF>:\n>Sorry &lt;!here&gt;');
  });

  it('has wording for every status it can reach', () => {
    for (const to of referralStatuses) {
      for (const recipient of ['candidate', 'referrer'] as const) {
        const dm = changed('requested', to, 'system', { recipient });
        expect(dm.blocks[0]).toMatchObject({ type: 'section' });
        expect(findLimitViolations(dm, 'message')).toEqual([]);
      }
    }
  });
});

describe('reminderDm', () => {
  it('nudges the referrer of a pending request, with refer / decline', () => {
    const dm = reminderDm({ referral: parties, status: 'requested', days: 7 });
    expect(textOf(dm)).toContain('asked you for a referral for');
    expect(textOf(dm)).toContain('7 days ago');
    expect(dm && statusTargets(dm)).toEqual(['referred', 'declined']);
  });

  it('asks the candidate for news after a referral', () => {
    const dm = reminderDm({ referral: parties, status: 'interviewing', days: 1 });
    expect(textOf(dm)).toContain("It's been 1 day since your referral");
    expect(dm && statusTargets(dm)).toEqual(['offer', 'not_selected', 'withdrawn']);
  });

  it('is null when nobody owes a step', () => {
    expect(reminderDm({ referral: parties, status: 'hired', days: 9 })).toBeNull();
    expect(
      reminderDm({ referral: { ...parties, referrerUserId: null }, status: 'interested', days: 9 }),
    ).toBeNull();
  });
});

describe('tagDm', () => {
  const cases = [
    {
      behaviour: 'a possible referrer gets the card with I can refer, not I’m interested',
      role: 'referrer',
      says: '<@U0TAGGER> thought you might be able to refer',
      button: cardActionIds.iCanRefer,
    },
    {
      behaviour: 'a possible candidate gets I’m interested and a privacy note',
      role: 'candidate',
      says: 'Only you can see this',
      button: cardActionIds.imInterested,
    },
  ] as const;
  it.each(cases)('$behaviour', ({ role, says, button }) => {
    const dm = tagDm({ role, taggedBy: 'U0TAGGER', posting: cardInput() });
    expect(textOf(dm)).toContain(says);
    expect(actionIds(dm)).toEqual([button, cardActionIds.details, cardActionIds.openPosting]);
    expect(findLimitViolations(dm, 'message')).toEqual([]);
  });
});
