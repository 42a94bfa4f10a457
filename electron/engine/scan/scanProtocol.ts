// Messages between the scan pool and its worker threads. Everything here is structured-clone safe.

import type { ArticleSummary, Problem } from '../../../shared/types';
import type { PreparedText } from '../db/preparedText';
import type { ParseOptions } from '../parse/parseArticle';
import type { ReadAheadReport } from './readAhead';

/** An article as the scan delivers it: the summary, plus the plain text when asked for (the library database). */
export interface ScannedArticle extends ArticleSummary {
  text?: string;
  /** What the library database stores of the text, made in the worker (then `text` is not sent). */
  prepared?: PreparedText;
}

/** Fixed for a worker's life; passed as `workerData`. */
export interface ScanWorkerConfig {
  parse: ParseOptions;
  includeText: boolean;
  /** Send each article's text as the library database stores it (PreparedText) instead of the text. */
  forDatabase: boolean;
}

export interface ParseJob {
  path: string;
  root: string;
}

export interface ChunkRequest {
  id: number;
  jobs: ParseJob[];
}

export interface ChunkResult {
  type: 'result';
  id: number;
  articles: ScannedArticle[];
  problems: Problem[];
  /** Time the worker spent opening and reading the chunk's files (parsing excluded). */
  readMs: number;
}

/** Sent once the worker has loaded: a worker that dies before this cannot start at all. */
export interface WorkerReady {
  type: 'ready';
}

export type WorkerMessage = WorkerReady | ChunkResult;

/** `workerData` of the read-ahead thread, which runs the parse workers' script in another role. */
export interface ReadAheadWorkerData {
  role: 'read-ahead';
}

export interface ReadAheadRequest {
  type: 'read-ahead';
  paths: string[];
}

export interface ReadAheadDone extends ReadAheadReport {
  type: 'read';
}

export type ReadAheadMessage = WorkerReady | ReadAheadDone;
