import { describe, expect, it } from 'vitest';
import { extractPostingDetailed } from '../../../src/postings/extract-posting.js';

const url = 'https://careers.example.org/jobs/4711';

function read(body: string | Buffer, contentType?: string) {
  return extractPostingDetailed({ url, body, contentType: contentType ?? null });
}

describe('an answer no provider understands gives the plain card that says so', () => {
  it.each([
    [
      'JSON of an unknown shape',
      '{"status":"ok","data":{"items":[1,2,3]}}',
      'application/json',
      /data \(JSON\)/,
    ],
    ['broken JSON served as HTML', '{"title": "Engineer", "desc', 'text/html', /data \(JSON\)/],
    ['JSON served as plain text', '[{"a":1}]', 'text/plain', /data \(JSON\)/],
    [
      'an XML document nobody reads',
      '<?xml version="1.0"?>\n<catalog><book id="1"><title>Dune</title></book></catalog>',
      'text/xml',
      /XML document/,
    ],
    [
      'an RSS feed without a declaration',
      '<rss version="2.0"><channel><title>Jobs</title></channel></rss>',
      null,
      /XML/,
    ],
    ['an empty page', '   \n ', 'text/html', /empty page/],
  ])('%s', (_name, body, contentType, says) => {
    const { summary, recognised } = read(body, contentType ?? undefined);
    expect(recognised).toBe(false);
    expect(summary.title).toBeNull();
    expect(summary.company).toBeNull();
    expect(summary.responsibilities).toEqual([]);
    expect(summary.summary).toMatch(/^Vouch could not read this posting/);
    expect(summary.summary).toMatch(says);
    expect(summary.summary).not.toMatch(/[{<]/);
  });

  it('names a PDF as a PDF and other binaries as files', () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 0)]);
    expect(read(pdf).summary.summary).toMatch(/a PDF document/);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), Buffer.alloc(200, 1)]);
    expect(read(png).summary.summary).toMatch(/not a web page/);
  });

  it('still reads an XHTML page as a page', () => {
    const xhtml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Data Analyst</title></head><body><h1>Data Analyst</h1><p>Join our analytics team in Leeds and help 40 hospitals plan their staffing with better data.</p></body></html>';
    const { summary } = read(xhtml, 'application/xhtml+xml');
    expect(summary.title).toBe('Data Analyst');
  });
});
