// Clean-up rules: what is not the story (app adverts, QR codes, share widgets, editor lines, an archive's
// own subscription footer) and how to recognise it. Data, not code: the built-in list below and the
// user's own rules file have the same shape, and cleanHtml applies both the same way.
//
// Matching is plain substring and token comparison on lower-cased text, never a regular expression, so
// no rule (built-in or written by a user) can make the engine backtrack for minutes on a hostile file.
// Every rule is bounded by `maxChars`: an element with more text than that is never removed, whatever
// it matches, so a rule can take out a short advert but never a paragraph of the story.

export interface CleanRule {
  /** Shown when the rule removes something and in problems about the rule. */
  name: string;
  /**
   * The rule applies only to articles whose author, categories, source URL fields or image URLs
   * contain one of these (case-insensitive). Absent: every article.
   */
  sources?: string[];
  /** Element names the rule may remove. Absent: the block elements in DEFAULT_TEXT_TAGS. */
  tags?: string[];
  /** The element has one of these class tokens (exactly, case-insensitive). */
  classes?: string[];
  /** One of the element's class tokens contains one of these. */
  classContains?: string[];
  /** The element's id contains one of these. */
  idContains?: string[];
  /** The element's text (spaces collapsed) contains one of these. */
  contains?: string[];
  /** The element's text contains every one of these. */
  containsAll?: string[];
  /** The element's text starts with one of these. */
  startsWith?: string[];
  /** Elements with more text than this (characters) are never removed. Default DEFAULT_MAX_CHARS. */
  maxChars?: number;
  /** The element is an editor line: what follows the `startsWith` phrase is kept as the editor. */
  editor?: boolean;
}

/** The bound on the text of a removed element when a rule gives none. */
export const DEFAULT_MAX_CHARS = 300;
/** No rule may remove an element with more text than this, whatever its `maxChars` says. */
export const MAX_RULE_CHARS = 5_000;
/** Bounds on a user rules file. */
export const MAX_USER_RULES = 500;
export const MAX_RULE_STRINGS = 100;
export const MAX_RULE_STRING_CHARS = 200;
export const MAX_RULES_FILE_BYTES = 512 * 1024;
/** An editor's name longer than this is cut. */
export const MAX_EDITOR_CHARS = 100;
/** The user's rules file, in the user-data folder. */
export const USER_RULES_FILE = 'clean-rules.json';

/** Where a text rule without `tags` looks: elements that hold a line or a block of their own. */
export const DEFAULT_TEXT_TAGS: readonly string[] = [
  'p',
  'div',
  'section',
  'aside',
  'footer',
  'header',
  'nav',
  'li',
  'ul',
  'ol',
  'dl',
  'table',
  'center',
  'blockquote',
  'figure',
  'form',
  'font',
  'span',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
];

// Editor lines as Chinese and English sites print them; what follows is the editor's name.
const EDITOR_PREFIXES = [
  '责任编辑',
  '責任編輯',
  '【责任编辑',
  '【責任編輯',
  '[责任编辑',
  '（责任编辑',
  '(责任编辑',
  '编辑：',
  '编辑:',
  '編輯：',
  '編輯:',
  '本文编辑',
  '文章编辑',
  '值班编辑',
  '【编辑',
  'editor:',
  'edited by',
];

/**
 * The built-in rules. Each one is written for a kind of block seen across sites (the seeds' Sina
 * QR advert and editor line, hkcnews' subscription footer, 9to5's affiliate notice, share bars), not
 * for one string only; all are bounded by maxChars so a story paragraph that happens to mention an
 * app or an editor is never removed.
 */
export const BUILTIN_CLEAN_RULES: readonly CleanRule[] = [
  {
    name: 'QR-code advert',
    classContains: ['appendqr', 'qrcode', 'qr-code', 'qr_code', 'erweima'],
    maxChars: 120,
  },
  {
    name: 'QR-code advert style',
    tags: ['style'],
    contains: ['appendqr', 'qrcode', 'qr-code', 'qr_code'],
    maxChars: MAX_RULE_CHARS,
  },
  {
    name: 'App advert',
    // "海量资讯、精准解读，尽在新浪财经APP" and its kind: "…尽在XX APP", "下载XX客户端".
    containsAll: ['尽在', 'app'],
    maxChars: 40,
  },
  {
    name: 'App advert',
    contains: [
      '下载客户端',
      '下载app',
      '下載app',
      '打开app',
      '打開app',
      '扫描二维码',
      '扫描二維碼',
      '掃描二維碼',
      '扫码下载',
      '扫码关注',
      '扫码阅读',
      '长按识别二维码',
      '長按識別二維碼',
      '长按二维码',
      'download our app',
      'download the app',
      'get the app',
      'get our app',
    ],
    maxChars: 80,
  },
  {
    name: 'Editor line',
    tags: ['p', 'div', 'span', 'font', 'section', 'footer', 'center'],
    startsWith: EDITOR_PREFIXES,
    maxChars: 40,
    editor: true,
  },
  {
    name: 'Editor line',
    classes: ['article-editor', 'show_author', 'editor', 'article-editor-name', 'ep-editor'],
    startsWith: EDITOR_PREFIXES,
    maxChars: 60,
    editor: true,
  },
  {
    name: 'Share widget',
    classes: ['share', 'sharing', 'share-bar', 'share-buttons', 'share-box', 'social-share', 'a2a_kit'],
    maxChars: 120,
  },
  {
    name: 'Share widget',
    classContains: ['bdsharebuttonbox', 'sharethis', 'addthis', 'jiathis', 'share-buttons', 'social-share'],
    maxChars: 120,
  },
  {
    name: 'Share widget',
    // With the colon only: "分享到社交网络的消息说…" opens a sentence of a story.
    startsWith: [
      '分享到：',
      '分享到:',
      '分享至：',
      '分享至:',
      '分享：',
      'share this:',
      'share this article',
      'share on facebook',
      'share on twitter',
    ],
    maxChars: 40,
  },
  {
    name: 'Affiliate notice',
    classContains: ['ad-disclaimer', 'disclaimer-affiliate'],
    maxChars: 200,
  },
  {
    name: 'Affiliate notice',
    startsWith: ['ftc: we use income earning'],
    maxChars: 120,
  },
  {
    name: 'Newsletter advert',
    startsWith: [
      'sign up for our newsletter',
      'subscribe to our newsletter',
      '点击上方蓝字关注',
      '點擊上方藍字關注',
    ],
    maxChars: 120,
  },
  {
    name: 'Subscription footer',
    sources: ['hkcnews'],
    contains: ['請加入成為眾新聞的月費訂戶', '月費訂戶 網址', 'hkcnews.com/aboutus/#subscribe'],
    maxChars: 120,
  },
];
