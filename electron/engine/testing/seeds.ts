// The two seed articles, where the repository keeps them once: in the sample archive the app ships
// (resources/sample-archive). Tests and benches read them from here instead of keeping copies.
import { fileURLToPath } from 'node:url';

export const SEED_DIR = fileURLToPath(
  new URL('../../../resources/sample-archive/新浪财经/', import.meta.url),
);
export const SEED_NAMES = ['000_9fc613d590d79208.txt', '001_c6695ae4905b6fb4.txt'] as const;
