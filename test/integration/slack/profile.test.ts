import { expect, it } from 'vitest';
import {
  channelMessages,
  dmChannelOf,
  dmsTo,
  homeSection,
  stringsMentioning,
  textOf,
  viewBlocksOf,
} from '../../helpers/slack-blocks.js';
import {
  offerAndAccept,
  offerToRefer,
  openInterestModal,
  openProfileModal,
  type ProfileForm,
  saveProfile,
  settle,
  shareJobPage,
  submitInterestForm,
  submitProfileForm,
  waitForDm,
} from '../../helpers/slack-flows.js';
import { CHANNEL, SHARER } from '../../helpers/slack-members.js';
import { TEST_BOT_TOKEN } from '../../helpers/start-test-app.js';
import { useSlackFlowSuite } from '../../helpers/suite-app.js';
import { describeEachDatabase } from '../../helpers/test-database.js';

/**
 * Issue #13, item 4: a candidate keeps a profile (profile link, résumé link, a one-line pitch, a
 * résumé file) from App Home; the interest form starts from it and may change it for one request;
 * only a referrer the candidate named or accepted receives it, in the request DM, with the file.
 */
describeEachDatabase('candidate profile', (kind) => {
  const suite = useSlackFlowSuite(kind);

  /** A candidate, two referrers and a company of this test's own (profiles outlive a test). */
  function people() {
    const n = `${suite.freshNumber()}${kind === 'sqlite' ? 'S' : 'P'}`;
    return {
      n,
      candidate: `U0CAND${n}`,
      bob: `U0BOB${n}`,
      carol: `U0CAROL${n}`,
      company: `Initech ${n}`,
      title: `Payments Engineer ${n}`,
      pitch: `Payments backend engineer ${n}, looking for staff roles`,
      profileUrl: `https://www.linkedin.com/in/ada-${n}`,
      file: { id: `F0CV${n}`, name: `ada-cv-${n}.pdf` },
    };
  }

  /** A posting at the company with `referrers` listed, shared in the channel. */
  async function posting(who: ReturnType<typeof people>, referrers: string[], suffix = '') {
    return shareJobPage(suite.app, suite.board, {
      path: `/jobs/profile-${who.n}${suffix}`,
      title: `${who.title}${suffix}`,
      company: who.company,
      channel: CHANNEL,
      sharer: SHARER,
      referrers,
    });
  }

  /** The candidate presses "I'm interested" and submits the form; resolves with Slack's HTTP answer. */
  async function askFor(postingId: string, user: string, form: { referrer: string; profile: ProfileForm }) {
    const { view } = await openInterestModal(suite.app, { postingId, user, channel: CHANNEL });
    return submitInterestForm(suite.app, { user, view, form: { note: 'Hello!', ...form } });
  }

  const storedProfile = (user: string) =>
    suite.db.prisma.candidateProfile.findFirst({ where: { member: { slackUserId: user } } });
  const sentProfile = (postingId: string) =>
    suite.db.prisma.referralProfile.findFirst({ where: { referral: { postingId } } });

  /** An input of a view, by its block id. */
  function inputOf(view: Record<string, unknown>, blockId: string) {
    return (view.blocks as Array<{ block_id?: string; element?: Record<string, unknown> }>).find(
      (b) => b.block_id === blockId,
    );
  }

  /**
   * Every call the bot made that carries `needle` anywhere, as "method → channel", leaving out the
   * owner's own forms and Home tab.
   */
  function whereSeen(needle: string, owner: string): string[] {
    return suite.app.slack
      .calls()
      .filter((c) => c.method !== 'views.open' && c.args.user_id !== owner)
      .filter((c) => JSON.stringify(c.args).includes(needle))
      .map((c) => `${c.method} → ${String(c.args.channel ?? c.args.channel_id ?? c.args.user_id ?? '')}`);
  }

  it('a member saves a profile from App Home, sees it there, and the form opens filled in the next time', async () => {
    const { app } = suite;
    const who = people();
    const { view: empty } = await openProfileModal(app, who.candidate);
    expect(inputOf(empty, 'profile_url')?.element).not.toHaveProperty('initial_value');
    expect(inputOf(empty, 'profile_resume_file')?.element).toMatchObject({
      type: 'file_input',
      max_files: 1,
    });

    const home = await saveProfile(
      app,
      who.candidate,
      { profileUrl: `linkedin.com/in/ada-${who.n}`, pitch: who.pitch, file: who.file },
      who.file.name,
    );
    const section = textOf(homeSection(viewBlocksOf(home), 'Your profile'));
    expect(section).toContain(`<https://linkedin.com/in/ada-${who.n}|`);
    expect(section).toContain(who.pitch);
    expect(section).toContain(`📎 Résumé file: ${who.file.name}`);

    const { view: filled } = await openProfileModal(app, who.candidate);
    expect(inputOf(filled, 'profile_url')?.element?.initial_value).toBe(
      `https://linkedin.com/in/ada-${who.n}`,
    );
    expect(inputOf(filled, 'profile_pitch')?.element?.initial_value).toBe(who.pitch);
    expect(textOf(inputOf(filled, 'profile_kept_file'))).toContain(who.file.name);

    // Emptied, with the file removed: nothing is kept.
    await submitProfileForm(app, { user: who.candidate, view: filled, form: { dropKeptFile: true } });
    await expect.poll(() => storedProfile(who.candidate), { timeout: 10_000 }).toBeNull();
  });

  it('a link that is not a web link keeps the form open with why under that field, and saves nothing', async () => {
    const { app } = suite;
    const who = people();
    const { view } = await openProfileModal(app, who.candidate);
    const answer = await submitProfileForm(app, {
      user: who.candidate,
      view,
      form: { profileUrl: 'javascript:alert(1)', resumeUrl: 'my résumé', pitch: who.pitch },
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      response_action: 'errors',
      errors: {
        profile_url: expect.stringMatching(/Only web links/),
        profile_resume_url: expect.stringMatching(/not a web link/),
      },
    });
    expect(await storedProfile(who.candidate)).toBeNull();

    // The interest form checks the same, before any referral is written.
    const card = await posting(who, [who.bob]);
    const refused = await askFor(card.postingId, who.candidate, {
      referrer: who.bob,
      profile: { profileUrl: 'ftp://files.example.com/cv' },
    });
    expect(refused.json).toMatchObject({ errors: { profile_url: expect.stringMatching(/Only web links/) } });
    expect(await suite.db.prisma.referral.count({ where: { postingId: card.postingId } })).toBe(0);
  });

  it('the interest form starts from the profile; a change goes with that request only, unless saved', async () => {
    const { app } = suite;
    const who = people();
    await saveProfile(app, who.candidate, { profileUrl: who.profileUrl, pitch: who.pitch }, who.profileUrl);
    const first = await posting(who, [who.bob], '-a');
    const second = await posting(who, [who.bob], '-b');

    const { view } = await openInterestModal(app, {
      postingId: first.postingId,
      user: who.candidate,
      channel: CHANNEL,
    });
    expect(inputOf(view, 'profile_url')?.element?.initial_value).toBe(who.profileUrl);
    expect(inputOf(view, 'profile_pitch')?.element?.initial_value).toBe(who.pitch);
    expect(textOf(inputOf(view, 'profile_save'))).toContain('Save these to my profile');

    // This request only.
    const forAcme = `Fintech ${who.n}: I built the ledger you run on`;
    await submitInterestForm(app, {
      user: who.candidate,
      view,
      form: { referrer: who.bob, profile: { profileUrl: who.profileUrl, pitch: forAcme } },
    });
    const dm = await waitForDm(app, who.bob, { matching: new RegExp(`Fintech ${who.n}`) });
    expect(textOf(dm.args)).toContain(who.profileUrl);
    expect((await sentProfile(first.postingId))?.pitch).toBe(forAcme);
    expect((await storedProfile(who.candidate))?.pitch).toBe(who.pitch);

    // Saved to the profile too.
    const saved = `Staff engineer ${who.n}, payments and ledgers`;
    await askFor(second.postingId, who.candidate, {
      referrer: who.bob,
      profile: { profileUrl: who.profileUrl, pitch: saved, save: true },
    });
    await expect
      .poll(async () => (await storedProfile(who.candidate))?.pitch, { timeout: 10_000 })
      .toBe(saved);
    expect((await sentProfile(second.postingId))?.pitch).toBe(saved);
  });

  it('the referrer the candidate names gets the profile and the résumé file in the request DM; the channel never sees it', async () => {
    const { app } = suite;
    const who = people();
    const bytes = Buffer.from(`%PDF-1.4 résumé of candidate ${who.n}`);
    app.slack.addFile({ ...who.file, bytes });
    await saveProfile(app, who.candidate, { pitch: who.pitch, file: who.file }, who.file.name);
    const card = await posting(who, [who.bob]);

    await askFor(card.postingId, who.candidate, { referrer: who.bob, profile: { pitch: who.pitch } });
    const dm = await waitForDm(app, who.bob, { matching: /asked you for a referral/ });
    expect(textOf(dm.args)).toMatch(
      new RegExp(`Their profile[\\s\\S]*${who.file.name}[\\s\\S]*${who.pitch}`),
    );

    const shared = await app.slack.waitFor('files.completeUploadExternal', () => true, 10_000);
    expect(shared.args.channel_id).toBe(dmChannelOf(who.bob));
    expect(String(shared.args.initial_comment)).toContain(`<@${who.candidate}>'s résumé`);
    expect(app.slack.uploads().map((file) => file.bytes.toString())).toEqual([bytes.toString()]);
    // Read with the bot token, from Slack's own download URL.
    expect(app.slack.calls('file_download').map((c) => c.token)).toEqual([TEST_BOT_TOKEN]);

    await settle(300);
    expect(
      channelMessages(app, { withComposerUnfurls: true }).flatMap((c) =>
        stringsMentioning(c.args, who.pitch),
      ),
    ).toEqual([]);
    expect(whereSeen(who.pitch, who.candidate)).toEqual([`chat.postMessage → ${dmChannelOf(who.bob)}`]);
  });

  it('asked of anyone: invited referrers see no profile; only the one the candidate accepts gets it, and the file', async () => {
    const { app } = suite;
    const who = people();
    const bytes = Buffer.from(`résumé attached for this request ${who.n}`);
    app.slack.addFile({ ...who.file, bytes });
    const card = await posting(who, [who.bob, who.carol]);

    // No profile saved: the form's fields and a file attached for this request.
    await askFor(card.postingId, who.candidate, {
      referrer: 'anyone',
      profile: { profileUrl: who.profileUrl, pitch: who.pitch, file: who.file },
    });
    await waitForDm(app, who.carol, { matching: /is interested in/ });
    const request = await offerAndAccept(app, {
      referrer: who.bob,
      candidate: who.candidate,
      title: who.title,
    });
    expect(textOf(request.args)).toContain(who.pitch);
    expect(textOf(request.args)).toContain(who.profileUrl);
    const shared = await app.slack.waitFor('files.completeUploadExternal', () => true, 10_000);
    expect(shared.args.channel_id).toBe(dmChannelOf(who.bob));

    // Carol offers too, but the candidate does not accept her: she never learns the profile.
    const invitation = await offerToRefer(app, who.carol, who.title);
    expect(stringsMentioning(invitation.args, who.pitch)).toEqual([]);
    await waitForDm(app, who.candidate, { matching: new RegExp(`<@${who.carol}> offered to refer you`) });
    await settle(500);
    expect(dmsTo(app, who.carol).flatMap((c) => stringsMentioning(c.args, who.profileUrl))).toEqual([]);
    expect(whereSeen(who.pitch, who.candidate)).toEqual([`chat.postMessage → ${dmChannelOf(who.bob)}`]);
    expect(app.slack.calls('files.completeUploadExternal')).toHaveLength(1);
    // Not a saved profile: the request only.
    expect(await storedProfile(who.candidate)).toBeNull();
  });

  it('a résumé file Slack no longer has: the referrer is told so in the DM, and how to get it', async () => {
    const { app } = suite;
    const who = people();
    const card = await posting(who, [who.bob]);
    // Attached in the form, then deleted in Slack before the referrer's DM went out.
    await askFor(card.postingId, who.candidate, { referrer: who.bob, profile: { file: who.file } });
    const told = await waitForDm(app, who.bob, { matching: /could not attach it/ });
    expect(textOf(told.args)).toContain(who.file.name);
    expect(textOf(told.args)).toContain('Open DM');
    expect(app.slack.uploads()).toEqual([]);
  });
});
