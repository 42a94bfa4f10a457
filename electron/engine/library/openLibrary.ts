import { Library, type LibraryOptions } from './Library';

/** The live library in this process (dev-web bridge, CLI, tests). Its parsing still runs in workers. */
export function openLibrary(options: LibraryOptions): Promise<Library> {
  return Library.open(options);
}
