import { describe, expect, it } from 'vitest';
import { referralStatuses } from '../../../../src/referrals/status-machine.js';
import {
  encodeRelationship,
  encodeRememberCompany,
  encodeStatusUpdate,
  parseRelationship,
  parseRememberCompany,
  parseStatusUpdate,
  referrerRelationships,
  statusActionId,
} from '../../../../src/slack/blocks/action-values.js';
import * as ids from '../../../../src/slack/ids.js';

describe('button values round-trip and reject what we did not write', () => {
  it('status updates', () => {
    for (const to of referralStatuses) {
      expect(parseStatusUpdate(encodeStatusUpdate({ referralId: 'cm123', to }))).toEqual({
        referralId: 'cm123',
        to,
      });
      expect(statusActionId(to)).toMatch(ids.statusUpdateActionPattern);
    }
    expect(parseStatusUpdate('{"referralId":"x","to":"promoted"}')).toBeNull();
    expect(parseStatusUpdate('not json')).toBeNull();
    expect(parseStatusUpdate(undefined)).toBeNull();
  });

  it('relationships fit in an option value', () => {
    for (const r of referrerRelationships) {
      const encoded = encodeRelationship({ referralId: 'c'.repeat(30), relationship: r.value });
      expect(encoded.length).toBeLessThanOrEqual(150);
      expect(parseRelationship(encoded)).toEqual({ referralId: 'c'.repeat(30), relationship: r.value });
    }
    expect(() => encodeRelationship({ referralId: 'c'.repeat(200), relationship: 'dont_know' })).toThrow(
      RangeError,
    );
    expect(parseRelationship('{"r":"x","k":"best friends"}')).toBeNull();
  });

  it('remember-company', () => {
    const value = encodeRememberCompany({ company: 'AT&T', postingId: 'p1' });
    expect(parseRememberCompany(value)).toEqual({ company: 'AT&T', postingId: 'p1' });
    expect(parseRememberCompany('{"company":""}')).toBeNull();
  });
});

describe('ids', () => {
  it('every action and callback id is unique', () => {
    const all = [
      ...Object.values(ids.cardActionIds),
      ...Object.values(ids.referrerDmActionIds),
      ...Object.values(ids.rememberCompanyActionIds),
      ...Object.values(ids.homeActionIds),
      ids.statusUpdateActionPrefix,
    ];
    expect(new Set(all).size).toBe(all.length);
    const callbacks = [
      ids.interestModalIds.callbackId,
      ids.tagModalIds.callbackId,
      ids.detailsModalIds.callbackId,
      ids.shortcutIds.shareAsReferral,
    ];
    expect(new Set(callbacks).size).toBe(callbacks.length);
  });

  it('the slash command and shortcut are what the manifest registers', () => {
    expect(ids.slashCommand).toBe('/vouch');
    expect(ids.shortcutIds.shareAsReferral).toBe('share_as_referral');
  });
});
