#!/usr/bin/env node
import { main } from './index.js';

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => new Date(),
  interactive: Boolean(process.stderr.isTTY),
});
