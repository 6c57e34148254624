import { existsSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DatabaseUrl } from '../db/database-url.js';
import { StartupError } from '../errors.js';
import type { Logger } from '../logger.js';
import {
  type AcceptorMessage,
  type AcceptorSettings,
  acceptorMessageSchema,
  type MainMessage,
} from './acceptor-protocol.js';

/** How a request the acceptor answered itself ended. */
type AcceptorOutcome = Extract<AcceptorMessage, { type: 'answered' }>['outcome'];

/** A click acknowledged by the acceptor that the main thread runs through Bolt. */
export interface AcceptedClick {
  body: Record<string, unknown>;
  requestId: string;
  /** Epoch ms when the acceptor answered it (its trigger_id is good for 3 s from the click). */
  arrivedAt: number;
  retryNum?: number | undefined;
  retryReason?: string | undefined;
}

/** A delivery the acceptor wrote claimed by this process's work queue: run it now. */
export interface AcceptedJob {
  id: string;
  key: string;
  kind: string;
  payload: unknown;
}

export interface AcceptorDeps {
  signingSecret: string;
  database: DatabaseUrl;
  logger: Logger;
  /** The work queue's `holder` and lease: jobs the acceptor writes claimed are held in its name. */
  holder: string;
  leaseMs: number;
  /** Deliveries were written waiting: look for due jobs now. */
  onWritten(): void;
  /** A delivery written claimed for this process: its run (the credit comes back when it settles). */
  onRun(job: AcceptedJob): Promise<void>;
  /** Settles once the click has run (or was dropped): its credit comes back then. */
  onClick(click: AcceptedClick): Promise<void>;
  /** Requests the acceptor answered (the metrics' `slackRequest`). */
  observe?: ((kind: string, outcome: AcceptorOutcome, seconds: number) => void) | undefined;
}

export interface Acceptor {
  /** The bound public port. */
  readonly port: number;
  /** Shutdown started: Slack requests are refused 503 from now on. */
  stopping(): void;
  /** Stops listening, lets the requests being answered finish, closes its database connection. */
  close(): Promise<void>;
}

/** A started thread that does not listen yet (its modules load while the database migrates). */
export interface StartingAcceptor {
  /** Listens on `port`, forwarding the rest to the main thread's server on 127.0.0.1:`upstreamPort`. */
  listen(port: number, upstreamPort: number): Promise<Acceptor>;
  /** Start-up failed elsewhere: stop the thread. */
  abandon(): Promise<void>;
}

/** Same limit as the main thread's receiver (http-receiver.ts). */
const BODY_LIMIT_BYTES = 1024 * 1024;
/** The acceptor's heap: request bodies and one batch of rows at a time. */
const HEAP_LIMIT_MB = 96;
/** Its young generation: requests are short-lived garbage; a small nursery keeps the thread lean. */
const YOUNG_LIMIT_MB = 8;
/** A thread that died is started again after this long. */
const RESTART_AFTER_MS = 1_000;
/**
 * Deliveries the main thread runs at once straight from the acceptor (claimed when written, as the
 * main thread's own receiver does); beyond them they wait in the table for the queue's workers.
 */
const RUN_CREDITS = 16;
/**
 * Clicks that open a form handed to the main thread and not yet run; past them the acceptor
 * acknowledges a click without running it (its form would open too late, and each held click costs
 * memory under a flood).
 */
const CLICK_CREDITS = 64;

/**
 * The compiled thread script. Run from `dist/`, it sits beside this file; run from the TypeScript
 * sources (vitest), the compiled copy in `dist/` is used: a worker thread cannot load TypeScript.
 */
export function acceptorScript(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts')
    ? new URL('../../dist/runtime/acceptor-thread.js', here)
    : new URL('./acceptor-thread.js', here);
}

/**
 * Starts the acceptor thread (README in this folder); it listens once `listen` is called. A thread
 * that dies (it should not) is logged and started again on the same port; the deliveries it had
 * acknowledged are in the database already.
 */
export function launchAcceptor(deps: AcceptorDeps): StartingAcceptor {
  const script = acceptorScript();
  if (!existsSync(fileURLToPath(script)))
    throw new StartupError(
      'acceptor_missing',
      `the acceptor thread's compiled script is missing (${fileURLToPath(script)}): run \`npm run build\`, or set VOUCH_ACK_THREAD=false`,
    );
  const logger = deps.logger.child({ component: 'acceptor' });
  const runCredits = new Int32Array(new SharedArrayBuffer(8));
  Atomics.store(runCredits, 0, RUN_CREDITS);
  Atomics.store(runCredits, 1, CLICK_CREDITS);
  const settings: AcceptorSettings = {
    signingSecret: deps.signingSecret,
    database:
      deps.database.provider === 'sqlite'
        ? { provider: 'sqlite', filePath: deps.database.filePath }
        : {
            provider: 'postgresql',
            connectionString: deps.database.connectionString,
            schema: deps.database.schema,
          },
    bodyLimitBytes: BODY_LIMIT_BYTES,
    holder: deps.holder,
    leaseMs: deps.leaseMs,
    runCredits: runCredits.buffer as SharedArrayBuffer,
  };
  let closing = false;
  let boundPort = 0;
  let upstream = 0;

  function onMessage(value: unknown): void {
    const parsed = acceptorMessageSchema.safeParse(value);
    if (!parsed.success) {
      logger.error({ issues: parsed.error.issues.slice(0, 3) }, 'acceptor: unreadable message');
      return;
    }
    const message: AcceptorMessage = parsed.data;
    switch (message.type) {
      case 'written':
        deps.onWritten();
        return;
      case 'run':
        void deps
          .onRun(message)
          .catch((error: unknown) =>
            logger.warn({ err: error, jobId: message.id }, 'acceptor: job run failed'),
          )
          .finally(() => Atomics.add(runCredits, 0, 1));
        return;
      case 'click':
        void deps
          .onClick(message)
          .catch((error: unknown) => logger.warn({ err: error }, 'acceptor: click failed'))
          .finally(() => Atomics.add(runCredits, 1, 1));
        return;
      case 'answered':
        deps.observe?.(message.kind, message.outcome, message.seconds);
        return;
      case 'log':
        logger[message.level](message.fields, message.message);
        return;
      default:
        return;
    }
  }

  function spawn(): Worker {
    const worker = new Worker(script, {
      workerData: settings,
      resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB, maxYoungGenerationSizeMb: YOUNG_LIMIT_MB },
    });
    worker.on('message', onMessage);
    return worker;
  }

  /** Tells `worker` to listen; resolves with the bound port. */
  function listenWith(worker: Worker, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      let listening = false;
      worker.on('message', (value: unknown) => {
        const message = value as { type?: unknown; port?: unknown } | null;
        if (listening || message?.type !== 'listening' || typeof message.port !== 'number') return;
        listening = true;
        resolve(message.port);
      });
      worker.on('error', (error) => {
        if (!listening) {
          reject(new StartupError('port_unavailable', `cannot listen on PORT ${port}: ${error.message}`));
          return;
        }
        logger.error({ err: error }, 'acceptor thread failed');
      });
      worker.on('exit', (code) => {
        if (!listening || closing) return;
        logger.error({ code }, 'acceptor thread stopped; starting it again');
        setTimeout(() => {
          if (closing) return;
          current = spawn();
          listenWith(current, boundPort).catch((error: unknown) =>
            logger.fatal({ err: error }, 'acceptor thread could not be started again'),
          );
        }, RESTART_AFTER_MS).unref();
      });
      worker.postMessage({ type: 'listen', port, upstreamPort: upstream } satisfies MainMessage);
    });
  }

  let current = spawn();
  return {
    async listen(port, upstreamPort) {
      upstream = upstreamPort;
      boundPort = await listenWith(current, port);
      return {
        get port() {
          return boundPort;
        },
        stopping() {
          current.postMessage({ type: 'stopping' } satisfies MainMessage);
        },
        async close() {
          if (closing) return;
          closing = true;
          const worker = current;
          await new Promise<void>((resolve) => {
            worker.on('message', (value: unknown) => {
              if ((value as { type?: unknown } | null)?.type === 'closed') resolve();
            });
            worker.once('exit', () => resolve());
            worker.postMessage({ type: 'close' } satisfies MainMessage);
          });
          await worker.terminate();
        },
      };
    },
    async abandon() {
      closing = true;
      await current.terminate();
    },
  };
}

/** How much lower the main thread runs than the acceptor (nice values; 5 ≈ a third of its CPU share when both want it). */
const WORK_NICENESS = 5;

/**
 * Lowers the main thread's scheduling priority, so that when the machine is busy the acceptor
 * thread (started before, at the normal priority) gets the CPU first: an acknowledgement is a few
 * dozen microseconds of work that Slack waits for, a job can wait (bench/findings.md, round 11).
 * On Linux the nice value is per thread, and `setPriority(process.pid)` names the main thread only;
 * threads started later inherit it. Best effort: where the system refuses, nothing changes.
 */
export function lowerWorkPriority(logger: Logger): void {
  try {
    const current = getPriority(process.pid);
    setPriority(process.pid, Math.min(19, current + WORK_NICENESS));
  } catch (error) {
    logger.info({ reason: (error as Error).message }, 'main thread priority left as it is');
  }
}
