import type { ServerResponse } from 'node:http';

/**
 * Counts the Slack requests that have arrived and are not answered yet. The work queue reads it
 * to start fewer jobs while acknowledgements are waiting (src/work/work-queue.ts, `acksWaiting`):
 * under a sustained load the backlog then waits in the jobs table instead of taking the event loop
 * from the acknowledgements (bench/findings.md, round 8).
 */
export interface AckGauge {
  /** A request arrived; it counts until its response is sent or its connection closes. */
  arrived(res: ServerResponse): void;
  /** Work a request is waiting on elsewhere (a click acknowledged by the acceptor thread): counts until it settles. */
  holdUntil(done: Promise<unknown>): void;
  readonly waiting: number;
}

export function createAckGauge(): AckGauge {
  let waiting = 0;
  return {
    arrived(res) {
      waiting += 1;
      let counted = true;
      const answered = () => {
        if (!counted) return;
        counted = false;
        waiting -= 1;
      };
      res.once('finish', answered);
      res.once('close', answered);
    },
    holdUntil(done) {
      waiting += 1;
      void done.finally(() => {
        waiting -= 1;
      });
    },
    get waiting() {
      return waiting;
    },
  };
}
