// A post's address from its site's permalink pattern, for posts whose front matter names none:
// Jekyll's and Hexo's `permalink:` in `_config.yml` (or their defaults) with the post's date, file
// name and categories. Only posts (files under a `_posts` folder) get one: pages keep their own paths,
// which the pattern does not describe. Pure: the site's config and the post's facts are passed in.

type SiteGenerator = 'jekyll' | 'hexo';

export interface SitePermalink {
  generator: SiteGenerator;
  /** The `permalink:` value, or the generator's default when the config has none. */
  pattern: string;
}

export interface PostFacts {
  /** The file's path, with either separator. */
  path: string;
  /** The post's date as the site writes it (wall clock in the site's zone). */
  wall: { year: number; month: number; day: number; hour: number; minute: number; second: number };
  categories: readonly string[];
  /** The front matter's `slug`, when it has one. */
  slug?: string;
}

export const DEFAULT_PERMALINKS: Record<SiteGenerator, string> = {
  jekyll: 'date',
  hexo: ':year/:month/:day/:title/',
};

// Jekyll's named styles (https://jekyllrb.com/docs/permalinks/#built-in-formats).
const JEKYLL_STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  none: '/:categories/:title:output_ext',
};

const MAX_PATTERN_CHARS = 200;

/**
 * The post's site-relative address (starting with `/`), or null when the file is not a post, the
 * pattern uses a placeholder this does not know, or a part would be empty.
 */
export function expandPermalink(site: SitePermalink, post: PostFacts): string | null {
  const parts = post.path.split(/[\\/]/);
  const postsAt = parts.lastIndexOf('_posts');
  if (postsAt === -1 || postsAt === parts.length - 1) return null;
  const underPosts = parts.slice(postsAt + 1).join('/');
  const fileName = parts[parts.length - 1]!;
  const stem = fileName.replace(/\.[^.]+$/, '');
  const pattern = site.generator === 'jekyll' ? (JEKYLL_STYLES[site.pattern] ?? site.pattern) : site.pattern;
  if (pattern === '' || pattern.length > MAX_PATTERN_CHARS) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  const { wall } = post;
  // Jekyll's file names carry the date: `2016-08-21-slug.md` → slug; Hexo's title is the path under _posts.
  const jekyllSlug = stem.replace(/^\d{4}-\d{1,2}-\d{1,2}-/, '');
  const slugified = (text: string) =>
    text
      .trim()
      .toLowerCase()
      .replace(/[\s/\\?#%]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const values: Record<string, string> = {
    year: String(wall.year),
    month: pad(wall.month),
    i_month: String(wall.month),
    day: pad(wall.day),
    i_day: String(wall.day),
    short_year: pad(wall.year % 100),
    hour: pad(wall.hour),
    minute: pad(wall.minute),
    second: pad(wall.second),
  };
  if (site.generator === 'jekyll') {
    values.title = post.slug ? slugified(post.slug) : jekyllSlug;
    values.slug = post.slug ? slugified(post.slug) : jekyllSlug;
    values.name = jekyllSlug;
    values.categories = post.categories.map((c) => encodeURIComponent(slugified(c))).join('/');
    values.output_ext = '.html';
  } else {
    values.title = underPosts.replace(/\.[^./]+$/, '');
    values.name = stem;
    values.post_title = post.slug ? slugified(post.slug) : stem;
    values.category =
      post.categories.map((c) => encodeURIComponent(slugified(c))).join('/') || 'uncategorized';
  }
  let unknown = false;
  const expanded = pattern.replace(/:([a-z_]+)/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) unknown = true;
    return value ?? whole;
  });
  // A placeholder we do not know: no address rather than a wrong one.
  if (unknown) return null;
  // Empty parts (no categories) leave doubled slashes: Jekyll and Hexo fold them the same way.
  const path = `/${expanded.replace(/\/{2,}/g, '/').replace(/^\/+/, '')}`;
  return path === '/' ? null : path;
}
