import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface JobPage {
  title: string;
  company: string;
  location?: string;
  description?: string;
  salary?: { min: number; max: number; currency: string };
}

type Route = { status: number; body: string; contentType: string; delayMs?: number; etag?: string };

/**
 * A local job board on 127.0.0.1 (allowed by FETCH_ALLOW_PRIVATE_HOSTS in test apps): serves job pages
 * with schema.org JobPosting JSON-LD, can answer slowly, go away (404/410) or serve non-job pages.
 */
export interface FakeJobBoard {
  origin: string;
  /** Publishes a job page at `path` and returns its URL. */
  job(path: string, page: JobPage, options?: { delayMs?: number }): string;
  /** Any response at `path`. */
  route(path: string, route: Route): string;
  /** Makes `path` answer `status` (404, 410, 500...) from now on. */
  remove(path: string, status?: number): void;
  requests(path?: string): Array<{ path: string; headers: IncomingMessage['headers'] }>;
  close(): Promise<void>;
}

export function jobPageHtml(page: JobPage): string {
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

export async function startFakeJobBoard(): Promise<FakeJobBoard> {
  const routes = new Map<string, Route>();
  const seen: Array<{ path: string; headers: IncomingMessage['headers'] }> = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    seen.push({ path, headers: req.headers });
    const route = routes.get(path);
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
      });
      res.end(route.body);
    };
    if (route?.delayMs) setTimeout(send, route.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    job(path, page, options = {}) {
      routes.set(path, {
        status: 200,
        body: jobPageHtml(page),
        contentType: 'text/html; charset=utf-8',
        etag: `"${path.length}-${page.title.length}"`,
        ...(options.delayMs !== undefined ? { delayMs: options.delayMs } : {}),
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
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
