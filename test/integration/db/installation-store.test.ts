import { randomBytes } from 'node:crypto';
import type { Installation } from '@slack/oauth';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createInstallationStore, NotInstalledError } from '../../../src/installations/installation-store.js';
import { createTokenCipher, TokenCipherError } from '../../../src/installations/token-cipher.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../helpers/test-database.js';

const BOT_TOKEN = 'xoxb-111-222-SecretBotTokenValue';

function installation(teamId: string, token = BOT_TOKEN): Installation<'v2', false> {
  return {
    team: { id: teamId, name: 'Acme' },
    enterprise: undefined,
    user: { id: 'U0ADMIN', token: undefined, scopes: undefined },
    bot: { id: 'B0BOT', userId: 'U0BOT', token, scopes: ['chat:write'] },
    isEnterpriseInstall: false,
    authVersion: 'v2',
    appId: 'A0VOUCH',
    tokenType: 'bot',
  };
}

describeEachDatabase('installation store', (kind) => {
  let database: TestDatabase;
  const key = randomBytes(32);
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.cleanup());

  it('stores an installation so that no column holds the token, and fetches it back', async () => {
    const store = createInstallationStore({ db: database.db.prisma, cipher: createTokenCipher(key) });
    await store.storeInstallation(installation('T0STORE1'));
    const rows = await database.db.prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(
      'SELECT * FROM "Installation"',
    );
    expect(rows).toHaveLength(1);
    const raw = JSON.stringify(rows);
    expect(raw).not.toContain(BOT_TOKEN);
    expect(raw).not.toContain('SecretBotTokenValue');
    const fetched = await store.fetchInstallation({
      teamId: 'T0STORE1',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(fetched.bot?.token).toBe(BOT_TOKEN);
  });

  it('with the wrong key, says so instead of handing out garbage', async () => {
    const store = createInstallationStore({
      db: database.db.prisma,
      cipher: createTokenCipher(randomBytes(32)),
    });
    await expect(
      store.fetchInstallation({ teamId: 'T0STORE1', enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toThrow(TokenCipherError);
  });

  it('answers a workspace that never installed with NotInstalledError, and forgets a deleted one', async () => {
    const store = createInstallationStore({ db: database.db.prisma, cipher: createTokenCipher(key) });
    const query = { teamId: 'T0STORE1', enterpriseId: undefined, isEnterpriseInstall: false } as const;
    await expect(store.fetchInstallation({ ...query, teamId: 'T0NEVER' })).rejects.toThrow(NotInstalledError);
    await store.deleteInstallation(query);
    await expect(store.fetchInstallation(query)).rejects.toThrow(NotInstalledError);
  });
});
