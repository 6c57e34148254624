import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { createLabelCap } from './label-cap.js';

/** What the scrape reads from the database when Prometheus asks (not kept in memory between scrapes). */
export interface MetricsCollectors {
  /** The work queue (src/work/): jobs pending or running, the oldest one's age, failed jobs kept. */
  workStats?: () => Promise<{ backlog: number; oldestAgeMs: number; failed: number }>;
  /** Referrals of every workspace by status. */
  referralsByStatus?: () => Promise<Record<string, number>>;
  /** Slack requests received and not answered yet (src/runtime/ack-gauge.ts). */
  acksWaiting?: () => number;
}

/** How a Slack request ended at the door (see the receivers). */
export type RequestOutcome =
  | 'acknowledged'
  | 'answered'
  | 'repeat'
  | 'not_recorded'
  | 'refused_signature'
  | 'malformed'
  | 'too_large'
  | 'unavailable'
  | 'error';

/**
 * Vouch's metrics in Prometheus' text format (`GET /metrics`), on one registry per process (no global
 * state: two apps in one test process do not share counts). Every label has a bounded set of values:
 * hosts and Slack methods come from outside, so each is capped (`label-cap.ts`) and the rest is
 * counted as `other`.
 * @see https://prometheus.io/docs/practices/naming/
 */
export interface Metrics {
  /** A Slack request answered (or refused) at the door, with how long the answer took. */
  slackRequest(kind: string, outcome: RequestOutcome, seconds: number): void;
  /** A Web API call (or response_url answer) and what Slack said: `ok`, its error code, `rate_limited`. */
  slackApiCall(method: string, outcome: string, seconds: number): void;
  /** A fetch of a job link: `http_2xx`… or the refusal's code (`timeout`, `forbidden_address`…). */
  fetch(host: string, outcome: string, seconds: number): void;
  /** A job link read into a card: its source (greenhouse, lever, other…) and result (ok, closed, failed…). */
  card(source: string, result: string): void;
  /** A job of the work queue ended: done, retry or failed. */
  job(kind: string, outcome: 'done' | 'retry' | 'failed', seconds: number): void;
  /** The text Prometheus scrapes. */
  render(): Promise<string>;
  readonly contentType: string;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const SLOW_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function createMetrics(collectors: MetricsCollectors = {}): Metrics {
  const registry = new Registry();
  // Event-loop delay, memory, CPU, GC, handles: prom-client's process metrics.
  collectDefaultMetrics({ register: registry, prefix: 'vouch_' });
  const hosts = createLabelCap(200);
  const methods = createLabelCap(100);
  const kinds = createLabelCap(100);
  const apiOutcomes = createLabelCap(100);

  const requests = new Counter({
    name: 'vouch_slack_requests_total',
    help: 'Slack requests (events, interactions, commands) by kind and how they ended at the door',
    labelNames: ['kind', 'outcome'],
    registers: [registry],
  });
  const ackSeconds = new Histogram({
    name: 'vouch_slack_ack_seconds',
    help: 'Time from a Slack request arriving to its answer (Slack gives up at 3 s)',
    labelNames: ['kind'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const apiCalls = new Counter({
    name: 'vouch_slack_api_calls_total',
    help: "Slack Web API calls by method and outcome (ok, Slack's error code, rate_limited, http_5xx, network)",
    labelNames: ['method', 'outcome'],
    registers: [registry],
  });
  const apiSeconds = new Histogram({
    name: 'vouch_slack_api_call_seconds',
    help: 'Duration of Slack Web API calls',
    labelNames: ['method'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const fetches = new Counter({
    name: 'vouch_fetches_total',
    help: 'Fetches of job links by host and outcome (http_2xx… or why it was refused or failed)',
    labelNames: ['host', 'outcome'],
    registers: [registry],
  });
  const fetchSeconds = new Histogram({
    name: 'vouch_fetch_seconds',
    help: 'Duration of job link fetches',
    labelNames: ['outcome'],
    buckets: SLOW_BUCKETS,
    registers: [registry],
  });
  const cards = new Counter({
    name: 'vouch_cards_total',
    help: 'Job links read into cards, by source (job board) and result (ok, closed, not_modified, failed)',
    labelNames: ['source', 'result'],
    registers: [registry],
  });
  const jobs = new Counter({
    name: 'vouch_jobs_total',
    help: 'Work-queue jobs ended, by kind and outcome (done, retry, failed)',
    labelNames: ['kind', 'outcome'],
    registers: [registry],
  });
  const jobSeconds = new Histogram({
    name: 'vouch_job_seconds',
    help: 'Duration of work-queue jobs',
    labelNames: ['kind'],
    buckets: SLOW_BUCKETS,
    registers: [registry],
  });

  const { workStats, referralsByStatus, acksWaiting } = collectors;
  if (workStats !== undefined) {
    // One read of the queue per scrape, shared by its three gauges.
    let reading: Promise<{ backlog: number; oldestAgeMs: number; failed: number }> | null = null;
    const read = () => {
      reading ??= workStats().finally(() => {
        reading = null;
      });
      return reading;
    };
    new Gauge({
      name: 'vouch_work_backlog',
      help: 'Jobs pending or running in the work queue (every process of the database)',
      registers: [registry],
      async collect() {
        this.set((await read()).backlog);
      },
    });
    new Gauge({
      name: 'vouch_work_oldest_age_seconds',
      help: 'Age of the oldest job pending or running',
      registers: [registry],
      async collect() {
        this.set((await read()).oldestAgeMs / 1000);
      },
    });
    new Gauge({
      name: 'vouch_work_failed',
      help: 'Jobs failed for good and kept for inspection (vouch queue)',
      registers: [registry],
      async collect() {
        this.set((await read()).failed);
      },
    });
  }
  if (referralsByStatus !== undefined)
    new Gauge({
      name: 'vouch_referrals',
      help: 'Referrals by status, every workspace',
      labelNames: ['status'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const [status, count] of Object.entries(await referralsByStatus())) this.set({ status }, count);
      },
    });
  if (acksWaiting !== undefined)
    new Gauge({
      name: 'vouch_slack_requests_waiting',
      help: 'Slack requests received and not answered yet (this process)',
      registers: [registry],
      collect() {
        this.set(acksWaiting());
      },
    });

  return {
    slackRequest(kind, outcome, seconds) {
      const label = kinds(kind);
      requests.inc({ kind: label, outcome });
      ackSeconds.observe({ kind: label }, seconds);
    },
    slackApiCall(method, outcome, seconds) {
      const label = methods(method);
      apiCalls.inc({ method: label, outcome: apiOutcomes(outcome) });
      apiSeconds.observe({ method: label }, seconds);
    },
    fetch(host, outcome, seconds) {
      fetches.inc({ host: hosts(host), outcome });
      fetchSeconds.observe({ outcome }, seconds);
    },
    card(source, result) {
      cards.inc({ source, result });
    },
    job(kind, outcome, seconds) {
      const label = kinds(kind);
      jobs.inc({ kind: label, outcome });
      jobSeconds.observe({ kind: label }, seconds);
    },
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
