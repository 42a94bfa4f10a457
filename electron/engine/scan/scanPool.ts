// Worker threads that read and parse files. Paths go out in chunks and each worker is kept a few
// chunks ahead so it never waits on the main thread. A worker that dies or stalls is replaced; the
// files it held are retried one by one so only the file that breaks the parser is lost.

import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Problem } from '../../../shared/types';
import { startWorker } from '../common/startWorker';
import type { ParseOptions } from '../parse/parseArticle';
import { resolveWorkerScript, type WorkerScript } from '../workerScript';
import { parserFailure } from './parseChunk';
import { type ReadAheadOptions, ReadAheadThread, WARM_MICROS_PER_FILE } from './ReadAheadThread';
import type { ChunkRequest, ChunkResult, ParseJob, ScanWorkerConfig, WorkerMessage } from './scanProtocol';

interface ScanPoolOptions {
  /** Worker threads; default os.availableParallelism(), at most 4. */
  size?: number;
  parse?: ParseOptions;
  includeText?: boolean;
  /** Articles carry their text as the library database stores it (ScanWorkerConfig.forDatabase). */
  forDatabase?: boolean;
  /** Files per message to a worker. */
  chunkSize?: number;
  /** Chunks a worker may hold at once (the one it parses plus the ones queued behind it). */
  ahead?: number;
  /** A worker with work that sends nothing back for this long is taken as hung and replaced. */
  stallMs?: number;
  /** The worker script; tests swap in one that misbehaves on purpose. */
  script?: WorkerScript;
  /** Called after each result; return true to stop handing out work until `pump()` is called. */
  saturated?: () => boolean;
  /** Read files ahead of the workers once a big scan is queued (see readAhead.ts); default on. */
  readAhead?: boolean | ReadAheadOptions;
}

/**
 * The read-ahead thread starts only once a worker's reads were slow (a cold disk: a chunk read at more
 * than the warm threshold per file) and this many files wait for a worker: a scan of files already in
 * memory never pays for starting it, nor does a small scan.
 */
export const READ_AHEAD_AFTER_QUEUED = 512;
/** How far past the files handed to workers it reads: a few MB of page cache, a second of work. */
const READ_AHEAD_LEAD = 1024;
const READ_AHEAD_BATCH = 64;

const MAX_DEFAULT_WORKERS = 4;

export function defaultPoolSize(): number {
  return Math.max(1, Math.min(MAX_DEFAULT_WORKERS, availableParallelism()));
}

interface Chunk {
  id: number;
  jobs: ParseJob[];
}

interface Slot {
  worker: Worker;
  inFlight: Chunk[];
  /** Set once the worker has loaded: a worker that dies before that cannot start at all. */
  answered: boolean;
  stallTimer: NodeJS.Timeout | null;
  /** Set when the stall timer stopped it. */
  stalled: boolean;
  retired: boolean;
}

/** Consecutive worker deaths without a single answer after which the pool gives up. */
const MAX_STARTUP_FAILURES = 3;

export class ScanPool {
  private readonly slots: Slot[] = [];
  private readonly queue: ParseJob[] = [];
  private queueHead = 0;
  /** Jobs ever pushed before queue[0] (the queue drops its consumed prefix now and then). */
  private queueBase = 0;
  private readAheadThread: ReadAheadThread | null = null;
  /** Set when a chunk's files took longer to read than files in memory do. */
  private coldReads = false;
  /** Jobs (counted like queueBase) already sent to the read-ahead thread. */
  private readAheadUpTo = 0;
  /** Files from crashed chunks, retried one per chunk before the main queue. */
  private readonly retry: Chunk[] = [];
  private nextChunkId = 1;
  private ended = false;
  private closed = false;
  private startupFailures = 0;
  private readonly script: WorkerScript;
  private readonly config: ScanWorkerConfig;
  private readonly chunkSize: number;
  private readonly ahead: number;
  private readonly stallMs: number;
  private doneWaiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private failure: Error | null = null;

  constructor(
    private readonly options: ScanPoolOptions,
    private readonly onResult: (result: {
      articles: ChunkResult['articles'];
      problems: Problem[];
      files: number;
    }) => void,
  ) {
    this.script = options.script ?? resolveWorkerScript(import.meta.url, 'scanWorker.ts', 'scanWorker');
    this.config = {
      parse: options.parse ?? {},
      includeText: options.includeText ?? false,
      forDatabase: options.forDatabase ?? false,
    };
    this.chunkSize = options.chunkSize ?? 64;
    this.ahead = options.ahead ?? 3;
    this.stallMs = options.stallMs ?? 60_000;
    const size = Math.max(1, options.size ?? defaultPoolSize());
    for (let i = 0; i < size; i++) this.slots.push(this.startWorker());
  }

  push(job: ParseJob): void {
    if (this.closed) return;
    this.queue.push(job);
    // Wait for a full chunk unless a worker is idle: then any work is better than none.
    if (this.queued() >= this.chunkSize || this.slots.some((s) => s.inFlight.length === 0)) this.pump();
    else this.feedReadAhead();
  }

  /** No more jobs will be pushed: flush the partial chunk. */
  end(): void {
    this.ended = true;
    this.pump();
    this.settle();
  }

  private readAheadOptions(): ReadAheadOptions {
    return typeof this.options.readAhead === 'object' ? this.options.readAhead : {};
  }

  /** What the read-ahead thread did: null when it was not started (files in memory, or a small scan). */
  readAheadStatus(): { state: ReadAheadThread['state']; filesRead: number } | null {
    const thread = this.readAheadThread;
    return thread ? { state: thread.state, filesRead: thread.filesRead } : null;
  }

  /** Resolves when every pushed job has a result (after `end()`); rejects if workers cannot start. */
  whenDone(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.doneWaiters.push({ resolve, reject });
      this.settle();
    });
  }

  /** Stops every worker now; results still in flight are dropped. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const exits = this.slots.map((slot) => this.retire(slot));
    if (this.readAheadThread) exits.push(this.readAheadThread.close());
    await Promise.all(exits);
    for (const waiter of this.doneWaiters) waiter.resolve();
    this.doneWaiters = [];
  }

  /** Hands out work to every worker with room for it. */
  pump(): void {
    if (this.closed || this.failure) return;
    this.dispatch();
    this.feedReadAhead();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      while (slot.inFlight.length < this.ahead) {
        if (this.options.saturated?.()) return;
        const chunk = this.takeChunk(slot.inFlight.length === 0);
        if (!chunk) break;
        this.send(slot, chunk);
      }
    }
  }

  /** Sends the read-ahead thread the next files the workers will get, up to READ_AHEAD_LEAD ahead. */
  private feedReadAhead(): void {
    if (this.options.readAhead === false || this.closed) return;
    const taken = this.queueBase + this.queueHead;
    const pushed = this.queueBase + this.queue.length;
    if (!this.readAheadThread) {
      if (!this.coldReads || pushed - taken < READ_AHEAD_AFTER_QUEUED) return;
      this.readAheadThread = new ReadAheadThread(this.script, this.readAheadOptions());
    }
    if (!this.readAheadThread.reading) return;
    // Files already handed to a worker are its to read: start at the first one still queued.
    let from = Math.max(this.readAheadUpTo, taken);
    const limit = Math.min(pushed, taken + READ_AHEAD_LEAD);
    while (limit - from >= READ_AHEAD_BATCH || (this.ended && limit > from)) {
      const to = Math.min(limit, from + READ_AHEAD_BATCH);
      const jobs = this.queue.slice(from - this.queueBase, to - this.queueBase);
      this.readAheadThread.read(jobs.map((job) => job.path));
      from = to;
    }
    this.readAheadUpTo = from;
  }

  private queued(): number {
    return this.queue.length - this.queueHead;
  }

  private takeChunk(idle: boolean): Chunk | null {
    const retried = this.retry.shift();
    if (retried) return retried;
    const available = this.queued();
    if (available === 0) return null;
    if (available < this.chunkSize && !this.ended && !idle) return null;
    const count = Math.min(this.chunkSize, available);
    const jobs = this.queue.slice(this.queueHead, this.queueHead + count);
    this.queueHead += count;
    // Drop the consumed prefix now and then so a 100k-file queue does not keep every path alive.
    if (this.queueHead > 4096 && this.queueHead * 2 > this.queue.length) {
      this.queue.splice(0, this.queueHead);
      this.queueBase += this.queueHead;
      this.queueHead = 0;
    }
    return { id: this.nextChunkId++, jobs };
  }

  private send(slot: Slot, chunk: Chunk): void {
    slot.inFlight.push(chunk);
    const request: ChunkRequest = { id: chunk.id, jobs: chunk.jobs };
    slot.worker.postMessage(request);
    if (slot.answered && !slot.stallTimer) this.armStallTimer(slot);
  }

  private armStallTimer(slot: Slot): void {
    if (slot.stallTimer) clearTimeout(slot.stallTimer);
    slot.stallTimer = null;
    if (slot.inFlight.length === 0 || this.closed) return;
    slot.stallTimer = setTimeout(() => {
      slot.stallTimer = null;
      // Hung (an endless loop on some input): kill it; the exit handler recovers its chunks.
      slot.stalled = true;
      void slot.worker.terminate();
    }, this.stallMs);
    slot.stallTimer.unref?.();
  }

  private startWorker(): Slot {
    const worker = startWorker(this.script, { workerData: this.config });
    const slot: Slot = {
      worker,
      inFlight: [],
      answered: false,
      stallTimer: null,
      stalled: false,
      retired: false,
    };
    let lastError: Error | null = null;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') {
        // Startup time (slow under a TypeScript loader or a busy machine) does not count as a stall.
        slot.answered = true;
        this.startupFailures = 0;
        this.armStallTimer(slot);
      } else this.onMessage(slot, message);
    });
    worker.on('error', (error) => {
      lastError = error;
    });
    worker.on('exit', (code) => this.onExit(slot, code, lastError));
    return slot;
  }

  private onMessage(slot: Slot, result: ChunkResult): void {
    if (slot.retired || this.closed) return;
    const index = slot.inFlight.findIndex((c) => c.id === result.id);
    const chunk = index >= 0 ? slot.inFlight.splice(index, 1)[0] : undefined;
    const files = chunk?.jobs.length ?? 0;
    const warmMicros = this.readAheadOptions().warmMicrosPerFile ?? WARM_MICROS_PER_FILE;
    if (files > 0 && (result.readMs * 1000) / files >= warmMicros) this.coldReads = true;
    this.armStallTimer(slot);
    this.onResult({ articles: result.articles, problems: result.problems, files });
    this.pump();
    this.settle();
  }

  private onExit(slot: Slot, code: number, error: Error | null): void {
    if (slot.stallTimer) clearTimeout(slot.stallTimer);
    slot.stallTimer = null;
    if (slot.retired || this.closed) return;
    slot.retired = true;
    const reason = slot.stalled
      ? `stopped after ${Math.round(this.stallMs / 1000)} s without an answer`
      : (error?.message ?? `exit code ${code}`);
    if (!slot.answered) {
      this.startupFailures++;
      if (this.startupFailures >= MAX_STARTUP_FAILURES) {
        this.fail(
          new Error(`The scan workers could not start (${reason}). Rebuild with "npm run build:node".`),
        );
        return;
      }
    }
    const lost: Problem[] = [];
    if (slot.answered) {
      // The worker works through its chunks in order: the oldest one held the file that broke it.
      const [current, ...waiting] = slot.inFlight;
      if (current?.jobs.length === 1)
        lost.push(parserFailure(current.jobs[0]!.path, new Error(`worker ${reason}`)));
      else if (current)
        for (const job of current.jobs) this.retry.push({ id: this.nextChunkId++, jobs: [job] });
      this.retry.push(...waiting);
    } else {
      // It never started, so no file is to blame: hand its work to the replacement as it was.
      this.retry.push(...slot.inFlight);
    }
    const index = this.slots.indexOf(slot);
    this.slots[index] = this.startWorker();
    if (lost.length > 0) this.onResult({ articles: [], problems: lost, files: lost.length });
    this.pump();
    this.settle();
  }

  private retire(slot: Slot): Promise<unknown> {
    slot.retired = true;
    if (slot.stallTimer) clearTimeout(slot.stallTimer);
    slot.stallTimer = null;
    return slot.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const waiter of this.doneWaiters) waiter.reject(error);
    this.doneWaiters = [];
    void this.close();
  }

  private settle(): void {
    if (!this.ended || this.doneWaiters.length === 0) return;
    const busy = this.queued() > 0 || this.retry.length > 0 || this.slots.some((s) => s.inFlight.length > 0);
    if (busy) return;
    for (const waiter of this.doneWaiters) waiter.resolve();
    this.doneWaiters = [];
  }
}
