import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { DM_METADATA_EVENT, sendDmOnce } from '../../../../src/slack/effects/effect-handlers.js';

/** A Web API client that records posts and answers history from `history` (or fails with `historyError`). */
function fakeClient(options: { history?: unknown[]; historyError?: string }) {
  const posted: Array<Record<string, unknown>> = [];
  const client = {
    conversations: {
      open: async () => ({ ok: true, channel: { id: 'D0CANDIDATE' } }),
      history: async () => {
        if (options.historyError !== undefined)
          throw { code: 'slack_webapi_platform_error', data: { ok: false, error: options.historyError } };
        return { ok: true, messages: options.history ?? [] };
      },
    },
    chat: {
      postMessage: async (args: Record<string, unknown>) => {
        posted.push(args);
        return { ok: true, ts: '1.1' };
      },
    },
  } as unknown as WebClient;
  return { client, posted };
}

const payload = { userId: 'U0CANDIDATE', message: { text: 'Your referral moved on' } };
const job = (attempts: number) => ({ id: 'job-1', key: 'k-1', attempts });

describe('a DM job sent at least once and shown once', () => {
  it('posts on its first run without reading the conversation, marked with its key', async () => {
    const { client, posted } = fakeClient({ historyError: 'should_not_be_read' });
    await sendDmOnce(client)(payload, job(1));
    expect(posted).toHaveLength(1);
    expect(posted[0]?.metadata).toEqual({ event_type: DM_METADATA_EVENT, event_payload: { job: 'k-1' } });
  });

  it('on a run again, posts nothing when its earlier run reached Slack', async () => {
    const earlier = { ts: '0.9', metadata: { event_type: DM_METADATA_EVENT, event_payload: { job: 'k-1' } } };
    const { client, posted } = fakeClient({ history: [earlier] });
    await sendDmOnce(client)(payload, job(2));
    expect(posted).toHaveLength(0);
  });

  it('on a run again without im:history (an older install), posts rather than losing the DM, and says why', async () => {
    const { client, posted } = fakeClient({ historyError: 'missing_scope' });
    const warnings: string[] = [];
    await sendDmOnce(client, {
      warn: (_fields: unknown, message?: string) => void warnings.push(String(message)),
    })(payload, job(2));
    expect(posted).toHaveLength(1);
    expect(warnings.join()).toContain('im:history');
  });

  it('on a run again, throws what Slack may answer differently later (the queue retries it)', async () => {
    const { client, posted } = fakeClient({ historyError: 'ratelimited' });
    await expect(sendDmOnce(client)(payload, job(2))).rejects.toMatchObject({
      data: { error: 'ratelimited' },
    });
    expect(posted).toHaveLength(0);
  });
});
