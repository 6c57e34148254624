#!/usr/bin/env node
// Thin launcher: the CLI is TypeScript compiled by `npm run build` into dist/.
import { run } from '../dist/cli/vouch.js';

process.exitCode = await run(process.argv.slice(2));
