import { z } from 'zod';

/*
 * What the main thread and the acceptor thread (`acceptor-thread.ts`) say to each other. Both ends
 * parse what they receive with these schemas: a message is a boundary like any other.
 */

/** What the acceptor is started with (`workerData`). */
export const acceptorSettingsSchema = z.object({
  signingSecret: z.string().min(1),
  database: z.discriminatedUnion('provider', [
    z.object({ provider: z.literal('sqlite'), filePath: z.string().min(1) }),
    z.object({
      provider: z.literal('postgresql'),
      connectionString: z.string().min(1),
      schema: z.string().min(1),
    }),
  ]),
  bodyLimitBytes: z.number().int().positive(),
  /** The main thread's work queue: a delivery written for it to run at once is held in its name. */
  holder: z.string().min(1),
  leaseMs: z.number().int().positive(),
  /**
   * Two Int32s. [0]: how many more deliveries the main thread will run at once. The acceptor takes one
   * (and writes the job already claimed, then says `run`); the main thread gives it back when the job
   * ends. With none left, the job is written waiting, for the queue's workers (`written`).
   * [1]: how many more clicks that open a form it takes (`click`); given back once each has run.
   */
  runCredits: z.instanceof(SharedArrayBuffer),
});
export type AcceptorSettings = z.infer<typeof acceptorSettingsSchema>;

const retrySchema = {
  retryNum: z.number().int().optional(),
  retryReason: z.string().optional(),
};

/** Acceptor → main. */
export const acceptorMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('listening'), port: z.number().int() }),
  /** Deliveries were written as waiting jobs: the main thread's work queue looks for them now. */
  z.object({ type: z.literal('written') }),
  /** A delivery written claimed by the main thread (a run credit taken): run it now. */
  z.object({
    type: z.literal('run'),
    id: z.string(),
    key: z.string(),
    kind: z.string(),
    payload: z.unknown(),
  }),
  /**
   * A click acknowledged without a job (it only opens a modal or a link, `deliveryJob`): the main
   * thread runs it through Bolt at once, while its trigger is fresh.
   */
  z.object({
    type: z.literal('click'),
    body: z.record(z.string(), z.unknown()),
    requestId: z.string(),
    arrivedAt: z.number(),
    ...retrySchema,
  }),
  /** A request answered here, for the metrics (`slackRequest`). */
  z.object({
    type: z.literal('answered'),
    kind: z.string(),
    outcome: z.enum(['acknowledged', 'repeat', 'not_recorded', 'too_large']),
    seconds: z.number(),
  }),
  z.object({
    type: z.literal('log'),
    level: z.enum(['info', 'warn', 'error']),
    fields: z.record(z.string(), z.unknown()),
    message: z.string(),
  }),
  z.object({ type: z.literal('closed') }),
]);
export type AcceptorMessage = z.infer<typeof acceptorMessageSchema>;

/** Main → acceptor. */
export const mainMessageSchema = z.discriminatedUnion('type', [
  /**
   * Start listening on `port` (0: any free one; the bound port comes back in `listening`), forwarding
   * what the acceptor does not answer to the main thread's own server on 127.0.0.1:`upstreamPort`.
   * Sent once the main thread is ready: the thread starts earlier, while the database migrates.
   */
  z.object({
    type: z.literal('listen'),
    port: z.number().int().min(0).max(65_535),
    upstreamPort: z.number().int().min(1).max(65_535),
  }),
  /** Shutdown started: Slack requests are refused 503 (Slack retries them elsewhere or later). */
  z.object({ type: z.literal('stopping') }),
  /** Stop listening, finish the requests being answered, close the database, then say `closed`. */
  z.object({ type: z.literal('close') }),
]);
export type MainMessage = z.infer<typeof mainMessageSchema>;
