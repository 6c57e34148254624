import { expect, it } from 'vitest';
import { type FakeJobBoard, startFakeJobBoard } from '../../helpers/fake-job-board.mjs';
import { settle } from '../../helpers/slack-flows.js';
import { blockAction, eventEnvelope, viewSubmission } from '../../helpers/slack-payloads.mjs';
import type { TestApp } from '../../helpers/start-test-app.js';
import { useAppForSuite } from '../../helpers/suite-app.js';
import { describeEachDatabase } from '../../helpers/test-database.js';

/**
 * Issue #12: payloads that are signed but malformed (a click without `user`, a submission without
 * `view`, an event without `team_id`) are answered without an error-level log: error is for Vouch's
 * own faults.
 */
describeEachDatabase('malformed but signed payloads', (kind) => {
  let app: TestApp;
  useAppForSuite(
    { database: kind, startBoard: startFakeJobBoard },
    (started: { app: TestApp; board: FakeJobBoard }) => {
      app = started.app;
    },
  );

  const errorsLogged = () => app.logs.filter((line) => Number(line.level) >= 50);

  it('answers a click without a user, a submission without a view and an event without a team, logging no error', async () => {
    const before = errorsLogged().length;
    const click = blockAction({
      user: 'U0SOMEONE',
      actionId: 'i_can_refer',
      value: 'p1',
      channel: 'C0X',
      responseUrl: app.slack.responseUrl('m'),
    });
    const submission = viewSubmission({
      user: 'U0SOMEONE',
      view: { callback_id: 'interest_submit', private_metadata: '{}' },
      values: {},
    });
    const event = eventEnvelope({ type: 'app_home_opened', user: 'U0SOMEONE', tab: 'home' });
    const answers = await Promise.all([
      app.requests.interaction({ ...click, user: undefined }),
      app.requests.interaction({ ...submission, view: undefined }),
      app.requests.event({ ...event, team_id: undefined }),
    ]);
    for (const answer of answers) expect([200, 400]).toContain(answer.status);
    await settle(500);
    expect(errorsLogged().slice(before)).toEqual([]);
    const warnings = app.logs.filter((line) => line.level === 40).map((line) => String(line.msg));
    expect(warnings.some((msg) => /malformed/i.test(msg))).toBe(true);
  });
});
