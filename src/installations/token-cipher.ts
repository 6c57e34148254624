import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { VouchError } from '../errors.js';

/** What a sealed value starts with: the format's version, so a later format can read this one. */
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed value could not be opened: the key is not the one it was sealed with, or it was altered. */
export class TokenCipherError extends VouchError<'wrong_encryption_key' | 'malformed_sealed_value'> {
  override readonly name = 'TokenCipherError';
}

export interface TokenCipher {
  /** `v1.<iv>.<tag>.<ciphertext>` (base64url): AES-256-GCM with a fresh random 96-bit IV. */
  seal(plaintext: string): string;
  /** The plaintext of `seal`'s output; throws {@link TokenCipherError} with a readable message. */
  open(sealed: string): string;
}

/**
 * Encryption at rest for installation tokens: AES-256-GCM (node:crypto), a random IV per value, the
 * authentication tag kept with it, so a value sealed with another key or altered in the database
 * is refused, never misread. The key is VOUCH_ENCRYPTION_KEY (32 bytes; `src/config.ts` checks it).
 */
export function createTokenCipher(key: Buffer): TokenCipher {
  if (key.length !== 32) throw new RangeError('the token key must be 32 bytes (AES-256)');
  return {
    seal(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
      return [VERSION, ...parts].join('.');
    },
    open(sealed) {
      const [version, iv, tag, ciphertext, ...rest] = sealed.split('.');
      if (
        version !== VERSION ||
        iv === undefined ||
        tag === undefined ||
        ciphertext === undefined ||
        rest.length > 0
      )
        throw new TokenCipherError(
          'malformed_sealed_value',
          'a stored installation is not in the sealed format',
        );
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
          authTagLength: TAG_BYTES,
        });
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([
          decipher.update(Buffer.from(ciphertext, 'base64url')),
          decipher.final(),
        ]).toString('utf8');
      } catch (error) {
        throw new TokenCipherError(
          'wrong_encryption_key',
          'a stored installation cannot be decrypted: VOUCH_ENCRYPTION_KEY is not the key it was encrypted with (or the row was altered). Restore the original key; if it is lost, the workspace must install Vouch again',
          { cause: error },
        );
      }
    },
  };
}
