import type { RequestListener } from 'node:http';
import { App } from '@slack/bolt';
import type { ExtendedErrorHandlerArgs } from '@slack/bolt/dist/App.js';
import type { WebClient } from '@slack/web-api';
import type { Config } from '../config.js';
import type { WorkspaceTokens } from '../installations/workspace-tokens.js';
import { type Logger, toBoltLogger } from '../logger.js';
import type { Metrics } from '../metrics/metrics.js';
import type { InflightWork } from '../runtime/inflight-work.js';
import type { TurnQueue } from '../runtime/turn-queue.js';
import { withWorkspace } from '../runtime/workspace-context.js';
import type { WorkQueue } from '../work/work-queue.js';
import type { SlackFeature } from './slack-feature.js';
import { SLACK_DELIVERY_JOB } from './transport/delivery-job.js';
import { DeliveryAlreadyDone, deliveryAttemptOf, runDeliveryJob } from './transport/durable-deliveries.js';
import { createHttpReceiver, type HttpReceiver } from './transport/http-receiver.js';
import { createListenerRouter } from './transport/listener-router.js';
import { createSocketReceiver } from './transport/socket-receiver.js';
import { createWebApiFetch } from './transport/web-api-fetch.js';
import { WorkspaceClient } from './workspace-client.js';

export interface SlackAppDeps {
  config: Config;
  logger: Logger;
  inflight: InflightWork;
  turns: TurnQueue;
  /** The bot's ids from Vouch's own token check (`verify-bot-token.ts`); null when Slack was unreachable. */
  identity: BotIdentity | null;
  /** HTTP mode writes deliveries here before acknowledging them and runs them as jobs. */
  work?: Pick<WorkQueue, 'accept' | 'handle'>;
  /** Requests at the door and Web API calls are counted here (GET /metrics). */
  metrics?: Pick<Metrics, 'slackRequest' | 'slackApiCall'>;
  /** Several workspaces ("Add to Slack"): each request's and job's token by its workspace. */
  tokens?: WorkspaceTokens;
}

/** Who the bot is, as `auth.test` says. */
export interface BotIdentity {
  botId: string;
  botUserId: string;
}

/** The Web API client options every client of Vouch's uses (the app's, and the start-up check's). */
export function webClientOptions(config: Config, observe?: Metrics['slackApiCall']) {
  return {
    slackApiUrl: config.slack.apiUrl,
    // Rate limits wait for Retry-After; other failures retry briefly: a user is waiting.
    retryConfig: { retries: 3, factor: 2, minTimeout: 250, maxTimeout: 2000, randomize: true },
    // Each call's time limit lives in the fetch (the client's own would add a timer per call).
    fetch: createWebApiFetch({ timeoutMs: 10_000, ...(observe !== undefined ? { observe } : {}) }),
  };
}

export interface SlackApp {
  app: App;
  /**
   * The Web API client for work built once in main.ts (publishers, notifiers, job handlers): the
   * app's own with SLACK_BOT_TOKEN, or with several workspaces a `WorkspaceClient`, whose calls use
   * the token of the workspace at hand.
   */
  client: WebClient;
  /** The bot scopes of the registered features (what "Add to Slack" asks for). */
  scopes(): string[];
  /** HTTP mode: the listener for POST /slack/events. Socket Mode: undefined. */
  httpListener: RequestListener | undefined;
  /** HTTP mode: runs a click the acceptor thread acknowledged (`HttpReceiver.runAcknowledged`). */
  runAcknowledged: HttpReceiver['runAcknowledged'] | undefined;
  /** Socket Mode: opens the WebSocket. HTTP mode: nothing to do. */
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  /** Registers features' listeners, after the app's own middleware. */
  register(features: readonly SlackFeature[]): void;
}

/**
 * Bolt, wired the Vouch way: Socket Mode when an app token is configured, HTTP otherwise; Web API
 * calls to the configured base URL; logs through pino; one error path; every listener's work tracked
 * so shutdown can finish it.
 */
export function createSlackApp(deps: SlackAppDeps): SlackApp {
  const { config, logger, inflight, turns, identity, work, metrics, tokens } = deps;
  const observe = metrics !== undefined ? { observe: metrics.slackRequest } : {};
  const boltLogger = toBoltLogger(logger);
  const mode = config.slack.mode;
  const receiver =
    mode.kind === 'socket'
      ? // Written as a job before the envelope is acknowledged (transport/socket-receiver.ts).
        createSocketReceiver({
          appToken: mode.appToken,
          // apps.connections.open must go to the same Web API as everything else (GovSlack, tests).
          slackApiUrl: config.slack.apiUrl,
          logger,
          clientLogger: boltLogger,
          inflight,
          ...(work !== undefined ? { intake: work } : {}),
          ...observe,
        })
      : // Acknowledge first, work after: Slack gives 3 s and job boards can be slow.
        createHttpReceiver({
          signingSecret: mode.signingSecret,
          logger,
          turns,
          inflight,
          ...(work !== undefined ? { intake: work } : {}),
          ...observe,
        });

  const app = new App({
    ...(tokens !== undefined
      ? // Several workspaces: every request's token from its installation (src/installations/).
        { authorize: tokens.authorize }
      : {
          token: config.slack.botToken,
          // Bolt's own check runs auth.test in this constructor and, on a rejected token, leaves an
          // unhandled rejection that kills the process with a stack trace: Vouch checks the token
          // itself first (a readable message) and hands Bolt the answer.
          tokenVerificationEnabled: false,
          ...(identity !== null ? identity : {}),
        }),
    receiver,
    logger: boltLogger,
    extendedErrorHandler: true,
    // No conversation store: nothing reads it, and its lookup fails (with a stack trace) per request.
    convoStore: false,
    clientOptions: webClientOptions(config, metrics?.slackApiCall),
  });

  app.error(async ({ error, context, body }: ExtendedErrorHandlerArgs) => {
    if ((error.original ?? error) instanceof DeliveryAlreadyDone) {
      logger.info({ teamId: context?.teamId }, 'a twin run had already handled this delivery');
      return;
    }
    if (tokens !== undefined && error.code === 'slack_bolt_authorization_error') {
      // Several workspaces: a request from a workspace with no installation (uninstalled, or an event
      // still on its way): nothing to do there, and nothing to retry.
      logger.warn(
        { teamId: context?.teamId, reason: error.message },
        'request from a workspace where Vouch is not installed',
      );
      return;
    }
    const request = body as { type?: string; event?: { type?: string }; command?: string } | undefined;
    logger.error(
      {
        err: error.original ?? error,
        code: error.code,
        teamId: context?.teamId,
        requestType: request?.type ?? (request?.command !== undefined ? 'command' : undefined),
        eventType: request?.event?.type,
        command: request?.command,
        deliveryAttempt: deliveryAttemptOf(context) ?? undefined,
      },
      'unhandled error in a Slack listener',
    );
    // A delivery from the work queue fails its job, which is retried with backoff.
    if (deliveryAttemptOf(context) !== null) throw error.original ?? error;
  });
  if (work !== undefined) work.handle(SLACK_DELIVERY_JOB, runDeliveryJob(app, turns));
  // Everything a request leads to (listeners, the jobs they write) is its workspace's work.
  app.use(async ({ context, next }) =>
    withWorkspace(
      {
        teamId: context.teamId,
        enterpriseId: context.enterpriseId,
        isEnterpriseInstall: context.isEnterpriseInstall === true,
        ...(tokens !== undefined && context.botToken !== undefined ? { botToken: context.botToken } : {}),
      },
      next,
    ),
  );
  const client =
    tokens !== undefined
      ? new WorkspaceClient(tokens, {
          ...webClientOptions(config, metrics?.slackApiCall),
          logger: boltLogger,
        })
      : app.client;
  const scopes = new Set<string>();

  return {
    app,
    client,
    scopes: () => [...scopes].sort(),
    httpListener: 'requestListener' in receiver ? receiver.requestListener : undefined,
    runAcknowledged: 'runAcknowledged' in receiver ? receiver.runAcknowledged : undefined,
    async connect() {
      if (!('requestListener' in receiver)) await receiver.start();
    },
    async disconnect() {
      if (!('requestListener' in receiver)) await receiver.stop();
    },
    register(features) {
      const listeners = createListenerRouter(app);
      for (const feature of features) {
        feature.register(listeners);
        for (const scope of feature.scopes) scopes.add(scope);
      }
    },
  };
}
