import { expect, it } from 'vitest';
import { findLimitViolations } from '../../../src/slack/blocks/limits.js';
import { FAKE_TEAM_ID, type RecordedCall } from '../../helpers/fake-slack-api.mjs';
import { type SeedPosting, seedPostings } from '../../helpers/seed-postings.js';
import { buttonsOf, stringsMentioning, textOf, viewBlocksOf } from '../../helpers/slack-blocks.js';
import { askVouch, expectStillServing, interestFormValues } from '../../helpers/slack-flows.js';
import { CANDIDATE, SHARER } from '../../helpers/slack-members.js';
import { homeAction, modalAction, viewSubmission } from '../../helpers/slack-payloads.mjs';
import { useSlackFlowSuite } from '../../helpers/suite-app.js';
import { describeEachDatabase } from '../../helpers/test-database.js';

const BROWSER = 'U0BROWSER';
const DAY = 86_400_000;

/** What a member has put in the browse modal's fields. */
interface FormFields {
  company?: string;
  place?: string;
  workplace?: 'remote' | 'hybrid' | 'onsite';
  since?: 7 | 30 | 90;
  canRefer?: boolean;
}

/** The modal's `state.values` as Slack sends them for `fields`. */
function browseValues(fields: FormFields): Record<string, unknown> {
  const text = (value: string | undefined) => ({ type: 'plain_text_input', value: value ?? null });
  const select = (value: string | undefined) => ({
    type: 'static_select',
    selected_option: { value: value ?? 'any', text: { type: 'plain_text', text: 'x' } },
  });
  return {
    browse_company: { browse_company_input: text(fields.company) },
    browse_place: { browse_place_input: text(fields.place) },
    browse_workplace: { browse_workplace_select: select(fields.workplace) },
    browse_since: {
      browse_since_select: select(fields.since === undefined ? undefined : String(fields.since)),
    },
    browse_can_refer: {
      browse_can_refer_checkbox: {
        type: 'checkboxes',
        selected_options: fields.canRefer
          ? [{ value: 'can_refer', text: { type: 'plain_text', text: 'x' } }]
          : [],
      },
    },
  };
}

describeEachDatabase('browsing open postings', (kind) => {
  const suite = useSlackFlowSuite(kind);

  /** `postings` in the suite's workspace, each company named after `name` so tests stay apart. */
  function seed(postings: SeedPosting[]): Promise<string[]> {
    return seedPostings(suite.db, FAKE_TEAM_ID, postings);
  }

  /** The next `method` call the app makes from now on that `matches`. */
  function nextCall(method: string, matches: (call: RecordedCall) => boolean = () => true) {
    const before = new Set(suite.app.slack.calls(method));
    return suite.app.slack.waitFor(method, (c) => !before.has(c) && matches(c), 10_000);
  }

  /** A browse modal a member has open: what Slack shows, under Slack's id for it. */
  interface OpenModal {
    viewId: string;
    view: Record<string, unknown>;
  }

  /** The member presses "Browse open postings" on their Home tab. */
  async function openBrowse(user: string): Promise<OpenModal> {
    const opened = nextCall(
      'views.open',
      (c) => (c.args.view as { callback_id?: string }).callback_id === 'browse_postings',
    );
    const response = await suite.app.requests.interaction(
      homeAction({ user, actionId: 'home_browse_postings', value: 'browse' }),
    );
    expect(response.status).toBe(200);
    return {
      viewId: `VBROWSE${suite.freshNumber()}`,
      view: (await opened).args.view as Record<string, unknown>,
    };
  }

  /** A change in the open modal (a filter, Previous / Next): resolves with the modal as views.update redrew it. */
  async function change(
    user: string,
    modal: OpenModal,
    fields: FormFields,
    action: { actionId: string; value?: string },
  ): Promise<OpenModal> {
    const updated = nextCall('views.update', (c) => c.args.view_id === modal.viewId);
    const response = await suite.app.requests.interaction(
      modalAction({ user, viewId: modal.viewId, view: modal.view, values: browseValues(fields), ...action }),
    );
    expect(response.status).toBe(200);
    return { viewId: modal.viewId, view: (await updated).args.view as Record<string, unknown> };
  }

  /** The posting ids of the rows a modal or message shows (their "I'm interested" buttons). */
  function rowIds(blocks: unknown): string[] {
    return buttonsOf(blocks)
      .filter((b) => b.action_id === 'im_interested')
      .map((b) => b.value);
  }

  const blocksOfModal = (modal: OpenModal) =>
    viewBlocksOf({ args: { view: modal.view } } as unknown as RecordedCall);

  it('Home button → modal → a filter → views.update → Next and Previous walk the pages', async () => {
    const company = `Pagerco ${suite.freshNumber()}`;
    const ids = await seed(
      Array.from({ length: 25 }, (_, i) => ({
        title: `Pager role ${i}`,
        company,
        locations: ['Berlin, Germany'],
        workplaceType: i % 5 === 0 ? ('onsite' as const) : ('remote' as const),
        createdAt: new Date(Date.now() - i * 60_000),
      })),
    );
    const first = await openBrowse(BROWSER);
    expect(findLimitViolations(first.view, 'modal')).toEqual([]);
    // Newest first: the last seeded is the oldest.
    expect(rowIds(blocksOfModal(first))[0]).toBe(ids[0]);

    // The member types the company and presses Enter.
    const fields: FormFields = { company };
    let modal = await change(BROWSER, first, fields, { actionId: 'browse_company_input', value: company });
    expect(textOf(blocksOfModal(modal))).toContain(`*25 open postings* at *${company}* · page 1 of 3`);
    const seen = rowIds(blocksOfModal(modal));
    expect(buttonsOf(blocksOfModal(modal)).map((b) => b.action_id)).not.toContain('browse_previous');

    for (const page of [2, 3]) {
      modal = await change(BROWSER, modal, fields, { actionId: 'browse_next', value: String(page) });
      expect(textOf(blocksOfModal(modal))).toContain(`page ${page} of 3`);
      expect(findLimitViolations(modal.view, 'modal')).toEqual([]);
      seen.push(...rowIds(blocksOfModal(modal)));
    }
    expect(buttonsOf(blocksOfModal(modal)).map((b) => b.action_id)).not.toContain('browse_next');
    expect(seen.sort()).toEqual([...ids].sort());

    modal = await change(BROWSER, modal, fields, { actionId: 'browse_previous', value: '2' });
    expect(textOf(blocksOfModal(modal))).toContain('page 2 of 3');

    // Another filter: back to page 1, narrowed.
    const onsite = { ...fields, workplace: 'onsite' as const };
    modal = await change(BROWSER, modal, onsite, { actionId: 'browse_workplace_select' });
    expect(textOf(blocksOfModal(modal))).toContain(`*5 open postings* at *${company}* · on-site`);
    expect(rowIds(blocksOfModal(modal))).toHaveLength(5);

    // Search (the submit button) draws the same in place.
    const submitted = await suite.app.requests.interaction(
      viewSubmission({
        user: BROWSER,
        view: modal.view,
        values: browseValues({ ...onsite, place: 'nowhere' }),
      }),
    );
    expect(submitted.status).toBe(200);
    const answer = JSON.parse(submitted.text) as { response_action: string; view: Record<string, unknown> };
    expect(answer.response_action).toBe('update');
    expect(textOf(answer.view)).toContain('No open postings');
    expect(textOf(answer.view)).toContain('Try fewer filters');
    await expectStillServing(suite.app);
  });

  it('200 postings: every page of the modal and of /vouch list stays within Block Kit limits, and paging shows each once', async () => {
    const company = `Bulkco ${suite.freshNumber()}`;
    const long = 'Principal Staff Distinguished Engineer, Platform Infrastructure and Reliability '.repeat(4);
    const ids = await seed(
      Array.from({ length: 200 }, (_, i) => ({
        title: `${long}${i}`,
        company,
        locations: ['Berlin, Germany', 'München, Bayern', 'Remote - Europe', 'Amsterdam', 'Zürich'],
        workplaceType: 'hybrid' as const,
      })),
    );
    const fields: FormFields = { company };
    let modal = await change(BROWSER, await openBrowse(BROWSER), fields, {
      actionId: 'browse_company_input',
    });
    const inModal = rowIds(blocksOfModal(modal));
    for (let page = 2; page <= 20; page += 1) {
      modal = await change(BROWSER, modal, fields, { actionId: 'browse_next', value: String(page) });
      expect(findLimitViolations(modal.view, 'modal')).toEqual([]);
      inModal.push(...rowIds(blocksOfModal(modal)));
    }
    expect(inModal).toHaveLength(200);
    expect(new Set(inModal)).toEqual(new Set(ids));

    const inList: string[] = [];
    for (let page = 1; page <= 20; page += 1) {
      const answer = await askVouch(suite.app, { text: `list at ${company} page ${page}`, user_id: BROWSER });
      expect(findLimitViolations({ text: answer.text, blocks: answer.blocks }, 'message')).toEqual([]);
      if (page < 20) expect(textOf(answer.blocks)).toContain(`/vouch list at ${company} page ${page + 1}`);
      inList.push(...rowIds(answer.blocks));
    }
    expect(inList.sort()).toEqual([...ids].sort());
  });

  it('/vouch list words narrow as the modal does: place, workplace type, can refer, shared lately, company', async () => {
    const n = suite.freshNumber();
    const [acme, globex] = [`Acmewords ${n}`, `Globexwords ${n}`];
    const city = `Springfield${n}`;
    await seed([
      {
        title: `Remote ${n} referable`,
        company: acme,
        locations: [`${city}, USA`],
        workplaceType: 'remote',
        referrers: [`U0REFW${n}`],
      },
      { title: `Remote ${n} nobody`, company: acme, locations: [`${city}, USA`], workplaceType: 'remote' },
      { title: `Onsite ${n} fresh`, company: globex, locations: [`${city}, USA`], workplaceType: 'onsite' },
      {
        title: `Onsite ${n} old`,
        company: globex,
        locations: [`Shelbyville${n}`],
        workplaceType: 'onsite',
        createdAt: new Date(Date.now() - 20 * DAY),
      },
    ]);
    const titles = async (words: string) => {
      const answer = await askVouch(suite.app, { text: `list ${words}`, user_id: BROWSER });
      return (textOf(answer.blocks).match(new RegExp(`(Remote|Onsite) ${n} \\w+`, 'g')) ?? []).sort();
    };

    expect(await titles(`remote ${city} can-refer`)).toEqual([`Remote ${n} referable`]);
    expect(await titles(`${city}`)).toEqual([
      `Onsite ${n} fresh`,
      `Remote ${n} nobody`,
      `Remote ${n} referable`,
    ]);
    expect(await titles(`onsite in shelbyville${n}`)).toEqual([`Onsite ${n} old`]);
    expect(await titles(`${globex.toLowerCase()} last 7 days`)).toEqual([`Onsite ${n} fresh`]);
    expect(await titles(`at ${acme}`)).toEqual([`Remote ${n} nobody`, `Remote ${n} referable`]);
    expect(await titles(`${acme} ${city} can refer`)).toEqual([`Remote ${n} referable`]);
  });

  it('an empty result says so, with what to try', async () => {
    const unknown = await askVouch(suite.app, { text: 'list at Nosuchco', user_id: BROWSER });
    expect(textOf(unknown.blocks)).toContain('No company called *Nosuchco* has postings here');
    const nowhere = await askVouch(suite.app, { text: 'list remote Atlantis', user_id: BROWSER });
    expect(textOf(nowhere.blocks)).toContain('No open postings in *Atlantis* · remote.');
    expect(textOf(nowhere.blocks)).toContain('Try fewer filters, or `/vouch list` for every open posting.');
  });

  it("lists this workspace's open postings only: closed ones and another workspace's never show", async () => {
    const company = `Sealedco ${suite.freshNumber()}`;
    await seed([
      { title: 'Sealed open role', company },
      { title: 'Sealed closed role', company, status: 'closed' },
    ]);
    await seedPostings(suite.db, 'T0ELSEWHERE', [{ title: 'Sealed elsewhere role', company }]);
    const answer = await askVouch(suite.app, { text: `list ${company}`, user_id: BROWSER });
    expect(textOf(answer.blocks)).toContain('Sealed open role');
    expect(stringsMentioning(answer.blocks, 'Sealed closed role')).toEqual([]);
    expect(stringsMentioning(answer.blocks, 'Sealed elsewhere role')).toEqual([]);
    const all = await askVouch(suite.app, { text: 'list', user_id: BROWSER });
    expect(stringsMentioning(all.blocks, 'Sealed elsewhere role')).toEqual([]);
  });

  it("a row's I'm interested opens the form on top of the modal; the rows then count the interest, never name it", async () => {
    const company = `Countedco ${suite.freshNumber()}`;
    const [postingId] = await seed([{ title: 'Counted role', company, referrers: [SHARER] }]);
    const fields: FormFields = { company };
    const modal = await change(CANDIDATE, await openBrowse(CANDIDATE), fields, {
      actionId: 'browse_company_input',
    });
    expect(textOf(blocksOfModal(modal))).toContain('🙋 1 can refer · 👀 0 interested');

    /** A row's button in the open modal: resolves with the form pushed on top of it. */
    const pressRowButton = async (actionId: string): Promise<Record<string, unknown>> => {
      const pushed = nextCall('views.push');
      await suite.app.requests.interaction(
        modalAction({
          user: CANDIDATE,
          viewId: modal.viewId,
          view: modal.view,
          values: browseValues(fields),
          actionId,
          value: String(postingId),
        }),
      );
      return (await pushed).args.view as Record<string, unknown>;
    };
    const form = await pressRowButton('im_interested');
    expect(form.callback_id).toBe('interest_submit');
    const submitted = await suite.app.requests.interaction(
      viewSubmission({
        user: CANDIDATE,
        view: form,
        values: interestFormValues({ note: 'hi', referrer: 'anyone' }),
      }),
    );
    expect(submitted.status).toBe(200);

    expect((await pressRowButton('details')).callback_id).toBe('posting_details');

    // Someone else browses: one interested, and nobody's name.
    const other = await change(BROWSER, await openBrowse(BROWSER), fields, {
      actionId: 'browse_company_input',
    });
    expect(textOf(blocksOfModal(other))).toContain('🙋 1 can refer · 👀 1 interested');
    expect(stringsMentioning(other.view, CANDIDATE)).toEqual([]);
    const listed = await askVouch(suite.app, { text: `list ${company}`, user_id: BROWSER });
    expect(stringsMentioning(listed.blocks, CANDIDATE)).toEqual([]);
    await expectStillServing(suite.app);
  });
});
