// A CliIO that records what a command prints, for in-process CLI tests.

import type { CliIO } from './io';

export interface CapturedIO extends CliIO {
  stdout(): string;
  stderr(): string;
}

export function captureIO(cwd: string, env: Record<string, string | undefined> = {}): CapturedIO {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (text) => void out.push(text),
    err: (text) => void err.push(text),
    env: { TZ: 'UTC', COLUMNS: '100', ...env },
    cwd,
    signal: new AbortController().signal,
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}
