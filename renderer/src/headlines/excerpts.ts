// The one-line previews of the "Preview" density, fetched for the rows on screen only: the list of
// 100,000 headlines carries no excerpts (a quarter of the snapshot stays off IPC), so the rows ask
// for theirs, a batch per frame, and keep them while the window is open.

import type { BroadsheetApi } from '../../../shared/contract';

const BATCH = 200;

export class ExcerptCache {
  private readonly known = new Map<string, string>();
  private readonly wanted = new Set<string>();
  private readonly asked = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private scheduled = false;
  private version = 0;

  constructor(private readonly api: Pick<BroadsheetApi, 'getExcerpts'>) {}

  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The preview, or undefined while it is on its way (asked for by this call). */
  get(id: string): string | undefined {
    const text = this.known.get(id);
    if (text === undefined && !this.asked.has(id)) {
      this.wanted.add(id);
      this.schedule();
    }
    return text;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      const ids = [...this.wanted].slice(0, BATCH);
      for (const id of ids) {
        this.wanted.delete(id);
        this.asked.add(id);
      }
      if (this.wanted.size > 0) this.schedule();
      this.api.getExcerpts(ids).then(
        (texts) => {
          for (const [i, id] of ids.entries()) this.known.set(id, texts[i] ?? '');
          this.version++;
          for (const listener of [...this.listeners]) listener();
        },
        () => {
          // Asked again the next time the row is drawn.
          for (const id of ids) this.asked.delete(id);
        },
      );
    });
  }
}
