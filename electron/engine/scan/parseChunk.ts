// What a scan worker does with one chunk: read and parse each file synchronously (a sync loop in a
// worker beats many in-flight promises, see TOOLCHAIN.md) and keep only what the scan delivers.

import type { Problem } from '../../../shared/types';
import { prepareText } from '../db/preparedText';
import { toSummary } from '../parse/ids';
import { readArticleFileSync } from '../parse/readArticleFile';
import type { ChunkRequest, ChunkResult, ScannedArticle, ScanWorkerConfig } from './scanProtocol';

export function parseChunk(request: ChunkRequest, config: ScanWorkerConfig): ChunkResult {
  const articles: ScannedArticle[] = [];
  const problems: Problem[] = [];
  const timing = { ms: 0 };
  for (const job of request.jobs) {
    try {
      const outcome = readArticleFileSync(job.path, job.root, config.parse, timing);
      if (outcome.article) {
        const summary: ScannedArticle = toSummary(outcome.article);
        if (config.forDatabase) summary.prepared = prepareText(outcome.article);
        else if (config.includeText) summary.text = outcome.article.text;
        articles.push(summary);
      }
      for (const problem of outcome.problems) problems.push(problem);
    } catch (error) {
      // readArticleFileSync promises never to throw; if it does anyway, one file is lost, not the scan.
      problems.push(parserFailure(job.path, error));
    }
  }
  return { type: 'result', id: request.id, articles, problems, readMs: timing.ms };
}

export function parserFailure(path: string, error: unknown): Problem {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    path,
    code: 'parser-crash',
    severity: 'error',
    params: { detail: reason },
    message: `Broadsheet's parser failed on this file (${reason}), so it was skipped. Please report it with the file attached.`,
  };
}
