// The reading pane's pictures: every <img> is pointed at the app's image route (the engine fetches
// web pictures once into its cache, and reads local ones from inside the library), and a picture
// that cannot be shown becomes one short line saying why. Neighbouring failures share one line, so
// an article whose twenty pictures are all offline shows "20 pictures not shown", not twenty boxes.

import { type ImageFailureReason, imageRoute } from '../../../shared/imageRoutes';
import { LOCAL_SRC_ATTR } from './sanitize';
import { safeImageSrc } from './urls';

/**
 * Text of a failure line: `reason` null while the reason is being asked for, `not-loaded` when it
 * was not asked (past the lookups one article may make).
 */
export type ImageFailureText = (failure: {
  reason: ImageFailureReason | 'not-loaded' | null;
  count: number;
  alt: string;
}) => string;

/** Asks why the picture at this route failed (`…&why=1`); null when it cannot tell. */
export type ExplainImage = (route: string) => Promise<{ reason: ImageFailureReason; detail: string } | null>;

const FAILED_CLASS = 'bs-img-failed';

/**
 * Reason lookups (`…&why=1`) one article may make, and how many at once. A line's reason is the
 * most common among its pictures, so a sample says it; an article with 10,000 broken pictures
 * makes 32 lookups, not 10,000.
 */
export const MAX_EXPLAINED_PER_ARTICLE = 32;
export const EXPLAIN_PARALLELISM = 2;

/** `explain`, at most `parallelism` at a time and `budget` in all; past the budget, null at once. */
function limitExplain(explain: ExplainImage, budget: number, parallelism: number): ExplainImage {
  let left = budget;
  let running = 0;
  const waiting: (() => void)[] = [];
  const asked = new Map<string, ReturnType<ExplainImage>>();
  return (route) => {
    const known = asked.get(route);
    if (known) return known;
    if (left <= 0) return Promise.resolve(null);
    left--;
    // A slot is handed straight to the next waiter, so no more than `parallelism` ever run.
    const answer = new Promise<void>((resolve) => {
      if (running < parallelism) {
        running++;
        resolve();
      } else waiting.push(resolve);
    }).then(async () => {
      try {
        return await explain(route);
      } finally {
        const next = waiting.shift();
        if (next) next();
        else running--;
      }
    });
    asked.set(route, answer);
    return answer;
  };
}

/** Points every picture at the image route (web pictures and local ones; data: stays as it is). */
export function routeArticleImages(root: ParentNode, articleId: string): void {
  for (const img of root.querySelectorAll('img')) {
    const local = img.getAttribute(LOCAL_SRC_ATTR);
    img.removeAttribute(LOCAL_SRC_ATTR);
    const src = img.getAttribute('src');
    if (local !== null) {
      img.setAttribute('src', imageRoute({ kind: 'local', articleId, src: local }));
    } else if (src !== null && /^https?:\/\//i.test(src)) {
      img.setAttribute('src', imageRoute({ kind: 'remote', articleId, url: src }));
    }
  }
}

/** The route of a head image (front matter), or null when it is not a usable address. */
export function headImageRoute(head: string, articleId: string | undefined): string | null {
  const src = safeImageSrc(head);
  if (src === null) return null;
  if (!articleId || src.startsWith('data:')) return src;
  return imageRoute({ kind: 'remote', articleId, url: src });
}

/** One failed picture. Mutable: its reason arrives later, after the line may have been merged. */
interface Slot {
  reason: ImageFailureReason | null;
  /** No reason came: not asked (the article's lookups were used up), or the answer was unusable. */
  unasked: boolean;
  alt: string;
  detail: string | null;
}

/** The pictures a failure line stands for. */
const lines = new WeakMap<Element, Slot[]>();

/** The most common known reason of a line. */
function mainReason(slots: Slot[]): ImageFailureReason | null {
  const counts = new Map<ImageFailureReason, number>();
  for (const { reason } of slots) if (reason) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  let best: ImageFailureReason | null = null;
  for (const [reason, n] of counts) if (best === null || n > counts.get(best)!) best = reason;
  return best;
}

/** Lines this long are rendered at most every RENDER_LARGE_MS, not after each new failure. */
const LARGE_LINE = 64;
const RENDER_LARGE_MS = 100;

function render(line: Element, text: ImageFailureText): void {
  const slots = lines.get(line);
  if (!slots) return; // merged into another line meanwhile

  const reason = mainReason(slots) ?? (slots.every((s) => s.unasked) ? 'not-loaded' : null);
  line.textContent = text({ reason, count: slots.length, alt: slots.length === 1 ? slots[0]!.alt : '' });
  line.setAttribute('data-reason', reason ?? 'unknown');
  line.setAttribute('data-count', String(slots.length));
  const details = [...new Set(slots.map((s) => s.detail).filter((d): d is string => d !== null))];
  if (details.length > 0) line.setAttribute('title', details.slice(0, 5).join('\n'));
}

/** The block that holds nothing but this line (a <p> or <figure> around the picture), or the line. */
function soloBlock(line: Element, stop: Element): Element {
  let block = line;
  while (block.parentElement && block.parentElement !== stop) {
    const parent = block.parentElement;
    if (parent.firstElementChild !== block || parent.lastElementChild !== block) break;
    if ((parent.textContent ?? '').trim() !== (block.textContent ?? '').trim()) break;
    block = parent;
  }
  return block;
}

function neighbour(node: Element, direction: 'previous' | 'next'): Element | null {
  let sibling = direction === 'previous' ? node.previousSibling : node.nextSibling;
  while (sibling && sibling.nodeType === 3 && (sibling.textContent ?? '').trim() === '') {
    sibling = direction === 'previous' ? sibling.previousSibling : sibling.nextSibling;
  }
  return sibling && sibling.nodeType === 1 ? (sibling as Element) : null;
}

/** The failure line a neighbouring block stands for, if it holds nothing else. */
function lineIn(block: Element, stop: Element): Element | null {
  if (lines.has(block)) return block;
  const inner = block.querySelector(`.${FAILED_CLASS}`);
  return inner && lines.has(inner) && soloBlock(inner, stop) === block ? inner : null;
}

/** Merges the line with failure lines right before and after it; returns the line that remains. */
function mergeNeighbours(line: Element, stop: Element): Element {
  let keep = line;
  for (const direction of ['previous', 'next'] as const) {
    const block = soloBlock(keep, stop);
    const other = neighbour(block, direction);
    const otherLine = other ? lineIn(other, stop) : null;
    if (!other || !otherLine) continue;
    // The earlier line stays where it is (in reading order); the later block goes.
    const [stays, goes, goneLine] =
      direction === 'previous' ? [otherLine, block, keep] : [keep, other, otherLine];
    // The goner's slots join the line that stays, in reading order (appending: a column of
    // 10,000 failures merges in linear time).
    const staying = lines.get(stays)!;
    for (const slot of lines.get(goneLine)!) staying.push(slot);
    lines.delete(goneLine);
    goes.remove();
    keep = stays;
  }
  return keep;
}

/**
 * Listeners are attached before the pictures are connected, so no markup handler is ever needed
 * (and none would survive sanitizing). `body` is where merging stops (the article root).
 */
export function attachImageFailures(body: Element, text: ImageFailureText, explainOne: ExplainImage): void {
  const explain = limitExplain(explainOne, MAX_EXPLAINED_PER_ARTICLE, EXPLAIN_PARALLELISM);
  // A line's text counts its slots, so a long line is re-rendered in batches: a column of 10,000
  // failures costs linear time, not quadratic.
  const due = new Set<Element>();
  let scheduled = false;
  const renderSoon = (line: Element) => {
    if ((lines.get(line)?.length ?? 0) < LARGE_LINE) {
      render(line, text);
      return;
    }
    due.add(line);
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      for (const each of due) render(each, text);
      due.clear();
    }, RENDER_LARGE_MS);
  };
  const fail = (img: HTMLImageElement, reason: ImageFailureReason | null, route: string | null) => {
    if (!img.parentNode) return;
    const slot: Slot = { reason, unasked: false, alt: (img.getAttribute('alt') ?? '').trim(), detail: null };
    const line = img.ownerDocument.createElement('span');
    line.className = FAILED_CLASS;
    lines.set(line, [slot]);
    img.replaceWith(line);
    renderSoon(mergeNeighbours(line, body));
    if (reason !== null || route === null) return;
    void explain(route).then((why) => {
      if (why) {
        slot.reason = why.reason;
        slot.detail = why.detail;
      } else slot.unasked = true;
      for (const candidate of body.querySelectorAll(`.${FAILED_CLASS}`)) {
        if (lines.get(candidate)?.includes(slot)) renderSoon(candidate);
      }
    });
  };
  for (const img of body.querySelectorAll('img')) {
    const src = img.getAttribute('src');
    if (!src) {
      // The source was dropped by the sanitizer: a file:, javascript: or SVG data: address.
      fail(img, 'blocked', null);
      continue;
    }
    img.addEventListener('error', () => fail(img, src.startsWith('data:') ? 'not-image' : null, src), {
      once: true,
    });
  }
}

/** Asks the image route why it failed; used by the pane in the app and the browser alike. */
export const explainByFetch: ExplainImage = async (route) => {
  try {
    const response = await fetch(`${route}&why=1`, { credentials: 'omit', referrerPolicy: 'no-referrer' });
    const body = (await response.json()) as { reason?: unknown; detail?: unknown };
    if (typeof body.reason !== 'string' || typeof body.detail !== 'string') return null;
    return { reason: body.reason as ImageFailureReason, detail: body.detail.slice(0, 300) };
  } catch {
    return { reason: 'offline', detail: 'Broadsheet did not answer.' };
  }
};
