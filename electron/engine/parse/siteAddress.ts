import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import YAML from 'yaml';
import { YAML_OPTIONS } from './parseFrontMatter';
import { DEFAULT_PERMALINKS, type SitePermalink } from './permalink';

// The address of the site an archive was built from, read from the generator's config at the library
// root: Jekyll/Hexo `_config.yml` (`url` plus Jekyll's `baseurl` or Hexo's `root`), Hugo
// `hugo.toml`/`config.toml` (`baseURL`), Zola `config.toml` (`base_url`). Site-relative permalinks in
// front matter become absolute `originalUrl`s against it. Only files inside the library root are read,
// each once per process and at most MAX_CONFIG_BYTES of it.

const MAX_CONFIG_BYTES = 64 * 1024;
const CONFIG_FILES = ['_config.yml', '_config.yaml', 'hugo.toml', 'config.toml'];

/** What a library root's generator config says about the site. */
interface SiteConfig {
  /** Absolute http(s) address ending in '/'. */
  url: string;
  /** Jekyll/Hexo only: how a post's address is built (see permalink.ts). */
  permalink?: SitePermalink;
}

const known = new Map<string, SiteConfig | null>();

/** The site's config for a library root, or undefined when no config there names an address. */
export function siteConfigOf(root: string): SiteConfig | undefined {
  if (root === '') return undefined;
  let config = known.get(root);
  if (config === undefined) {
    config = findSiteConfig(root);
    if (known.size > 1000) known.clear();
    known.set(root, config);
  }
  return config ?? undefined;
}

function findSiteConfig(root: string): SiteConfig | null {
  for (const name of CONFIG_FILES) {
    const text = readSmallFile(join(root, name));
    if (text === null) continue;
    const config = name.endsWith('.toml') ? fromToml(text) : fromYaml(text);
    if (config) return config;
  }
  return null;
}

/**
 * `url` + `baseurl` (Jekyll) or `root` (Hexo), and the `permalink` pattern (the generator's default
 * when there is none). Hexo is told from Jekyll by the keys only Hexo's config has.
 */
function fromYaml(text: string): SiteConfig | null {
  let config: unknown;
  try {
    config = YAML.parse(text, { ...YAML_OPTIONS, maxAliasCount: 100 });
  } catch {
    return null;
  }
  if (config === null || typeof config !== 'object') return null;
  const c = config as Record<string, unknown>;
  const url = joinBase(c.url, c.baseurl ?? c.root);
  if (!url) return null;
  const hexo = ['root', 'new_post_name', 'source_dir', 'permalink_defaults', 'default_category'].some(
    (key) => key in c,
  );
  const generator = hexo ? 'hexo' : 'jekyll';
  const pattern =
    typeof c.permalink === 'string' && c.permalink.trim() !== '' ? c.permalink.trim() : undefined;
  return { url, permalink: { generator, pattern: pattern ?? DEFAULT_PERMALINKS[generator] } };
}

function fromToml(text: string): SiteConfig | null {
  let config: Record<string, unknown>;
  try {
    config = parseToml(text, { maxDepth: 32 }) as Record<string, unknown>;
  } catch {
    return null;
  }
  const url = joinBase(config.baseURL ?? config.baseurl ?? config.base_url, undefined);
  return url ? { url } : null;
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
