// Reads the user's clean-up rules file from the user-data folder. A missing file is no rules; a file
// that cannot be read, is too large or has wrong rules becomes problems for the Library panel. Never
// throws: a broken rules file must not keep the library from opening.

import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Problem } from '../../../shared/types';
import { type CleanRule, MAX_RULES_FILE_BYTES, USER_RULES_FILE } from '../parse/cleanup/cleanRules';
import { readUserCleanRules } from '../parse/cleanup/userCleanRules';

interface UserCleanRules {
  path: string;
  rules: CleanRule[];
  problems: Problem[];
}

export async function loadUserCleanRules(dataDir: string): Promise<UserCleanRules> {
  const path = join(dataDir, USER_RULES_FILE);
  const problem = (message: string): Problem => ({
    path,
    message,
    severity: 'warning',
    code: 'clean-rules',
    params: { detail: message },
  });
  try {
    const info = await stat(path);
    if (info.size > MAX_RULES_FILE_BYTES) {
      return {
        path,
        rules: [],
        problems: [
          problem(
            `${USER_RULES_FILE} is ${info.size} bytes, over the ${MAX_RULES_FILE_BYTES}-byte limit, so none of its rules apply.`,
          ),
        ],
      };
    }
    const reading = readUserCleanRules(await readFile(path, 'utf8'));
    return { path, rules: reading.rules, problems: reading.problems.map(problem) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { path, rules: [], problems: [] };
    return {
      path,
      rules: [],
      problems: [
        problem(
          `${USER_RULES_FILE} could not be read (${code ?? (error as Error).message}), so none of its rules apply.`,
        ),
      ],
    };
  }
}
