// Compile-time proof, checked by `npm run typecheck` and never run: the engine's request table
// (engineRequests.ts, through which Library answers) must answer every engine method of the
// contract with the contract's types.
// Adding a method to BroadsheetRequests adds it to EngineMethod (unless it is listed in
// HOST_METHODS), so a Library without its handler stops compiling, as `missingOne` shows here.
// Each `@ts-expect-error` fails the typecheck if the line under it ever compiles.

import type { EngineRequests } from './LibraryService';

declare const table: EngineRequests;
const { getArticle: _noHandler, ...allButGetArticle } = table;

// @ts-expect-error getArticle has no handler: a table that misses a method does not compile.
export const missingOne: EngineRequests = allButGetArticle;

export const wrongAnswer: EngineRequests = {
  ...table,
  // @ts-expect-error getSettings must answer Settings, not a string.
  getSettings: async () => 'not settings',
};

export const wrongArguments: EngineRequests = {
  ...table,
  // @ts-expect-error setStarred takes (id: string, starred: boolean).
  setStarred: async (_id: number) => [],
};

export const complete: EngineRequests = { ...allButGetArticle, getArticle: async () => null };
