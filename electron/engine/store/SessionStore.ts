// Where the window was (view, filters, search text, open article), in `<dataDir>/session.json`,
// written atomically so a crash leaves the last session or the one before. Not precious like stars
// or read marks: a session that cannot be read is dropped (the window opens on All) and the next
// save replaces it, so it never blocks anything.

import { join } from 'node:path';
import { SESSION_LIMIT_CHARS, type WindowSession } from '../../../shared/types';
import { ContractError, windowSession } from '../../../shared/validateRequest';
import { atomicWriteFile, removeStaleTemps } from './atomicWriteFile';
import { nodeStoreFs, type StoreFs } from './storeFs';

export const SESSION_FILE = 'session.json';
const VERSION = 1;

/** The session a file holds, or null (missing, damaged, from another version, too large). */
function parseSessionFile(text: string): WindowSession | null {
  if (text.length > SESSION_LIMIT_CHARS * 2) return null;
  try {
    const data = JSON.parse(text) as { version?: unknown; session?: unknown };
    if (data.version !== VERSION) return null;
    return windowSession('session', data.session);
  } catch (error) {
    if (error instanceof SyntaxError || error instanceof ContractError || error instanceof TypeError)
      return null;
    throw error;
  }
}

export class SessionStore {
  private constructor(
    readonly path: string,
    private readonly fs: StoreFs,
    private session: WindowSession | null,
  ) {}

  static async open(dataDir: string, fs: StoreFs = nodeStoreFs): Promise<SessionStore> {
    const path = join(dataDir, SESSION_FILE);
    await fs.mkdir(dataDir);
    await removeStaleTemps(path, fs);
    const text = await fs.readFile(path).then(
      (b) => b.toString('utf8'),
      () => null,
    );
    return new SessionStore(path, fs, text === null ? null : parseSessionFile(text));
  }

  get(): WindowSession | null {
    return this.session;
  }

  async save(session: WindowSession): Promise<void> {
    await atomicWriteFile(this.path, `${JSON.stringify({ version: VERSION, session })}\n`, {
      fs: this.fs,
      kept: 'the previous session is kept',
    });
    this.session = session;
  }
}
