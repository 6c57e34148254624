// A local job board on 127.0.0.1 for the benchmark: every /jobs/<slug> is a job page with schema.org
// JobPosting JSON-LD (like test/helpers/fake-job-board.ts), answered after `delayMs` to stand in for a
// real board's latency. Counts the requests so the bench can tell a cached card from a fetched one.
import { createServer } from 'node:http';

export function jobPageHtml(slug) {
  const title = `Staff Engineer ${slug}`;
  const description = `<p>We are looking for a ${title} to join Acme Robotics.</p>
<h3>What you'll do</h3><ul><li>Build and run large-scale recommendation systems</li><li>Lead design reviews across teams</li><li>Mentor engineers on the team</li></ul>
<h3>Requirements</h3><ul><li>5+ years of experience in software engineering</li><li>Strong experience with distributed systems</li><li>Excellent communication</li></ul>
<h3>Nice to have</h3><ul><li>Experience with machine learning in production</li></ul>`;
  const jsonLd = {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title,
    description,
    datePosted: '2026-11-01',
    employmentType: 'FULL_TIME',
    hiringOrganization: { '@type': 'Organization', name: 'Acme Robotics' },
    jobLocation: {
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        addressLocality: 'San Francisco',
        addressRegion: 'CA',
        addressCountry: 'US',
      },
    },
    baseSalary: {
      '@type': 'MonetaryAmount',
      currency: 'USD',
      value: { '@type': 'QuantitativeValue', minValue: 180000, maxValue: 240000, unitText: 'YEAR' },
    },
  };
  return `<!doctype html><html><head><title>${title} - Acme Robotics</title>
<meta property="og:title" content="${title}">
<script type="application/ld+json">${JSON.stringify(jsonLd)}</script></head>
<body><main><h1>${title}</h1>${description}</main></body></html>`;
}

export async function startFakeJobBoard({ delayMs }) {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const match = /^\/jobs\/([A-Za-z0-9_-]{1,80})$/.exec(path);
    setTimeout(() => {
      if (match === null) {
        res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>Not found</body></html>');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(jobPageHtml(match[1]));
    }, delayMs);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    delayMs,
    url: (slug) => `${origin}/jobs/${slug}`,
    requests: () => requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
