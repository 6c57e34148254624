import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { storedJobKey } from '../../../src/work/work-queue.js';
import { type FakeJobBoard, startFakeJobBoard } from '../../helpers/fake-job-board.mjs';
import { textOf } from '../../helpers/slack-blocks.js';
import { eventEnvelope, linkSharedEvent } from '../../helpers/slack-payloads.mjs';
import { startTestApp, type TestApp } from '../../helpers/start-test-app.js';

/**
 * An events_api envelope, as the gateway sends it, carrying the Events API delivery of a
 * `link_shared` event for `url`; a retry (`retryAttempt` above 0) says it follows a timeout.
 * @see https://api.slack.com/apis/socket-mode#events
 */
function linkSharedEnvelope(envelopeId: string, eventId: string, url: string, retryAttempt = 0): string {
  const event = linkSharedEvent({ channel: 'C0SOCKET', user: 'U0SOCK', urls: [url] });
  return JSON.stringify({
    envelope_id: envelopeId,
    type: 'events_api',
    accepts_response_payload: false,
    retry_attempt: retryAttempt,
    retry_reason: retryAttempt > 0 ? 'timeout' : '',
    payload: eventEnvelope(event, { eventId }),
  });
}

/**
 * Socket Mode against a local stand-in for Slack's WebSocket gateway: apps.connections.open (on the
 * fake Web API) hands out a ws:// URL, the gateway says hello and delivers envelopes, the app acks them.
 * @see https://api.slack.com/apis/socket-mode
 */
describe('Socket Mode (SLACK_APP_TOKEN set)', () => {
  let gateway: WebSocketServer;
  let socket: Promise<WebSocket>;
  let app: TestApp;
  let board: FakeJobBoard;
  const acks: string[] = [];
  /** What the Job table held for an envelope's event at the moment its ack reached the gateway. */
  const jobAtAck = new Map<string, string | null>();
  /** Envelope id → the delivery key whose job row to look for when its ack arrives. */
  const watched = new Map<string, string>();

  beforeAll(async () => {
    board = await startFakeJobBoard();
    gateway = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((resolve) => gateway.once('listening', resolve));
    const wsUrl = `ws://127.0.0.1:${(gateway.address() as AddressInfo).port}/link`;
    socket = new Promise((resolve) => {
      gateway.on('connection', (ws) => {
        ws.on('message', (data) => {
          const message = JSON.parse(String(data)) as { envelope_id?: string };
          if (!message.envelope_id) return;
          acks.push(message.envelope_id);
          const key = watched.get(message.envelope_id);
          // Read synchronously, before the app runs another line: was it written before the ack?
          if (key !== undefined) jobAtAck.set(message.envelope_id, jobState(key));
        });
        ws.send(
          JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0VOUCH' } }),
        );
        resolve(ws);
      });
    });
    app = await startTestApp({
      env: { SLACK_APP_TOKEN: 'xapp-1-A0VOUCH-1-test', SLACK_SIGNING_SECRET: '' },
      configureSlack: (slack) => slack.respond('apps.connections.open', () => ({ url: wsUrl })),
    });
  });
  /** The state of the job for a delivery key, read through a connection of the test's own. */
  function jobState(deliveryKey: string): string | null {
    const file = new Database(app.databaseUrl.replace(/^file:/, ''), { readonly: true });
    try {
      const row = file.prepare('SELECT state FROM "Job" WHERE key = ?').get(storedJobKey(deliveryKey)) as
        | { state: string }
        | undefined;
      return row?.state ?? null;
    } finally {
      file.close();
    }
  }
  afterAll(async () => {
    await app.stop();
    await new Promise((resolve) => gateway.close(resolve));
    await board.close();
  });

  it('opens the connection through SLACK_API_URL with the app-level token', async () => {
    await socket;
    const [open] = app.slack.calls('apps.connections.open');
    expect(open?.token).toBe('xapp-1-A0VOUCH-1-test');
    expect(app.config.slack.mode.kind).toBe('socket');
  });

  it('serves health checks on PORT but no Slack endpoint', async () => {
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${app.baseUrl}/readyz`)).status).toBe(200);
    const post = await fetch(`${app.baseUrl}/slack/events`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(404);
  });

  it('acknowledges an events envelope and unfurls the link', async () => {
    const ws = await socket;
    const url = board.job('/jobs/socket', { title: 'Socket Engineer', company: 'Realtime Co' });
    ws.send(linkSharedEnvelope('env-1', 'EvSOCKET1', url));
    const unfurl = await app.slack.waitFor('chat.unfurl', (c) => textOf(c.args).includes('Socket Engineer'));
    expect(unfurl.args.channel).toBe('C0SOCKET');
    expect(acks).toContain('env-1');
  });

  it('writes an event as a job before acknowledging its envelope, and ignores the same event sent again', async () => {
    const ws = await socket;
    const url = board.job('/jobs/socket-durable', {
      title: 'Durable Socket Engineer',
      company: 'Realtime Co',
    });
    watched.set('env-2', 'event:EvSOCKET2');
    ws.send(linkSharedEnvelope('env-2', 'EvSOCKET2', url));
    await app.slack.waitFor('chat.unfurl', (c) => textOf(c.args).includes('Durable Socket Engineer'));
    // Acknowledged means recorded: the job was there (held by this process) when the ack left.
    expect(jobAtAck.get('env-2')).toBe('running');

    ws.send(linkSharedEnvelope('env-3', 'EvSOCKET2', url, 1));
    await vi.waitFor(() => expect(acks).toContain('env-3'));
    await new Promise((r) => setTimeout(r, 300));
    const unfurls = app.slack
      .calls('chat.unfurl')
      .filter((c) => textOf(c.args).includes('Durable Socket Engineer'));
    expect(unfurls).toHaveLength(1);
    expect(app.logs.some((line) => line.msg === 'repeated delivery ignored')).toBe(true);
  });
});
