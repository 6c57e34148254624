// Types of ./round-robin.mjs (plain JS, so the benchmark uses the same balancer as the tests).

export interface RoundRobinOptions {
  /** Base URLs of the processes behind the balancer (`http://127.0.0.1:<port>`), taken in turn. */
  upstreams: string[];
  /** Keep-alive connections to each upstream at most (256 unless given). */
  maxSocketsPerUpstream?: number;
  /** The balancer's own keep-alive timeout towards its clients (5 s unless given). */
  keepAliveTimeoutMs?: number;
}

/** A round-robin HTTP load balancer on 127.0.0.1; send Slack's requests to `url`. */
export interface RoundRobin {
  url: string;
  /**
   * Per upstream (by index): requests it answered, connections it refused (the request then went to
   * the next); and requests no upstream answered (502).
   */
  stats(): { forwarded: number[]; refused: number[]; failed: number };
  close(): Promise<void>;
}

export function startRoundRobin(options: RoundRobinOptions): Promise<RoundRobin>;
