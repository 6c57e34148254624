/**
 * A local job board on 127.0.0.1 (allowed by FETCH_ALLOW_PRIVATE_HOSTS in test apps): serves job pages
 * with schema.org JobPosting JSON-LD, can answer slowly, go away (404/410) or serve non-job pages.
 * Plain JS so the benchmark (Node without a TypeScript loader) runs the same fake as the tests.
 * Types: ./fake-job-board.d.mts.
 */
import { createServer } from 'node:http';

/** @param {import('./fake-job-board.d.mts').JobPage} page */
export function jobPageHtml(page) {
  const description =
    page.description ??
    `<p>We are looking for a ${page.title} to join ${page.company}.</p>
<h3>What you'll do</h3><ul><li>Build and run large-scale recommendation systems</li><li>Lead design reviews across teams</li><li>Mentor engineers on the team</li></ul>
<h3>Requirements</h3><ul><li>5+ years of experience in software engineering</li><li>Strong experience with distributed systems</li><li>Excellent communication</li></ul>
<h3>Nice to have</h3><ul><li>Experience with machine learning in production</li></ul>`;
  const jsonLd = {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title: page.title,
    description,
    datePosted: '2026-11-01',
    employmentType: 'FULL_TIME',
    hiringOrganization: { '@type': 'Organization', name: page.company },
    jobLocation: {
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        addressLocality: page.location ?? 'San Francisco',
        addressRegion: 'CA',
        addressCountry: 'US',
      },
    },
    ...(page.salary
      ? {
          baseSalary: {
            '@type': 'MonetaryAmount',
            currency: page.salary.currency,
            value: {
              '@type': 'QuantitativeValue',
              minValue: page.salary.min,
              maxValue: page.salary.max,
              unitText: 'YEAR',
            },
          },
        }
      : {}),
  };
  return `<!doctype html><html><head><title>${page.title} - ${page.company}</title>
<meta property="og:title" content="${page.title}">
<script type="application/ld+json">${JSON.stringify(jsonLd)}</script></head>
<body><main><h1>${page.title}</h1>${description}</main></body></html>`;
}

/** @param {import('./fake-job-board.d.mts').FakeJobBoardOptions} [options] */
export async function startFakeJobBoard(options = {}) {
  const { delayMs = 0, jobAt, intercept } = options;
  let inFlight = 0;
  let maxInFlight = 0;
  /** @type {Map<string, import('./fake-job-board.d.mts').Route>} */
  const routes = new Map();
  /** @type {Array<{ path: string; headers: import('node:http').IncomingHttpHeaders }>} */
  const seen = [];
  /** A published route, else the page `jobAt` makes for the path (no ETag: every fetch is a full one). */
  const routeFor = (path) => {
    const route = routes.get(path);
    if (route !== undefined || jobAt === undefined) return route;
    const page = jobAt(path);
    return page === undefined
      ? undefined
      : { status: 200, body: jobPageHtml(page), contentType: 'text/html; charset=utf-8' };
  };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const at = performance.now();
    seen.push({ path, headers: req.headers, at });
    const route = intercept?.(path, at) ?? routeFor(path);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.once('close', () => {
      inFlight -= 1;
    });
    const send = () => {
      if (route === undefined) {
        res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>Not found</body></html>');
        return;
      }
      if (route.etag !== undefined && req.headers['if-none-match'] === route.etag) {
        res.writeHead(304, { etag: route.etag }).end();
        return;
      }
      res.writeHead(route.status, {
        'content-type': route.contentType,
        ...(route.etag !== undefined ? { etag: route.etag } : {}),
        ...route.headers,
      });
      res.end(route.body);
    };
    const wait = route?.delayMs ?? delayMs;
    if (wait) setTimeout(send, wait);
    else send();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    job(path, page, jobOptions = {}) {
      routes.set(path, {
        status: 200,
        body: jobPageHtml(page),
        contentType: 'text/html; charset=utf-8',
        etag: `"${path.length}-${page.title.length}"`,
        ...(jobOptions.delayMs !== undefined ? { delayMs: jobOptions.delayMs } : {}),
      });
      return `${origin}${path}`;
    },
    route(path, route) {
      routes.set(path, route);
      return `${origin}${path}`;
    },
    remove(path, status = 404) {
      routes.set(path, {
        status,
        body: '<html><body>This job is no longer available</body></html>',
        contentType: 'text/html',
      });
    },
    requests: (path) => (path === undefined ? [...seen] : seen.filter((r) => r.path === path)),
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      }),
  };
}
