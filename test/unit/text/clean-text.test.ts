import { describe, expect, it } from 'vitest';
import { cleanText, cleanTextDeep } from '../../../src/text/clean-text.js';

describe('cleanText', () => {
  it('removes NUL and the other C0 and C1 controls, keeping tab and newline', () => {
    expect(cleanText('a\u0000b\u0007c\u001bd\u007fe\u0085f\u009fg\th\ni')).toBe('abcdefg\th\ni');
  });

  it('turns CRLF and a lone CR into a newline', () => {
    expect(cleanText('one\r\ntwo\rthree')).toBe('one\ntwo\nthree');
  });

  it('removes unpaired surrogates and keeps pairs (emoji)', () => {
    expect(cleanText('ok \ud83d\ude00 \ud83d x \ude00 y')).toBe('ok \ud83d\ude00  x  y');
  });

  it('leaves ordinary text, other scripts and bidi marks alone', () => {
    const text = 'Zürich · 東京 · مرحبا \u202Eabc\u202C <b> & *x*';
    expect(cleanText(text)).toBe(text);
  });
});

describe('cleanTextDeep', () => {
  it('cleans every string of a summary-like object, at any depth, and nothing else', () => {
    expect(
      cleanTextDeep({
        title: 'A\u0000B',
        n: 3,
        none: null,
        list: ['x\u0001', { deep: 'y\u0002' }],
        ok: true,
      }),
    ).toEqual({ title: 'AB', n: 3, none: null, list: ['x', { deep: 'y' }], ok: true });
  });
});
