import { describe, expect, it } from 'vitest';
import {
  parseVouchCommand,
  plainNote,
  type VouchCommand,
} from '../../../../src/slack/features/command/parse-command.js';

const job = 'https://job-boards.greenhouse.io/affirm/jobs/7728589003';

describe('parseVouchCommand', () => {
  it.each<[string, VouchCommand]>([
    ['', { kind: 'help' }],
    ['   ', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['HELP', { kind: 'help' }],
    ['mine', { kind: 'mine' }],
    ['stats', { kind: 'stats' }],
    ['version', { kind: 'version' }],
    ['VERSION', { kind: 'version' }],
    ['list', { kind: 'list', company: null }],
    ['list   Pinterest', { kind: 'list', company: 'Pinterest' }],
    ['list Jane Street', { kind: 'list', company: 'Jane Street' }],
    ['refer-at Pinterest', { kind: 'referAt', company: 'Pinterest' }],
    ['Refer-At  AT&amp;T', { kind: 'referAt', company: 'AT&T' }],
    ['refer-at remove Pinterest', { kind: 'referAtRemove', company: 'Pinterest' }],
    ['refer-at REMOVE Jane Street', { kind: 'referAtRemove', company: 'Jane Street' }],
    ['referrers Pinterest', { kind: 'referrers', company: 'Pinterest' }],
  ])('%j → %j', (text, expected) => {
    expect(parseVouchCommand(text)).toEqual(expected);
  });

  it.each([
    'refer-at',
    'refer-at remove',
    'referrers',
    'mine please',
    'stats now',
    'version please',
    'hello there',
    'ftp://x.com/job',
  ])('unclear input %j is unknown (answered with help)', (text) => {
    expect(parseVouchCommand(text)).toEqual({ kind: 'unknown', text: text.trim() });
  });

  it.each<[string, VouchCommand]>([
    [
      'list remote berlin can-refer',
      { kind: 'list', company: 'berlin', filters: { workplaceType: 'remote', canRefer: true } },
    ],
    [
      'list onsite last 7 days',
      { kind: 'list', company: null, filters: { workplaceType: 'onsite', sinceDays: 7 } },
    ],
    ['list page 2', { kind: 'list', company: null, filters: { page: 2 } }],
    ['list acme 30d', { kind: 'list', company: 'acme', filters: { sinceDays: 30 } }],
    [
      'list past week Hybrid',
      { kind: 'list', company: null, filters: { sinceDays: 7, workplaceType: 'hybrid' } },
    ],
    [
      'list at New York Times in New York can refer page 3',
      {
        kind: 'list',
        company: null,
        filters: { company: 'New York Times', place: 'New York', canRefer: true, page: 3 },
      },
    ],
    [
      'list in Zürich remote, AT&amp;T',
      { kind: 'list', company: 'AT&T', filters: { place: 'Zürich', workplaceType: 'remote' } },
    ],
    // A last word "in" or "at" names nothing: it is a word like any other.
    ['list sign in', { kind: 'list', company: 'sign in' }],
  ])('list filter words: %j → %j', (text, expected) => {
    expect(parseVouchCommand(text)).toEqual(expected);
  });

  it.each<[string, VouchCommand]>([
    ['privacy', { kind: 'privacy' }],
    ['export', { kind: 'export' }],
    ['forget-me', { kind: 'forgetMe' }],
    ['Forget_Me', { kind: 'forgetMe' }],
  ])('data rights: %j → %j', (text, expected) => {
    expect(parseVouchCommand(text)).toEqual(expected);
  });

  it.each(['export everything', 'forget-me now', 'privacy please'])(
    'a data-rights word with more after it %j is unknown: nothing is erased by accident',
    (text) => {
      expect(parseVouchCommand(text)).toEqual({ kind: 'unknown', text });
    },
  );

  describe('sharing a link', () => {
    it('accepts a bare URL with no note', () => {
      expect(parseVouchCommand(job)).toEqual({ kind: 'share', url: job, note: null });
    });

    it('accepts Slack link formatting, with and without a label', () => {
      expect(parseVouchCommand(`<${job}>`)).toEqual({ kind: 'share', url: job, note: null });
      expect(parseVouchCommand(`<${job}|greenhouse.io/affirm>  great team`)).toEqual({
        kind: 'share',
        url: job,
        note: 'great team',
      });
    });

    it('takes the rest of the text as the note, wherever the link is', () => {
      expect(parseVouchCommand(`${job} Great team, ask me about it`)).toEqual({
        kind: 'share',
        url: job,
        note: 'Great team, ask me about it',
      });
      expect(parseVouchCommand(`My old team is hiring: <${job}>`)).toEqual({
        kind: 'share',
        url: job,
        note: 'My old team is hiring:',
      });
    });

    it('decodes &amp; in a URL Slack escaped', () => {
      const escaped = '<https://jobs.lever.co/acme/123?lever-source=x&amp;team=ml>';
      expect(parseVouchCommand(escaped)).toMatchObject({
        url: 'https://jobs.lever.co/acme/123?lever-source=x&team=ml',
      });
    });

    it('leaves sentence punctuation out of a bare URL', () => {
      expect(parseVouchCommand(`look (${job}).`)).toMatchObject({ url: job, note: 'look.' });
      expect(parseVouchCommand(`see ${job}, great team!`)).toMatchObject({
        url: job,
        note: 'see, great team!',
      });
      expect(parseVouchCommand('https://en.wikipedia.org/wiki/Foo_(bar)')).toMatchObject({
        url: 'https://en.wikipedia.org/wiki/Foo_(bar)',
      });
    });

    it('is case-insensitive about the scheme and keeps the URL as written', () => {
      expect(parseVouchCommand('HTTPS://Example.com/Jobs/1')).toMatchObject({
        kind: 'share',
        url: 'HTTPS://Example.com/Jobs/1',
      });
    });

    it('a keyword followed by a URL is still the keyword', () => {
      expect(parseVouchCommand(`list ${job}`)).toEqual({ kind: 'list', company: job });
    });

    it('turns mentions in the note into plain words so the card cannot ping anyone', () => {
      expect(parseVouchCommand(`${job} cc <@U123|ana> <!channel> <!subteam^S1|@eng> <#C1|jobs>`)).toEqual({
        kind: 'share',
        url: job,
        note: 'cc @ana @channel @eng #jobs',
      });
    });
  });
});

describe('plainNote', () => {
  it('keeps the text of links and decodes entities', () => {
    expect(plainNote('see <https://a.com/x|the blog> &amp; <https://b.com> &lt;3')).toBe(
      'see the blog (https://a.com/x) & https://b.com <3',
    );
  });

  it('shows unlabelled mentions by id and here/everyone as words', () => {
    expect(plainNote('<@U999> <!here> <!everyone>')).toBe('@U999 @here @everyone');
  });
});

describe('company-domain', () => {
  const cd = (company: string, domain: string | null, remove = false): VouchCommand => ({
    kind: 'companyDomain',
    company,
    domain,
    remove,
  });
  it.each<[string, VouchCommand]>([
    ['company-domain Acme', cd('Acme', null)],
    ['company-domain Deutsche Bahn', cd('Deutsche Bahn', null)],
    ['company-domain Booking.com', cd('Booking.com', null)],
    ['company-domain booking.com booking.com', cd('booking.com', 'booking.com')],
    ['company-domain Acme Corp.', cd('Acme Corp.', null)],
    ['company-domain Acme acme.com', cd('Acme', 'acme.com')],
    ['company-domain Deutsche Bahn db.de', cd('Deutsche Bahn', 'db.de')],
    ['company-domain Acme <http://acme.co.uk|acme.co.uk>', cd('Acme', '<http://acme.co.uk|acme.co.uk>')],
    ['company-domain remove Acme acme.com', cd('Acme', 'acme.com', true)],
    ['Company-Domain REMOVE Jane Street janestreet.com', cd('Jane Street', 'janestreet.com', true)],
  ])('%j → %j', (text, expected) => {
    expect(parseVouchCommand(text)).toEqual(expected);
  });

  it.each(['company-domain', 'company-domain remove Acme'])(
    '%j is not understood (answered with help)',
    (text) => {
      expect(parseVouchCommand(text).kind).toBe('unknown');
    },
  );
});
