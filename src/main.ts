import { randomUUID } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { WebClient } from '@slack/web-api';
import { createChannelSettings } from './channels/channel-settings.js';
import { type Config, formatConfigProblems, loadConfig, readEnvironment } from './config.js';
import { createDatabase } from './db/client.js';
import { parseDatabaseUrl } from './db/database-url.js';
import { createEventLedger } from './deliveries/event-ledger.js';
import { createDigestStore } from './digests/digest-store.js';
import { StartupError, VouchError } from './errors.js';
import { createFollowStore } from './follows/follow-store.js';
import { createInstallPages } from './installations/install-pages.js';
import { createInstallationStore } from './installations/installation-store.js';
import { createTokenCipher } from './installations/token-cipher.js';
import { createWorkspaceRemoval } from './installations/workspace-removal.js';
import { createWorkspaceTokens } from './installations/workspace-tokens.js';
import { createDigestsJob } from './jobs/digests-job.js';
import { createJobScheduler, type JobScheduler } from './jobs/job-scheduler.js';
import { createLivenessJob } from './jobs/liveness-job.js';
import { createNoteRetentionJob } from './jobs/note-retention-job.js';
import { createRemindersJob } from './jobs/reminders-job.js';
import { createWorkspaceErasureJob } from './jobs/workspace-erasure-job.js';
import { createLogger, type Logger, toBoltLogger } from './logger.js';
import { measuredFetch, measuredLoader } from './metrics/measured-postings.js';
import { createMetrics } from './metrics/metrics.js';
import { createPostingLoader } from './postings/load-posting.js';
import { createPostingRows } from './postings/posting-rows.js';
import { createPostingStore } from './postings/posting-store.js';
import { createSafeFetch } from './postings/safe-fetch.js';
import { createMemberData } from './privacy/member-data.js';
import { createProfileStore } from './profiles/profile-store.js';
import { composeReferralService, createReferralParts } from './referrals/referral-service.js';
import { launchAcceptor, lowerWorkPriority, type StartingAcceptor } from './runtime/acceptor.js';
import { createAckGauge } from './runtime/ack-gauge.js';
import { createHeapPressure } from './runtime/heap-pressure.js';
import { closeServer, createHttpServer, listen } from './runtime/http-server.js';
import { createInflightWork } from './runtime/inflight-work.js';
import { createTurnQueue } from './runtime/turn-queue.js';
import { useBaselineWasmCompiler } from './runtime/wasm-compiler.js';
import { createShareStore } from './shares/share-store.js';
import { createSlackApp, webClientOptions } from './slack/create-slack-app.js';
import { registerCardRemovalHandler } from './slack/effects/card-removal.js';
import { registerDigestHandlers } from './slack/effects/digest-handlers.js';
import { registerEffectHandlers } from './slack/effects/effect-handlers.js';
import { registerFollowHandlers } from './slack/effects/follow-handlers.js';
import { registerNoticeHandlers } from './slack/effects/notice-jobs.js';
import { registerResumeFileHandler } from './slack/effects/resume-file-jobs.js';
import { createPostingDomainWatch } from './slack/effects/verification-jobs.js';
import { buildFeatures } from './slack/features/index.js';
import { createCardSharer } from './slack/features/share/card-sharer.js';
import { createCardPublisher } from './slack/support/card-publisher.js';
import { createChannelMembers } from './slack/support/channel-members.js';
import { createFileForwarder } from './slack/support/file-forwarder.js';
import { createFileSender } from './slack/support/file-sender.js';
import { createHomePublisher } from './slack/support/home-publisher.js';
import { createMemberProfiles } from './slack/support/member-profiles.js';
import { createNotifier } from './slack/support/notifier.js';
import { createBotTokenCheck } from './slack/verify-bot-token.js';
import { createWorkQueue, type WorkQueue } from './work/work-queue.js';

/** How long a graceful stop waits for in-flight work before closing the database anyway. */
const DRAIN_TIMEOUT_MS = 7_000;

/**
 * Admission control: at most this much post-acknowledgement work in flight. Beyond it, new Slack
 * requests wait (up to ADMISSION_WAIT_MS, well inside Slack's 3 s) for earlier work to finish, so a
 * burst queues at the door instead of piling up in memory and timing out on the database.
 */
const MAX_INFLIGHT_WORK = 256;
const ADMISSION_WAIT_MS = 1_500;

/**
 * A click the acceptor thread acknowledged opens its form only while its trigger_id is fresh (Slack
 * gives 3 s from the click); one that waited longer is dropped with a warning instead of failing.
 */
const CLICK_FRESH_MS = 2_500;

/** Sent with every fetch of a job page: who we are, honestly. */
export const USER_AGENT =
  'VouchBot/0.1 (self-hosted Slack job-referral bot; +https://www.npmjs.com/package/vouch)';

export interface RunningVouch {
  /** The bound HTTP port (health in both modes, Slack requests in HTTP mode). */
  port: number;
  /** Stops taking work, finishes what is in flight, closes the database. Safe to call twice. */
  stop(): Promise<void>;
  /** The periodic jobs, to run a round by hand (tests, operators). */
  jobs: {
    reminders: { runOnce(): Promise<number> };
    liveness: {
      runOnce(options?: { withinMs?: number }): Promise<{
        checked: number;
        closed: number;
        leftOver: number;
        maxInFlightByHost: Record<string, number>;
      }>;
    };
    noteRetention: { runOnce(): Promise<number> };
    /** Channel digests due at `at` (now unless given) started; the periodic job itself for `scheduler.tick`. */
    digests: ReturnType<typeof createDigestsJob>;
    scheduler: JobScheduler;
    /** Several workspaces: erases workspaces whose uninstall grace period is over (else undefined). */
    workspaceErasure?: { runOnce(): Promise<number> };
  };
  /** The durable work queue (src/work/). */
  work: WorkQueue;
  /** True when the acceptor thread owns the port (HTTP mode, `VOUCH_ACK_THREAD`). */
  acceptorThread: boolean;
}

/**
 * The composition root: configuration → database → services → Slack app → HTTP server.
 * Everything is built here once and passed down.
 */
export async function startVouch(config: Config, logger: Logger): Promise<RunningVouch> {
  // Statements and deferred Slack work take turns with incoming requests (src/runtime/turn-queue.ts).
  const turns = createTurnQueue();
  const db = await createDatabase({
    url: config.databaseUrl,
    logger,
    waitForTurn: turns.next,
  });
  const holder = `${process.pid}-${randomUUID().slice(0, 8)}`;
  let starting: StartingAcceptor | null = null;
  try {
    // HTTP mode: the acceptor thread loads while the database migrates; it listens once all is ready.
    const mode = config.slack.mode;
    starting =
      config.ackThread && mode.kind === 'http'
        ? launchAcceptor({
            signingSecret: mode.signingSecret,
            database: parseDatabaseUrl(config.databaseUrl),
            logger,
            holder,
            leaseMs: config.workLeaseMs,
            onWritten: () => work.wake(),
            onRun: (job) => work.adopt(job),
            onClick: async (click) => {
              const waited = Date.now() - click.arrivedAt;
              const runAcknowledged = slack.runAcknowledged;
              if (waited > CLICK_FRESH_MS || runAcknowledged === undefined) {
                // Its trigger_id has expired: the form it would open cannot open any more.
                logger.warn(
                  { requestId: click.requestId, waitedMs: waited },
                  'click dropped: too late to open its form',
                );
                return;
              }
              // Ahead of the jobs: its statements take their turns first (a member waits for the form).
              const run = turns.urgently(() => runAcknowledged(click.body, click, click.requestId));
              acks.holdUntil(run);
              await run;
            },
            observe: (kind, outcome, seconds) => metrics.slackRequest(kind, outcome, seconds),
          })
        : null;
    const { applied } = await db.migrate();
    if (applied.length > 0) logger.info({ applied }, 'database migrations applied');

    const prisma = db.prisma;
    const postingRows = createPostingRows(prisma);
    const parts = createReferralParts({ db: prisma, postingRows, referrerPolicy: config.referrers });
    // Consumers of one part get that part; those using several take the composition.
    const referrals = composeReferralService(parts);
    const acks = createAckGauge();
    // Its gauges are read at each scrape, once everything below exists.
    const metrics = createMetrics({
      workStats: () => work.stats(),
      referralsByStatus: () => parts.readModels.countsByStatus(),
      acksWaiting: () => acks.waiting,
    });
    const safeFetch = measuredFetch(
      createSafeFetch({
        allowPrivateHosts: config.fetchAllowPrivateHosts,
        userAgent: USER_AGENT,
        logger: logger.child({ component: 'fetch' }),
      }),
      metrics,
    );
    const loader = measuredLoader(
      createPostingLoader({ fetch: safeFetch, logger: logger.child({ component: 'postings' }) }),
      metrics,
    );
    const watchPostingDomains = createPostingDomainWatch({
      verification: parts.verification,
      work: { wake: () => work.wake() },
      policy: config.referrers,
      logger: logger.child({ component: 'verification' }),
    });
    const postings = createPostingStore({
      db: prisma,
      loader,
      directory: {
        ensureWorkspace: parts.members.ensureWorkspace,
        ensureCompany: parts.directory.ensureCompany,
      },
      // Every posting write also tells verified referrers: a posting on a company's own site may
      // add its domain (the work queue is built below and only woken once Slack traffic arrives).
      rows: {
        changed: (posting) => {
          postingRows.changed(posting);
          watchPostingDomains(posting);
        },
      },
      logger,
    });
    const ledger = createEventLedger(prisma);
    const shares = createShareStore(prisma);
    const follows = createFollowStore({ db: prisma });
    const digests = createDigestStore({ db: prisma, schedule: config.digestSchedule });
    const profiles = createProfileStore({ db: prisma });
    const memberData = createMemberData({
      db: prisma,
      provider: db.provider,
      logger: logger.child({ component: 'privacy' }),
      caches: parts.members,
    });

    const inflight = createInflightWork();
    // Several workspaces ("Add to Slack"): tokens per installation, encrypted in the database.
    const oauth = config.slack.oauth;
    const installations =
      oauth !== undefined
        ? createInstallationStore({ db: prisma, cipher: createTokenCipher(oauth.encryptionKey) })
        : undefined;
    const tokens =
      installations !== undefined
        ? createWorkspaceTokens({
            installer: { authorize: (source) => installer().authorize(source) },
            store: installations,
            logger: logger.child({ component: 'install' }),
          })
        : undefined;
    const tokenCheck =
      oauth === undefined
        ? createBotTokenCheck(
            new WebClient(config.slack.botToken, {
              ...webClientOptions(config, metrics.slackApiCall),
              logger: toBoltLogger(logger),
            }),
            logger,
          )
        : // No one token to check: each installation's is checked by Slack as it is installed.
          { start: async () => null, problem: () => null, stop: () => undefined };
    const identity = await tokenCheck.start();
    const work = createWorkQueue({
      db: prisma,
      provider: db.provider,
      logger: logger.child({ component: 'work' }),
      acksWaiting: () => acks.waiting,
      memoryTight: createHeapPressure({
        onChange: (tight, heap) =>
          logger[tight ? 'warn' : 'info'](
            {
              heapUsedMb: Math.round(heap.used_heap_size / 2 ** 20),
              heapLimitMb: Math.round(heap.heap_size_limit / 2 ** 20),
            },
            tight
              ? 'heap over half its limit: running fewer jobs at once until it eases (the rest wait in the job table)'
              : 'heap eased: running jobs at full concurrency again',
          ),
      }),
      observe: metrics.job,
      leaseMs: config.workLeaseMs,
      holder,
      urgently: turns.urgently,
    });
    const slack = createSlackApp({
      config,
      logger,
      inflight,
      turns,
      identity,
      work,
      metrics,
      ...(tokens !== undefined ? { tokens } : {}),
    });
    const client = slack.client;
    const installPages =
      oauth !== undefined && installations !== undefined
        ? createInstallPages({
            oauth,
            store: installations,
            slackApiUrl: config.slack.apiUrl,
            scopes: () => slack.scopes(),
            logger,
          })
        : undefined;
    function installer() {
      if (installPages === undefined) throw new Error('no installer without the "Add to Slack" settings');
      return installPages.installer;
    }
    const workspaceRemoval =
      oauth !== undefined && installations !== undefined && tokens !== undefined
        ? createWorkspaceRemoval({
            db: prisma,
            store: installations,
            tokens,
            memberData,
            logger: logger.child({ component: 'install' }),
            graceMs: oauth.uninstallGraceMs,
          })
        : undefined;
    const notifier = createNotifier(client, logger);
    const cards = createCardPublisher(client, { shares, referrals, logger });
    const home = createHomePublisher(client, { referrals, follows, profiles, logger });
    const shareCard = createCardSharer(client, {
      shares,
      referrals: parts.members,
      postings,
      cards,
      logger,
    });
    registerEffectHandlers(work, { client, home, cards, logger: logger.child({ component: 'effects' }) });
    registerCardRemovalHandler(work, { client, logger });
    registerNoticeHandlers(work, { referrals, notifier, home, cards, logger });
    const channelMembers = createChannelMembers(client, { logger });
    registerFollowHandlers(work, {
      follows,
      channelMembers,
      cards,
      work,
      logger: logger.child({ component: 'follows' }),
    });
    registerDigestHandlers(work, {
      client,
      digests,
      cards,
      logger: logger.child({ component: 'digests' }),
    });
    registerResumeFileHandler(work, {
      forwarder: createFileForwarder(client, logger.child({ component: 'files' })),
    });
    slack.register(
      buildFeatures({
        config,
        logger,
        referrals,
        postings,
        ledger,
        notifier,
        cards,
        home,
        shares,
        shareCard,
        memberData,
        follows,
        files: createFileSender(client, logger),
        profiles,
        work,
        digests,
        channelMembers,
        memberProfiles: createMemberProfiles(),
        channelSettings: createChannelSettings(prisma),
        ...(workspaceRemoval !== undefined ? { workspaceRemoval } : {}),
      }),
    );

    const scheduler = createJobScheduler({ db: prisma, logger });
    const reminders = createRemindersJob({
      db: prisma,
      referrals: parts.readModels,
      work,
      logger,
      reminderDays: config.reminderDays,
    });
    const liveness = createLivenessJob({
      postings,
      referrals,
      cards,
      logger,
      livenessHours: config.livenessHours,
      pacing: { perHost: config.livenessPerHost },
    });
    const noteRetention = createNoteRetentionJob({
      memberData,
      logger,
      retentionDays: config.noteRetentionDays,
    });
    const digestsJob = createDigestsJob({ digests, work, logger });
    const workspaceErasure =
      workspaceRemoval !== undefined
        ? createWorkspaceErasureJob({ removal: workspaceRemoval, logger })
        : undefined;
    const pruneLedger = {
      name: 'event-ledger-prune',
      everyMs: 6 * 60 * 60 * 1000,
      run: async () => {
        await ledger.prune(24 * 60 * 60 * 1000);
        // A finished job's key catches repeats for a day (Slack stops re-delivering within an hour).
        await work.prune(24 * 60 * 60 * 1000);
      },
    };

    let serving = true;
    const server = createHttpServer({
      logger,
      slackListener: slack.httpListener,
      notReadyBecause: async () =>
        tokenCheck.problem() ?? ((await db.ping()) ? null : 'database unavailable'),
      isServing: () => serving,
      admit: () => inflight.below(MAX_INFLIGHT_WORK, ADMISSION_WAIT_MS),
      acks,
      workStats: () => work.stats(),
      metrics,
      metricsToken: config.metricsToken,
      ...(installPages !== undefined ? { pages: installPages.routes } : {}),
    });
    // With the acceptor thread (HTTP mode) this server is its upstream on 127.0.0.1, and the thread owns PORT.
    const serverPort = await listen(
      server,
      starting !== null ? 0 : config.port,
      starting !== null ? '127.0.0.1' : undefined,
    ).catch((error: unknown) => {
      throw new StartupError(
        'port_unavailable',
        `cannot listen on PORT ${config.port}: ${(error as Error).message}`,
      );
    });
    const acceptor =
      starting === null
        ? null
        : await starting.listen(config.port, serverPort).catch(async (error: unknown) => {
            await closeServer(server);
            throw error;
          });
    const port = acceptor?.port ?? serverPort;
    await slack.connect();
    // Jobs left by a process that died are claimed again once their lease runs out.
    work.start();
    const periodic = [
      reminders,
      liveness,
      noteRetention,
      pruneLedger,
      digestsJob,
      ...(workspaceErasure !== undefined ? [workspaceErasure] : []),
    ];
    const everyMs = config.periodicJobsEveryMs;
    if (everyMs === undefined) scheduler.start(periodic);
    else
      scheduler.start(
        periodic.map((job) => ({ ...job, everyMs })),
        { firstRunAfterMs: everyMs },
      );
    // Postings stored before browsing existed get their search keys, a batch at a time, in the background.
    const browseIndexing = (async () => {
      let indexed = 0;
      for (let batch = -1; batch !== 0 && serving; indexed += batch)
        batch = await postings.indexForBrowsing();
      if (indexed > 0) logger.info({ indexed }, 'postings indexed for browsing');
    })().catch((error: unknown) => logger.warn({ err: error }, 'postings not indexed for browsing yet'));
    logger.info({ port, mode: config.slack.mode.kind, database: db.provider }, 'Vouch is running');

    let stopping: Promise<void> | undefined;
    return {
      port,
      jobs: {
        reminders,
        liveness,
        noteRetention,
        digests: digestsJob,
        scheduler,
        ...(workspaceErasure !== undefined ? { workspaceErasure } : {}),
      },
      work,
      acceptorThread: acceptor !== null,
      stop() {
        stopping ??= (async () => {
          serving = false;
          acceptor?.stopping();
          liveness.stop();
          logger.info({ inflight: inflight.size }, 'stopping: no new work, finishing what is in flight');
          await Promise.all([
            browseIndexing,
            closeServer(server),
            acceptor?.close(),
            slack.disconnect().catch(() => undefined),
            scheduler.stop(),
          ]);
          tokenCheck.stop();
          const [drained, finished] = await Promise.all([
            inflight.drain(DRAIN_TIMEOUT_MS),
            work.stop(DRAIN_TIMEOUT_MS),
          ]);
          if (!drained) logger.warn({ inflight: inflight.size }, 'stopping with work still in flight');
          // Unfinished jobs keep their lease and are claimed again after it (here after a restart, or elsewhere).
          if (!finished) logger.warn({ jobs: work.runningHere }, 'stopping with jobs still running');
          await db.close();
          logger.info('stopped');
        })();
        return stopping;
      },
    };
  } catch (error) {
    await starting?.abandon().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw error;
  }
}

/** `npm start`: validate configuration, start, stop cleanly on SIGTERM/SIGINT. */
export async function main(): Promise<void> {
  useBaselineWasmCompiler();
  const result = loadConfig(readEnvironment());
  if (!result.ok) {
    process.stderr.write(`${formatConfigProblems(result.problems)}\n`);
    process.exitCode = 1;
    return;
  }
  const logger = createLogger(result.config.logLevel);
  let running: RunningVouch;
  try {
    running = await startVouch(result.config, logger);
  } catch (error) {
    if (error instanceof VouchError) {
      process.stderr.write(`Vouch cannot start: ${error.message}\n`);
    } else {
      logger.fatal({ err: error }, 'Vouch failed to start');
      process.stderr.write(`Vouch failed to start: ${(error as Error).message ?? String(error)}\n`);
    }
    process.exit(1);
  }
  // A whole process of its own (not in tests, which start Vouch inside the test runner).
  if (running.acceptorThread) lowerWorkPriority(logger);
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutdown requested');
    const hardStop = setTimeout(() => {
      logger.error('graceful stop took too long; exiting');
      process.exit(1);
    }, 9_500);
    hardStop.unref();
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(realpathSync(entry)).href) {
  void main();
}
