import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { createDisplayNames } from '../../../src/slack/support/display-names.js';

/** A Web API client whose users.info answers from `names` (or fails), counting the calls. */
function client(names: Record<string, string>, fail = false) {
  let calls = 0;
  const fake = {
    users: {
      info: async ({ user }: { user: string }) => {
        calls += 1;
        if (fail) throw new Error('ratelimited');
        return { ok: true, user: { name: user.toLowerCase(), profile: { display_name: names[user] ?? '' } } };
      },
    },
  };
  return { client: fake as unknown as WebClient, calls: () => calls };
}

describe('display names', () => {
  it('asks Slack once per member and reuses the answer', async () => {
    const displayName = createDisplayNames();
    const slack = client({ U1: 'Rita' });
    expect(await displayName(slack.client, 'U1')).toBe('Rita');
    expect(await displayName(slack.client, 'U1')).toBe('Rita');
    expect(slack.calls()).toBe(1);
  });

  it('keeps no control characters of a name (it is stored on the member row)', async () => {
    const displayName = createDisplayNames();
    const slack = client({ U2: 'Ri\u0000ta\u0007' });
    expect(await displayName(slack.client, 'U2')).toBe('Rita');
  });

  it('asks again after the time to live', async () => {
    const displayName = createDisplayNames({ ttlMs: 0 });
    const slack = client({ U1: 'Rita' });
    await displayName(slack.client, 'U1');
    await displayName(slack.client, 'U1');
    expect(slack.calls()).toBe(2);
  });

  it('falls back to the user name, and gives null without remembering a failure', async () => {
    const displayName = createDisplayNames();
    expect(await displayName(client({}).client, 'U2')).toBe('u2');
    const failing = client({}, true);
    expect(await displayName(failing.client, 'U3')).toBeNull();
    expect(await displayName(failing.client, 'U3')).toBeNull();
    expect(failing.calls()).toBe(2);
  });
});
