import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubSecrets, toBoltLogger } from '../../src/logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString('utf8'));
      callback();
    },
  });
  return { lines, stream };
}

describe('logger', () => {
  it('never writes Slack tokens, signing secrets or database passwords', () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', stream);
    logger.info(
      { config: { slack: { botToken: 'xoxb-123-456-secret', signingSecret: 'shh' } }, token: 'xapp-1-2-3' },
      'starting with xoxb-999-888-leaked and postgresql://vouch:hunter2@db:5432/vouch',
    );
    logger.error({ err: new Error('auth failed for xoxb-111-222-abc') }, 'boom');
    const output = lines.join('');
    for (const secret of [
      'xoxb-123-456-secret',
      'shh',
      'xapp-1-2-3',
      'xoxb-999-888-leaked',
      'hunter2',
      'xoxb-111-222-abc',
    ]) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain('[redacted]');
  });

  it('scrubs secrets from free text', () => {
    expect(scrubSecrets('token xoxb-1234567-abc and xapp-1-A0-999999')).toBe(
      'token xox*-[redacted] and xapp-[redacted]',
    );
    expect(scrubSecrets('postgresql://u:p4ss@host/db')).toBe('postgresql://u:[redacted]@host/db');
  });

  it("routes Bolt's logs through pino", () => {
    const { lines, stream } = capture();
    const bolt = toBoltLogger(createLogger('debug', stream));
    bolt.warn('socket', 'reconnecting', { attempt: 2 });
    const entry = JSON.parse(lines[0] ?? '{}') as { level: number; msg: string; component: string };
    expect(entry).toMatchObject({ level: 40, component: 'bolt', msg: 'socket reconnecting {"attempt":2}' });
  });
});
