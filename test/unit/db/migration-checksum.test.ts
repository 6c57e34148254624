import { describe, expect, it } from 'vitest';
import { checksumMatches, migrationChecksum } from '../../../src/db/migrate.js';
import { shareDedupeKey } from '../../../src/shares/share-dedupe-key.js';

describe('migration checksums', () => {
  it("are Prisma's: zero-padded hex SHA-256 of the script", () => {
    // The value prisma-engines' own checksum test expects for "hello".
    expect(migrationChecksum('hello')).toBe(
      '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
    );
  });

  it('match whatever line endings git checked the file out with, as Prisma allows', () => {
    const unix = 'CREATE TABLE "A" ("id" INTEGER);\nCREATE TABLE "B" ("id" INTEGER);\n';
    const windows = unix.replaceAll('\n', '\r\n');
    expect(checksumMatches(windows, migrationChecksum(unix))).toBe(true);
    expect(checksumMatches(unix, migrationChecksum(windows))).toBe(true);
  });

  it('do not match an edited script', () => {
    expect(checksumMatches('abc\n', migrationChecksum('abc'))).toBe(false);
  });
});

describe('shareDedupeKey', () => {
  it('is the same for a re-delivery and different for another message', () => {
    const delivery = { postingId: 'p1', channelId: 'C1', anchor: '1700000000.000100' };
    expect(shareDedupeKey(delivery)).toBe(shareDedupeKey({ ...delivery }));
    expect(shareDedupeKey(delivery)).not.toBe(shareDedupeKey({ ...delivery, anchor: '1700000000.000200' }));
    expect(shareDedupeKey(delivery)).not.toBe(shareDedupeKey({ ...delivery, channelId: 'C2' }));
  });
});
