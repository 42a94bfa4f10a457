import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import YAML from 'yaml';
import { YAML_OPTIONS } from './parseFrontMatter';

// The address of the site an archive was built from, read from the generator's config at the library
// root: Jekyll/Hexo `_config.yml` (`url` plus Jekyll's `baseurl` or Hexo's `root`), Hugo
// `hugo.toml`/`config.toml` (`baseURL`), Zola `config.toml` (`base_url`). Site-relative permalinks in
// front matter become absolute `originalUrl`s against it. Only files inside the library root are read,
// each once per process and at most MAX_CONFIG_BYTES of it.

const MAX_CONFIG_BYTES = 64 * 1024;
const CONFIG_FILES = ['_config.yml', '_config.yaml', 'hugo.toml', 'config.toml'];
const known = new Map<string, string | null>();

/** The site's address for a library root, or undefined when no config there names one. */
export function siteAddressOf(root: string): string | undefined {
  if (root === '') return undefined;
  let address = known.get(root);
  if (address === undefined) {
    address = findSiteAddress(root);
    if (known.size > 1000) known.clear();
    known.set(root, address);
  }
  return address ?? undefined;
}

function findSiteAddress(root: string): string | null {
  for (const name of CONFIG_FILES) {
    const text = readSmallFile(join(root, name));
    if (text === null) continue;
    const address = name.endsWith('.toml') ? fromToml(text) : fromYaml(text);
    if (address) return address;
  }
  return null;
}

/** `url` + `baseurl` (Jekyll) or `root` (Hexo), as an absolute http(s) address ending in '/'. */
export function fromYaml(text: string): string | null {
  let config: unknown;
  try {
    config = YAML.parse(text, { ...YAML_OPTIONS, maxAliasCount: 100 });
  } catch {
    return null;
  }
  if (config === null || typeof config !== 'object') return null;
  const c = config as Record<string, unknown>;
  return joinBase(c.url, c.baseurl ?? c.root);
}

export function fromToml(text: string): string | null {
  let config: Record<string, unknown>;
  try {
    config = parseToml(text, { maxDepth: 32 }) as Record<string, unknown>;
  } catch {
    return null;
  }
  return joinBase(config.baseURL ?? config.baseurl ?? config.base_url, undefined);
}

function joinBase(url: unknown, path: unknown): string | null {
  if (typeof url !== 'string' || !/^https?:\/\/[^/\s]/i.test(url.trim())) return null;
  try {
    const base = new URL(url.trim());
    const extra = typeof path === 'string' ? path.trim().replace(/^\/+|\/+$/g, '') : '';
    const joined = [base.pathname.replace(/^\/+|\/+$/g, ''), extra].filter((p) => p !== '').join('/');
    base.pathname = joined === '' ? '/' : `/${joined}/`;
    base.search = '';
    base.hash = '';
    return base.href;
  } catch {
    return null;
  }
}

function readSmallFile(path: string): string | null {
  let fd: number | undefined;
  try {
    // Never through a symbolic link (it could point outside the library), never blocking on a FIFO.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    if (!fstatSync(fd).isFile()) return null;
    const bytes = new Uint8Array(MAX_CONFIG_BYTES);
    const length = readSync(fd, bytes, 0, bytes.length, 0);
    return new TextDecoder().decode(bytes.subarray(0, length));
  } catch {
    return null;
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // read-only descriptor
      }
    }
  }
}
