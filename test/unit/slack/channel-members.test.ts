import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { createChannelMembers } from '../../../src/slack/support/channel-members.js';

/** A Web API client whose conversations.members answers from `pages` (by cursor) and counts its calls. */
function fakeClient(answer: (args: { channel: string; cursor?: string }) => unknown) {
  const calls: Array<{ channel: string; cursor?: string }> = [];
  const client = {
    conversations: {
      members: async (args: { channel: string; cursor?: string }) => {
        calls.push(args);
        return answer(args);
      },
    },
  } as unknown as WebClient;
  return { client, calls };
}

const logger = createLogger('silent');

describe('channel members', () => {
  it('reads every page of a channel once, then answers from the cache until it expires', async () => {
    const { client, calls } = fakeClient(({ cursor }) =>
      cursor === undefined
        ? { members: ['U1', 'U2'], response_metadata: { next_cursor: 'page2' } }
        : { members: ['U3'], response_metadata: { next_cursor: '' } },
    );
    let now = 0;
    const members = createChannelMembers(client, { logger, ttlMs: 1000, now: () => now });
    expect([...(await members.of('C1'))]).toEqual(['U1', 'U2', 'U3']);
    await members.of('C1');
    expect(calls).toHaveLength(2);
    now = 1001;
    await members.of('C1');
    expect(calls).toHaveLength(4);
  });

  it('has nobody in a channel Slack will not show (not_in_channel): nobody learns of it', async () => {
    const { client } = fakeClient(() => {
      throw Object.assign(new Error('An API error occurred: not_in_channel'), {
        data: { error: 'not_in_channel' },
      });
    });
    const members = createChannelMembers(client, { logger });
    expect((await members.of('C1')).size).toBe(0);
  });

  it('does not cache a failure that is not Slack’s answer (the job is retried and asks again)', async () => {
    let fail = true;
    const { client } = fakeClient(() => {
      if (fail) throw new Error('socket hang up');
      return { members: ['U1'] };
    });
    const members = createChannelMembers(client, { logger });
    await expect(members.of('C1')).rejects.toThrow('socket hang up');
    fail = false;
    expect([...(await members.of('C1'))]).toEqual(['U1']);
  });
});
