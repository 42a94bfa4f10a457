// Sending many read marks to the engine: "mark all as read" at 100,000 articles is ~1.9 MB of ids,
// more than the dev-web bridge takes in one request (MAX_BODY_BYTES, 1 MB), so the ids go in
// parts, one after the other. A part that fails stops the rest: what was saved stays saved, and
// the caller puts back the ids that were not.

/** ~19 bytes an id as JSON: 20,000 ids are ~380 KB a request. */
export const READ_IDS_PER_REQUEST = 20_000;

export interface SavedMarks {
  /** Ids whose state the engine changed. */
  changed: string[];
  /** The ids not saved (the failed part and those after it); empty when all were. */
  unsaved: readonly string[];
  error?: unknown;
}

export async function saveReadMarks(
  ids: readonly string[],
  read: boolean,
  setRead: (ids: string[], read: boolean) => Promise<string[]>,
  perRequest = READ_IDS_PER_REQUEST,
): Promise<SavedMarks> {
  const changed: string[] = [];
  for (let at = 0; at < ids.length; at += perRequest) {
    try {
      for (const id of await setRead(ids.slice(at, at + perRequest), read)) changed.push(id);
    } catch (error) {
      return { changed, unsaved: ids.slice(at), error };
    }
  }
  return { changed, unsaved: [] };
}
