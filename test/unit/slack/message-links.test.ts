import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isUnfurlDomain, linksInMessage, UNFURL_DOMAINS } from '../../../src/slack/support/message-links.js';

describe('links in a Slack message', () => {
  it('reads Slack-formatted links, labels and all, in order and once each', () => {
    const text =
      'Look: <https://jobs.lever.co/acme/123|Lever> and <https://apply.workable.com/acme/j/ABC/> and again <https://jobs.lever.co/acme/123>';
    expect(linksInMessage(text)).toEqual([
      'https://jobs.lever.co/acme/123',
      'https://apply.workable.com/acme/j/ABC/',
    ]);
  });

  it('reads bare links from pasted text and unescapes &amp;', () => {
    expect(linksInMessage('see https://example.com/jobs?id=1&amp;src=x).')).toEqual([
      'https://example.com/jobs?id=1&src=x',
    ]);
  });

  it('ignores mentions, channels and non-http schemes', () => {
    expect(linksInMessage('<@U123> in <#C123|general> mail <mailto:a@b.c|a@b.c>')).toEqual([]);
  });

  it('takes at most five links', () => {
    const text = Array.from({ length: 9 }, (_, i) => `<https://example.com/${i}>`).join(' ');
    expect(linksInMessage(text)).toHaveLength(5);
  });
});

describe('unfurl domains', () => {
  it('match manifest.json', () => {
    const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as {
      features: { unfurl_domains: string[] };
    };
    expect([...UNFURL_DOMAINS].sort()).toEqual([...manifest.features.unfurl_domains].sort());
    expect(UNFURL_DOMAINS.length).toBeLessThanOrEqual(5);
  });

  it('cover sub-domains but not look-alikes', () => {
    expect(isUnfurlDomain('https://job-boards.greenhouse.io/x/jobs/1')).toBe(true);
    expect(isUnfurlDomain('https://jobs.eu.lever.co/x/y')).toBe(true);
    expect(isUnfurlDomain('https://notgreenhouse.io/x')).toBe(false);
    expect(isUnfurlDomain('https://apply.workable.com/x')).toBe(false);
    expect(isUnfurlDomain('not a url')).toBe(false);
  });
});
