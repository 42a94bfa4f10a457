// Entry of the `broadsheet` command (bundled to out/node/cli.js): wires the real process to runCli.

import type { CliIO } from './io';
import { runCli } from './run';

const controller = new AbortController();
let interrupts = 0;
const onSignal = (signal: NodeJS.Signals) => {
  interrupts++;
  // A second Ctrl-C means now, even if a command is slow to wind down.
  if (interrupts > 1) process.exit(signal === 'SIGINT' ? 130 : 143);
  controller.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

// `broadsheet scan DIR | head`: a closed pipe is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const io: CliIO = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
};

process.exitCode = await runCli(process.argv.slice(2), io);
process.off('SIGINT', onSignal);
process.off('SIGTERM', onSignal);
