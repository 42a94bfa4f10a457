// electron-builder.yml as data, checked with electron-builder's own code where it can run offline:
// its schema validation and the file matcher that decides what goes into app.asar.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
export const BUILDER_CONFIG_FILE = 'electron-builder.yml';

/** The parts of electron-builder's Configuration these checks read. */
export interface BuilderConfig {
  appId?: string;
  productName?: string;
  directories?: { output?: string; buildResources?: string };
  files?: string[];
  extraResources?: { from: string; to: string }[];
  asar?: boolean;
  asarUnpack?: string[];
  npmRebuild?: boolean;
  disableAsarIntegrity?: boolean;
  electronFuses?: Record<string, boolean>;
  icon?: string;
  linux?: { target?: string[]; icon?: string; executableName?: string };
  mac?: { target?: string | string[]; icon?: string };
  win?: { target?: string | string[]; icon?: string };
  nsis?: { installerIcon?: string; uninstallerIcon?: string };
  [key: string]: unknown;
}

export interface PackageJson {
  name: string;
  productName?: string;
  version: string;
  description?: string;
  main?: string;
  type?: string;
  homepage?: string;
  author?: string | { name?: string; email?: string };
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

export function readBuilderConfig(root = REPO_ROOT): BuilderConfig {
  const file = join(root, BUILDER_CONFIG_FILE);
  const data: unknown = parse(readFileSync(file, 'utf8'), { prettyErrors: true });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error(`${file} must hold a YAML mapping of electron-builder options`);
  }
  return data as BuilderConfig;
}

export function readPackageJson(root = REPO_ROOT): PackageJson {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
}

// app-builder-lib is electron-builder's engine; it has no "exports" map, so its internals are
// reachable, but only through electron-builder's own copy (it is not a direct dependency).
const builderRequire = createRequire(
  createRequire(join(REPO_ROOT, 'package.json')).resolve('electron-builder'),
);

export function requireFromBuilder<T>(id: string): T {
  return builderRequire(id) as T;
}

interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<unknown>;
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
}

/**
 * Loads the config the way `electron-builder --config electron-builder.yml` does (merged with
 * package.json) and runs electron-builder's schema validation; rejects with its message.
 */
export async function validateWithElectronBuilder(root = REPO_ROOT): Promise<void> {
  const { getConfig, validateConfiguration } = requireFromBuilder<ConfigModule>(
    'app-builder-lib/out/util/config/config',
  );
  const config = await getConfig(root, join(root, BUILDER_CONFIG_FILE), null);
  await validateConfiguration(config, { isEnabled: false, add: () => undefined });
}

type Filter = (file: string, stat: { isDirectory(): boolean }) => boolean;
interface FileMatcherModule {
  FileMatcher: new (
    from: string,
    to: string,
    expand: (pattern: string) => string,
    patterns: string[],
  ) => { createFilter(): Filter };
}

/**
 * electron-builder's own matcher for the `files` globs: true when a project-relative file path would
 * be copied into the app. (electron-builder adds package.json and production node_modules itself.)
 */
export function filesFilter(patterns: string[], root = REPO_ROOT): (relativePath: string) => boolean {
  const { FileMatcher } = requireFromBuilder<FileMatcherModule>('app-builder-lib/out/fileMatcher');
  const filter = new FileMatcher(root, '', (pattern) => pattern, patterns).createFilter();
  return (relativePath) => filter(join(root, relativePath), { isDirectory: () => false });
}
