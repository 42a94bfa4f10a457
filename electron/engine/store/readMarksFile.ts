// The read-marks log, `<dataDir>/read-marks.jsonl`: one JSON object per line, appended and synced
// per change, so marking one article read costs one short line, not a rewrite of 100,000 marks.
//
//   {"broadsheet":"read-marks","version":1}                       first line
//   {"set":[[id, contentHash, read 0|1, progress 0..1, atMs], …]}  marks added or changed
//   {"del":[id, …], "set":[…]}                                     marks removed (then set)
//
// A line is one change, applied whole or not at all: a line cut short by a crash (no newline, or
// not JSON) is the change that was being written and is left out. The store rewrites the log
// compacted (atomically) when it has grown well past its marks. Pure, so every case is tested.

const READ_MARKS_FORMAT = 'read-marks';
const READ_MARKS_VERSION = 1;

/** What is kept per article: its identity, whether it is read, and how far into it the reader got. */
export interface ReadMark {
  id: string;
  contentHash: string;
  read: boolean;
  /** Scroll position reached in the article, 0 (top, or unknown) to 1 (the end). */
  progress: number;
  /** When it last changed, ms since epoch. */
  at: number;
}

export interface ReadMarksChange {
  del?: string[];
  set?: ReadMark[];
}

type ReadMarksParse =
  | {
      kind: 'ok';
      marks: Map<string, ReadMark>;
      /** Change lines in the file (for deciding when to compact). */
      lines: number;
      /** The last line was cut short (a crash while it was written): it was left out. */
      torn: boolean;
      /** 1-based numbers of lines in the middle that could not be read, with why. */
      dropped: { line: number; reason: string }[];
    }
  | { kind: 'damaged'; reason: string }
  | { kind: 'newer'; version: unknown };

export function headerLine(): string {
  return `${JSON.stringify({ broadsheet: READ_MARKS_FORMAT, version: READ_MARKS_VERSION })}\n`;
}

const MAX_ID_CHARS = 200;

function isText(v: unknown): v is string {
  return typeof v === 'string' && v !== '' && v.length <= MAX_ID_CHARS;
}

function toMark(v: unknown): ReadMark | null {
  if (!Array.isArray(v) || v.length !== 5) return null;
  const [id, contentHash, read, progress, at] = v as unknown[];
  if (!isText(id) || !isText(contentHash)) return null;
  if (read !== 0 && read !== 1) return null;
  if (typeof progress !== 'number' || !(progress >= 0 && progress <= 1)) return null;
  if (typeof at !== 'number' || !Number.isFinite(at)) return null;
  return { id, contentHash, read: read === 1, progress, at };
}

function fromMark(m: ReadMark): [string, string, 0 | 1, number, number] {
  return [m.id, m.contentHash, m.read ? 1 : 0, Math.round(m.progress * 1000) / 1000, m.at];
}

/** One change as a line of the log (with its newline). */
export function changeLine(change: ReadMarksChange): string {
  const out: { del?: string[]; set?: ReturnType<typeof fromMark>[] } = {};
  if (change.del?.length) out.del = change.del;
  if (change.set?.length) out.set = change.set.map(fromMark);
  return `${JSON.stringify(out)}\n`;
}

/** A compacted log holding exactly these marks (1,000 to a line). */
export function serializeReadMarks(marks: Iterable<ReadMark>): string {
  const parts = [headerLine()];
  let batch: ReadMark[] = [];
  for (const mark of marks) {
    batch.push(mark);
    if (batch.length === 1000) {
      parts.push(changeLine({ set: batch }));
      batch = [];
    }
  }
  if (batch.length > 0) parts.push(changeLine({ set: batch }));
  return parts.join('');
}

/** Applies one change to the marks; a mark that is neither read nor started is dropped. */
export function applyChange(marks: Map<string, ReadMark>, change: ReadMarksChange): void {
  for (const id of change.del ?? []) marks.delete(id);
  for (const mark of change.set ?? []) {
    if (mark.read || mark.progress > 0) marks.set(mark.id, mark);
    else marks.delete(mark.id);
  }
}

function parseChange(line: string): ReadMarksChange | string {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    return 'it is not valid JSON';
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'it is not a change';
  const { del, set } = data as Record<string, unknown>;
  const change: ReadMarksChange = {};
  if (del !== undefined) {
    if (!Array.isArray(del) || !del.every(isText)) return '"del" is not a list of ids';
    change.del = del;
  }
  if (set !== undefined) {
    if (!Array.isArray(set)) return '"set" is not a list';
    const marks: ReadMark[] = [];
    for (const entry of set) {
      const mark = toMark(entry);
      if (!mark) return `"set" holds a mark that is not [id, contentHash, 0|1, progress, time]`;
      marks.push(mark);
    }
    change.set = marks;
  }
  return change;
}

export function parseReadMarks(text: string): ReadMarksParse {
  const lines = text.split('\n');
  // The text after the last newline is a line being written when the writer stopped.
  const tail = lines.pop() ?? '';
  const torn = tail !== '';
  if (lines.length === 0) {
    // Not even the header made it: a log created and killed at once holds nothing.
    return torn && !headerLine().startsWith(tail)
      ? { kind: 'damaged', reason: 'it does not start with the read-marks header' }
      : { kind: 'ok', marks: new Map(), lines: 0, torn, dropped: [] };
  }
  let header: unknown;
  try {
    header = JSON.parse(lines[0]!);
  } catch {
    return { kind: 'damaged', reason: 'its first line is not the read-marks header' };
  }
  const h = header as Record<string, unknown> | null;
  if (typeof h !== 'object' || h === null || h.broadsheet !== READ_MARKS_FORMAT) {
    return { kind: 'damaged', reason: 'its first line is not the read-marks header' };
  }
  if (typeof h.version === 'number' && h.version > READ_MARKS_VERSION)
    return { kind: 'newer', version: h.version };
  if (h.version !== READ_MARKS_VERSION) {
    return {
      kind: 'damaged',
      reason: `its version (${JSON.stringify(h.version)}) is not one Broadsheet knows`,
    };
  }
  const marks = new Map<string, ReadMark>();
  const dropped: { line: number; reason: string }[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const change = parseChange(line);
    if (typeof change === 'string') dropped.push({ line: i + 1, reason: change });
    else applyChange(marks, change);
  }
  return { kind: 'ok', marks, lines: lines.length - 1, torn, dropped };
}
