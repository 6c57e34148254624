import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTokenCipher, TokenCipherError } from '../../../src/installations/token-cipher.js';

const TOKEN = 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx';

describe('installation tokens at rest (AES-256-GCM)', () => {
  const cipher = createTokenCipher(randomBytes(32));

  it('opens what it sealed', () => {
    expect(cipher.open(cipher.seal(TOKEN))).toBe(TOKEN);
  });

  it('keeps no token text, and seals the same token differently each time (a fresh IV)', () => {
    const first = cipher.seal(TOKEN);
    const second = cipher.seal(TOKEN);
    expect(first).not.toContain('xoxb');
    expect(first).not.toContain(Buffer.from(TOKEN).toString('base64'));
    expect(first).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(second).not.toBe(first);
  });

  it('refuses, readably, a value sealed with another key', () => {
    const sealed = createTokenCipher(randomBytes(32)).seal(TOKEN);
    let error: unknown;
    try {
      cipher.open(sealed);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TokenCipherError);
    expect((error as TokenCipherError).code).toBe('wrong_encryption_key');
    expect((error as Error).message).toMatch(/VOUCH_ENCRYPTION_KEY is not the key.*install Vouch again/);
    expect((error as Error).message).not.toContain('xoxb');
  });

  it('refuses a value altered in the database instead of misreading it', () => {
    const sealed = cipher.seal(TOKEN);
    const [version, iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body ?? '', 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => cipher.open([version, iv, tag, flipped.toString('base64url')].join('.'))).toThrow(
      TokenCipherError,
    );
    expect(() => cipher.open('not-sealed')).toThrow(/not in the sealed format/);
  });

  it('takes only a 32-byte key', () => {
    expect(() => createTokenCipher(randomBytes(16))).toThrow(/32 bytes/);
  });
});
