import { expect, it } from 'vitest';
import { identityOf } from '../../../src/postings/extract-posting.js';
import { normalizeCompanyName } from '../../../src/referrals/company-names.js';
import { FAKE_TEAM_ID, type FakeUser } from '../../helpers/fake-slack-api.mjs';
import { dmsTo, mentions, textOf } from '../../helpers/slack-blocks.js';
import {
  askVouchPrivately,
  clickButton,
  expressInterest,
  openInterestModal,
  shareJobByCommand,
  shareJobPage,
  waitForDm,
} from '../../helpers/slack-flows.js';
import { CANDIDATE, CHANNEL, SHARER } from '../../helpers/slack-members.js';
import { type SlackFlowSuite, useSlackFlowSuite } from '../../helpers/suite-app.js';
import { describeEachDatabase } from '../../helpers/test-database.js';
import { pinterestSummary } from '../../unit/slack/blocks/fixtures.js';

/**
 * Members with Slack profiles (users.info answers with their e-mail, as with users:read.email), new
 * ids for each test: Vouch remembers a profile for an hour.
 */
function people<Who extends string>(
  suite: SlackFlowSuite,
  profiles: Record<Who, Omit<FakeUser, 'id'>>,
): Record<Who, string> {
  const n = suite.freshNumber();
  const ids = {} as Record<Who, string>;
  for (const who of Object.keys(profiles) as Who[]) {
    const id = `U0V${who.toUpperCase()}${n}`;
    suite.app.slack.addUser({ id, ...profiles[who] });
    ids[who] = id;
  }
  return ids;
}

/**
 * A posting the company's own site served, in Vouch's posting cache as a share of it leaves it (the
 * local job board lives at 127.0.0.1, which has no domain), then shared with `/vouch` in the channel.
 */
async function shareFromOwnSite(
  suite: SlackFlowSuite,
  input: { url: string; company: string; title: string },
) {
  const { db, app } = suite;
  const identity = identityOf(input.url);
  if (identity === null) throw new Error(`not a URL: ${input.url}`);
  await db.prisma.workspace.upsert({ where: { id: FAKE_TEAM_ID }, create: { id: FAKE_TEAM_ID }, update: {} });
  const company = await db.prisma.company.create({
    data: {
      workspaceId: FAKE_TEAM_ID,
      normalizedName: normalizeCompanyName(input.company),
      displayName: input.company,
      aliases: [input.company],
    },
  });
  await db.prisma.posting.create({
    data: {
      workspaceId: FAKE_TEAM_ID,
      canonicalUrl: identity.canonicalUrl,
      url: input.url,
      source: identity.source,
      tenant: identity.tenant,
      jobId: identity.jobId,
      title: input.title,
      companyId: company.id,
      summary: { ...pinterestSummary, ...input, canonicalUrl: identity.canonicalUrl },
      fetchedAt: new Date(),
    },
  });
  return shareJobByCommand(app, { url: input.url, channel: CHANNEL, user: SHARER });
}

/** The card in the channel once a refresh shows `line` (a mention with or without the ✓ after it). */
function cardShowing(suite: SlackFlowSuite, postingId: string, line: RegExp) {
  return suite.app.slack.waitFor(
    'chat.update',
    (c) =>
      c.args.channel === CHANNEL && mentions(c.args.blocks, postingId) && line.test(textOf(c.args.blocks)),
  );
}

/** The members a list marks verified: each `<@U…> ✓`. */
function verifiedIn(text: string): string[] {
  return [...text.matchAll(/<@(\w+)> ✓/g)].map((m) => m[1] as string);
}

async function iCanRefer(suite: SlackFlowSuite, user: string, postingId: string) {
  await clickButton(suite.app, { user, actionId: 'i_can_refer', value: postingId, channel: CHANNEL });
}

/** The ephemeral `user` got after "I can refer" that matches `text`. */
function ephemeralTo(suite: SlackFlowSuite, user: string, text: RegExp) {
  return suite.app.slack.waitFor(
    'chat.postEphemeral',
    (c) => c.args.user === user && text.test(textOf(c.args)),
  );
}

describeEachDatabase('verified referrers', (kind) => {
  const suite = useSlackFlowSuite(kind);

  it('shows ✓ beside a referrer whose Slack e-mail is at the company’s own domain, on the card and in /vouch referrers; a gmail one is self-declared', async () => {
    const n = suite.freshNumber();
    const company = `Globex${n}`;
    const { ana, gabe } = people(suite, {
      ana: { name: 'ana', email: `ana.lopez@eng.globex${n}.com` },
      gabe: { name: 'gabe', email: 'gabe@gmail.com' },
    });
    const { postingId } = await shareFromOwnSite(suite, {
      url: `https://careers.globex${n}.com/jobs/platform-engineer-${n}`,
      company,
      title: `Platform Engineer ${n}`,
    });

    await iCanRefer(suite, ana, postingId);
    await cardShowing(suite, postingId, new RegExp(`Can refer: <@${ana}> ✓`));
    await ephemeralTo(suite, ana, /✓ Verified: your Slack e-mail is at/);
    await iCanRefer(suite, gabe, postingId);
    const card = await cardShowing(suite, postingId, new RegExp(`<@${ana}> ✓, <@${gabe}>(?! ✓)`));
    expect(textOf(card.args.blocks)).toContain('2* can refer (1 ✓)');
    const told = await ephemeralTo(suite, gabe, /self-declared/);
    expect(textOf(told.args)).toContain('gmail.com');

    for (const user of [ana, gabe])
      await askVouchPrivately(suite.app, { text: `refer-at ${company}`, user_id: user });
    const listed = await askVouchPrivately(suite.app, { text: `referrers ${company}`, user_id: CANDIDATE });
    expect(listed).toContain(`<@${ana}> ✓, <@${gabe}>`);
    expect(listed).not.toContain(`<@${gabe}> ✓`);
    // Nobody's e-mail address reaches anyone: not the card, not the list.
    const everything = JSON.stringify(suite.app.slack.calls());
    expect(everything).not.toContain('ana.lopez@');
    expect(everything).not.toContain('gabe@gmail.com');
  });

  it("never counts a job board's domain: an e-mail there stays self-declared, and an admin cannot add it", async () => {
    const n = suite.freshNumber();
    const company = `Lever${n}`;
    const { lee, boss } = people(suite, {
      lee: { email: `lee@lever.co` },
      boss: { email: `boss@example${n}.org`, isAdmin: true },
    });
    await shareFromOwnSite(suite, {
      url: `https://jobs.lever.co/lever${n}/0f3c5c1e-77a4-4a4e-9c47-${String(n).padStart(12, '0')}`,
      company,
      title: `Account Executive ${n}`,
    });
    const answer = await askVouchPrivately(suite.app, { text: `refer-at ${company}`, user_id: lee });
    expect(answer).toContain('Shown as self-declared');
    expect(
      await askVouchPrivately(suite.app, { text: `company-domain ${company} lever.co`, user_id: boss }),
    ).toMatch(/job board's or hiring platform's domain/);
    expect(
      verifiedIn(await askVouchPrivately(suite.app, { text: `referrers ${company}`, user_id: CANDIDATE })),
    ).toEqual([]);
  });

  it('an admin adds a company domain and its referrers become verified; a non-admin is refused and changes nothing', async () => {
    const { app, board, db } = suite;
    const n = suite.freshNumber();
    const company = `Initech ${n}`;
    const { ron, milton, admin } = people(suite, {
      ron: { email: `ron@initech-corp${n}.com` },
      milton: { email: `milton@initech-corp${n}.com` },
      admin: { email: `it@initech-corp${n}.com`, isOwner: true },
    });
    const { postingId } = await shareJobPage(app, board, {
      path: `/jobs/verified-${kind}-${n}`,
      title: `TPS Analyst ${n}`,
      company,
      channel: CHANNEL,
      sharer: SHARER,
      referrers: [ron],
    });
    expect(
      verifiedIn(await askVouchPrivately(app, { text: `referrers ${company}`, user_id: CANDIDATE })),
    ).toEqual([]);

    const refused = await askVouchPrivately(app, {
      text: `company-domain ${company} initech-corp${n}.com`,
      user_id: milton,
    });
    expect(refused).toContain("Only the workspace's admins and owners can change a company's domains.");
    expect(await db.prisma.companyDomain.count({ where: { domain: `initech-corp${n}.com` } })).toBe(0);

    const added = await askVouchPrivately(app, {
      text: `company-domain ${company} https://jobs.initech-corp${n}.com/`,
      user_id: admin,
    });
    expect(added).toContain(
      `\`initech-corp${n}.com\` now counts as *${company}*'s domain. 1 of its referrers is verified ✓`,
    );
    expect(await askVouchPrivately(app, { text: `referrers ${company}`, user_id: CANDIDATE })).toContain(
      `<@${ron}> ✓`,
    );
    // The card in the channel is redrawn with the mark.
    await cardShowing(suite, postingId, new RegExp(`<@${ron}> ✓`));
    // Anyone may list the domains.
    expect(await askVouchPrivately(app, { text: `company-domain ${company}`, user_id: milton })).toContain(
      `initech-corp${n}.com\` (added by an admin)`,
    );

    await askVouchPrivately(app, {
      text: `company-domain remove ${company} initech-corp${n}.com`,
      user_id: admin,
    });
    expect(
      verifiedIn(await askVouchPrivately(app, { text: `referrers ${company}`, user_id: CANDIDATE })),
    ).toEqual([]);
  });

  it('re-checks a referrer whose Slack e-mail changes (user_change)', async () => {
    const { app, db } = suite;
    const n = suite.freshNumber();
    const company = `Hooli${n}`;
    const { gavin, admin } = people(suite, {
      gavin: { email: `gavin@gmail.com` },
      admin: { isAdmin: true },
    });
    await askVouchPrivately(app, { text: `refer-at ${company}`, user_id: gavin });
    await askVouchPrivately(app, { text: `company-domain ${company} hooli${n}.xyz`, user_id: admin });
    expect(
      verifiedIn(await askVouchPrivately(app, { text: `referrers ${company}`, user_id: CANDIDATE })),
    ).toEqual([]);

    await app.requests.eventCallback({
      type: 'user_change',
      user: { id: gavin, team_id: FAKE_TEAM_ID, name: 'gavin', profile: { email: `gavin@hooli${n}.xyz` } },
      event_ts: `17000000${n}.000100`,
    });
    await expect
      .poll(
        () => db.prisma.companyReferrer.count({ where: { member: { slackUserId: gavin }, verified: true } }),
        {
          timeout: 10_000,
        },
      )
      .toBe(1);
    expect(await askVouchPrivately(app, { text: `referrers ${company}`, user_id: CANDIDATE })).toContain(
      `<@${gavin}> ✓`,
    );
  });
});

describeEachDatabase('VOUCH_REFERRERS=verified', (kind) => {
  const suite = useSlackFlowSuite(kind, { env: { VOUCH_REFERRERS: 'verified' } });

  /** A company with a verified and a self-declared referrer, and a posting there shared in the channel. */
  async function umbrella() {
    const { app, board } = suite;
    const n = suite.freshNumber();
    const company = `Umbrella ${n}`;
    const who = people(suite, {
      wesker: { name: 'wesker', email: `wesker@umbrella${n}.com` },
      chris: { name: 'chris', email: 'chris@outlook.com' },
      admin: { isAdmin: true },
    });
    await askVouchPrivately(app, { text: `company-domain ${company} umbrella${n}.com`, user_id: who.admin });
    const card = await shareJobPage(app, board, {
      path: `/jobs/umbrella-${kind}-${n}`,
      title: `Virologist ${n}`,
      company,
      channel: CHANNEL,
      sharer: SHARER,
    });
    return { ...card, ...who, company, title: `Virologist ${n}` };
  }

  it('lets a self-declared referrer say they can refer, and tells them they must be verified to receive requests, and why', async () => {
    const { app } = suite;
    const { company, chris, wesker, postingId } = await umbrella();
    const answer = await askVouchPrivately(app, { text: `refer-at ${company}`, user_id: chris });
    expect(answer).toContain('sends referral requests only to verified referrers');
    expect(answer).toContain('`outlook.com`, a personal e-mail provider');
    expect(await askVouchPrivately(app, { text: `refer-at ${company}`, user_id: wesker })).toContain(
      '✓ Verified',
    );

    await iCanRefer(suite, chris, postingId);
    await ephemeralTo(suite, chris, /only to verified referrers/);
    // Still listed on the card, without the mark.
    await cardShowing(suite, postingId, new RegExp(`<@${chris}>(?! ✓)`));
  });

  it('routes interest only to verified referrers', async () => {
    const { app, db } = suite;
    const { company, chris, wesker, postingId, title } = await umbrella();
    for (const user of [chris, wesker])
      await askVouchPrivately(app, { text: `refer-at ${company}`, user_id: user });

    const { view } = await openInterestModal(app, { postingId, user: CANDIDATE, channel: CHANNEL });
    expect(JSON.stringify(view)).toContain(wesker);
    expect(JSON.stringify(view)).not.toContain(chris);

    await expressInterest(
      app,
      { postingId, user: CANDIDATE, channel: CHANNEL },
      { referrer: 'anyone', note: 'hi' },
    );
    await waitForDm(app, wesker, { matching: new RegExp(`is interested in .*${title}`) });
    const referral = await db.prisma.referral.findFirstOrThrow({ where: { postingId } });
    const offered = await db.prisma.referralOffer.findMany({
      where: { referralId: referral.id },
      include: { referrer: true },
    });
    expect(offered.map((o) => o.referrer.slackUserId)).toEqual([wesker]);
    expect(dmsTo(app, chris).filter((c) => mentions(c.args, title))).toEqual([]);
  });
});
