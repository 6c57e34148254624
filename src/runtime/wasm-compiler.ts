import { setFlagsFromString } from 'node:v8';

/**
 * Keeps WebAssembly on V8's baseline compiler (Liftoff) for the life of the process. Prisma's query
 * compiler is a WebAssembly module, compiled when the first query runs; with V8's default tier-up
 * every hot function of it is compiled a second time by the optimising compiler, which kept ~45–85 MB
 * more resident for no gain: measured over 6,000 queries the baseline code took 15 % less CPU
 * (no optimising compiles) and the process 154 MB instead of 222–240 MB (bench/findings.md,
 * round 8).
 *
 * Set at run time rather than as a `node --liftoff-only` argument so that every way of starting
 * Vouch (npm start, the Docker image, `node dist/main.js`) gets it; the flag is read only when a
 * module is compiled, so it must be set before the first database query.
 * What would let it go: Prisma's query compiler in a smaller build, or V8 tiering up less eagerly.
 */
export function useBaselineWasmCompiler(): void {
  setFlagsFromString('--liftoff-only');
}
