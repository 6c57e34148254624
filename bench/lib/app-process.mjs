// The real app as a separate process (`node dist/main.js`, exactly what `npm start` runs after the
// build), plus what the bench reads from outside: start → /healthz time, RSS from /proc, and the
// error-level lines of its JSON log.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export async function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** VmRSS and VmHWM (peak) of a process in MB, from /proc; nulls where /proc is not available. */
export function readMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: Number.NaN, hwmMb: Number.NaN };
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Spawns the app and resolves once GET /healthz answers 200 (bounded by `timeoutMs`).
 * `extraArgs` go to node before the script (e.g. --cpu-prof).
 */
export async function startApp({ repoRoot, cwd, env, extraArgs = [], timeoutMs = 30_000 }) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...extraArgs, resolve(repoRoot, 'dist/main.js')], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const errorLines = [];
  /** Warning messages (pino level 40) and how often each was logged. */
  const warnings = new Map();
  let lines = 0;
  let stderr = '';
  let partial = '';
  child.stdout.on('data', (chunk) => {
    const text = partial + chunk.toString('utf8');
    const parts = text.split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      if (line.trim() === '') continue;
      lines += 1;
      // pino levels: 40 warn, 50 error, 60 fatal. Cheap prefilter before parsing.
      if (!/"level":(4|5|6)\d/.test(line)) continue;
      try {
        const entry = JSON.parse(line);
        if (entry.level < 50) {
          const msg = String(entry.msg ?? '');
          warnings.set(msg, (warnings.get(msg) ?? 0) + 1);
          continue;
        }
        if (entry.level >= 50 && errorLines.length < 50) errorLines.push(line.slice(0, 600));
        else if (entry.level >= 50) errorLines.push('…');
      } catch {
        // not JSON: ignore
      }
    }
  });
  child.stderr.on('data', (chunk) => {
    if (stderr.length < 20_000) stderr += chunk.toString('utf8');
  });
  const exited = new Promise((done) => child.on('exit', (code, signal) => done({ code, signal })));
  let exitedEarly = null;
  void exited.then((e) => {
    exitedEarly = e;
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  let healthyAfterMs = Number.NaN;
  for (;;) {
    if (exitedEarly !== null)
      throw new Error(`app exited during start (${JSON.stringify(exitedEarly)}): ${stderr.slice(0, 2000)}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      await response.arrayBuffer();
      if (response.status === 200) {
        healthyAfterMs = performance.now() - started;
        break;
      }
    } catch {
      // not listening yet
    }
    if (performance.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`app did not answer /healthz within ${timeoutMs} ms: ${stderr.slice(0, 2000)}`);
    }
    await sleep(10);
  }

  return {
    pid: child.pid,
    baseUrl,
    /** When the process was spawned (this process's performance.now()). */
    spawnedAt: started,
    healthyAfterMs,
    memory: () => readMemory(child.pid),
    errorLines: () => [...errorLines],
    /** Warning-level log messages so far, with counts. */
    warnings: () => Object.fromEntries(warnings),
    logLines: () => lines,
    stderr: () => stderr,
    /** SIGKILL (a crash: nothing drains, nothing is released); resolves once the process is gone. */
    async kill() {
      if (exitedEarly !== null) return exitedEarly;
      child.kill('SIGKILL');
      return exited;
    },
    /** SIGTERM (graceful: drains in-flight work), SIGKILL after `graceMs`. */
    async stop(graceMs = 12_000) {
      if (exitedEarly !== null) return exitedEarly;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}

/** CPU time (user + system) a process has used so far, in ms, from /proc; NaN where unavailable. */
export function readCpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Samples the RSS of `pid` every `everyMs` until stopped; returns the peak seen. */
export function sampleMemory(pid, everyMs = 100) {
  let peak = 0;
  const timer = setInterval(() => {
    const { rssMb } = readMemory(pid);
    if (rssMb > peak) peak = rssMb;
  }, everyMs);
  return {
    /** The peak sampled so far (MB), sampling on. */
    peek: () => peak,
    stop() {
      clearInterval(timer);
      const { rssMb, hwmMb } = readMemory(pid);
      return { sampledPeakMb: Math.max(peak, Number.isFinite(rssMb) ? rssMb : 0), hwmMb };
    },
  };
}
