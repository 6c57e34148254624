import { describe, expect, it } from 'vitest';
import { serialByKey } from '../../../src/slack/support/serial-by-key.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('serialByKey', () => {
  it('runs calls with one key one after another, in call order', async () => {
    const serial = serialByKey();
    const log: string[] = [];
    const work = (name: string, delays: number) => async () => {
      log.push(`${name} start`);
      for (let i = 0; i < delays; i += 1) await tick();
      log.push(`${name} end`);
    };
    await Promise.all([serial('a', work('first', 3)), serial('a', work('second', 1))]);
    expect(log).toEqual(['first start', 'first end', 'second start', 'second end']);
  });

  it('does not hold up other keys', async () => {
    const serial = serialByKey();
    const log: string[] = [];
    const slow = serial('a', async () => {
      await tick();
      await tick();
      log.push('a');
    });
    const fast = serial('b', async () => {
      log.push('b');
    });
    await Promise.all([slow, fast]);
    expect(log).toEqual(['b', 'a']);
  });

  it('keeps going after a failure and hands each caller its own result', async () => {
    const serial = serialByKey();
    const failed = serial('a', async () => {
      throw new Error('boom');
    });
    const next = serial('a', async () => 42);
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe(42);
  });
});
