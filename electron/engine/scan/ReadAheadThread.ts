// The scan pool's read-ahead thread (see readAhead.ts): fed paths in the order the parse workers will
// get them, it stops itself as soon as it finds the files already in memory, and any failure of its
// own only ends it. Results never depend on it.

import type { Worker } from 'node:worker_threads';
import { startWorker } from '../common/startWorker';
import type { WorkerScript } from '../workerScript';
import { pageCacheLooksWarm, type ReadAheadReport } from './readAhead';
import type { ReadAheadMessage, ReadAheadRequest, ReadAheadWorkerData } from './scanProtocol';

export interface ReadAheadOptions {
  /** Below this many microseconds per file, a batch counts as read from memory. */
  warmMicrosPerFile?: number;
}

export type ReadAheadState = 'reading' | 'stopped: files already in memory' | 'stopped: failed' | 'closed';

/** 25 µs: a page-cache hit costs 5–10 µs per seed-sized file here, a cold read 50–100 µs (docs/benchmarks.md). */
export const WARM_MICROS_PER_FILE = 25;

export class ReadAheadThread {
  /** Files the thread has read so far. */
  filesRead = 0;
  private currentState: ReadAheadState = 'reading';
  private readonly worker: Worker;
  private readonly reports: ReadAheadReport[] = [];
  private readonly warmMicrosPerFile: number;
  private ended: Promise<unknown> | null = null;

  constructor(script: WorkerScript, options: ReadAheadOptions = {}) {
    this.warmMicrosPerFile = options.warmMicrosPerFile ?? WARM_MICROS_PER_FILE;
    const workerData: ReadAheadWorkerData = { role: 'read-ahead' };
    this.worker = startWorker(script, { workerData });
    this.worker.on('message', (message: ReadAheadMessage) => {
      // Reports still in the port after a stop are not counted: filesRead is what it read while reading.
      if (message.type !== 'read' || !this.reading) return;
      this.filesRead += message.files;
      this.reports.push({ files: message.files, ms: message.ms });
      if (this.reports.length > 8) this.reports.shift();
      if (pageCacheLooksWarm(this.reports, this.warmMicrosPerFile))
        this.stop('stopped: files already in memory');
    });
    // An optimisation only: if the thread breaks, the workers read the files themselves as before.
    this.worker.on('error', () => this.stop('stopped: failed'));
    this.worker.on('exit', () => {
      if (this.currentState === 'reading') this.currentState = 'stopped: failed';
    });
  }

  get state(): ReadAheadState {
    return this.currentState;
  }

  get reading(): boolean {
    return this.currentState === 'reading';
  }

  read(paths: string[]): void {
    if (!this.reading || paths.length === 0) return;
    const request: ReadAheadRequest = { type: 'read-ahead', paths };
    this.worker.postMessage(request);
  }

  close(): Promise<unknown> {
    return this.stop('closed');
  }

  private stop(state: Exclude<ReadAheadState, 'reading'>): Promise<unknown> {
    if (this.currentState === 'reading') this.currentState = state;
    this.ended ??= this.worker.terminate();
    return this.ended;
  }
}
