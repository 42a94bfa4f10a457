// A problem's reason in the interface language. English is the engine's own sentence (the one the
// CLI prints); Chinese is written here from the problem's code and its params (the line, the size,
// the field, the parser's own words), so the specifics survive the translation. The table is a
// Record over shared/problemCodes: a new code without its Chinese text does not compile. A problem
// from an engine that knows a code this window does not (or with params missing) keeps the English.

import type { ProblemCode, ProblemParams } from '../../../shared/problemCodes';
import type { Problem } from '../../../shared/types';
import type { UiLanguage } from './i18n';

type Params = Readonly<Record<string, string | number | undefined>>;
type Template = (p: Params) => string;

/** "（详情：…）" when the engine passed words of its own (an OS error, a parser message). */
const detail = (p: Params) => (p.detail ? `（详情：${p.detail}）` : '');
const errno = (p: Params) => (p.errno ? `（${p.errno}）` : detail(p));

const ZH: Record<ProblemCode, Template> = {
  'too-large': (p) =>
    `此文件大小为 ${p.size}，超过单篇文章 ${p.limit} 的上限，已跳过。请拆分成较小的文章，或移出文章库。`,
  'not-regular-file': () =>
    '这不是普通文件（而是文件夹、管道、套接字或设备），Broadsheet 不会读取。如果它不是文章，请改名；否则请换成真正的文件。',
  'file-unreadable': (p) =>
    `Broadsheet 无法读取此文件${errno(p)}。请检查文件能否打开（例如读取权限），然后重新扫描。`,
  binary: (p) =>
    `此文件看起来是二进制文件而不是文本${detail(p)}，已跳过。如果它不是文章请改名；否则请另存为 UTF-8 文本。`,
  'invalid-bytes': (p) =>
    `有 ${p.count} 处字节既不是 UTF-8 也不是 GB18030，显示为 \uFFFD。将文件另存为 UTF-8 即可修复。`,
  'control-characters': (p) =>
    `从第 ${p.line} 行起有 ${p.count} 个连续的控制字符已被删除，文章其余部分正常。这类字符来自损坏的副本；重新保存文件即可彻底去掉。`,
  'parse-failed': (p) =>
    `Broadsheet 无法读取这篇文章${detail(p)}。请确认它是文本、Markdown 或 HTML 文件；如果是，请报告此问题。`,
  'parser-crash': (p) => `Broadsheet 的解析器在此文件上出错${detail(p)}，已跳过。请附上此文件报告问题。`,
  'more-problems': (p) =>
    `此文件中还有 ${p.count} 条警告未列出：只显示前 ${p.limit} 条。修正这些之后，其余的会显示出来。`,
  'front-matter-code': (p) =>
    `第 ${p.line} 行的前置元数据标记为“${p.language}”代码，Broadsheet 从不运行代码，因此忽略了其中的字段。请改写为 YAML（以单独一行 --- 开头）。`,
  'front-matter-unclosed': (p) =>
    `从第 ${p.line} 行开始的前置元数据没有结束：请在元数据之后加一行 ${p.fence}。`,
  'front-matter-too-large': (p) =>
    `从第 ${p.line} 行开始的前置元数据超过 ${p.limit} KB，未读取。请把长内容移到结束的 --- 行之后。`,
  'front-matter-shape': (p) =>
    `从第 ${p.line} 行开始的前置元数据不是“名称: 值”形式的字段，已忽略。请写成 “title: 我的标题” 这样的行。`,
  'yaml-syntax': (p) =>
    `前置元数据第 ${p.line} 行${p.others ? `（以及第 ${p.others} 行）` : ''}有 YAML 错误${detail(p)}。` +
    (p.recovered === 'yes'
      ? '该行的字段被略去，其他字段均已读取。'
      : '修复之前，标题取自正文，日期取自文件。') +
    '请修正该行。',
  'toml-syntax': (p) =>
    `TOML 前置元数据第 ${p.line} 行有错误${detail(p)}。其字段都无法安全读取，因此标题取自正文，日期取自文件名或文件。请修正该行。`,
  'json-syntax': (p) =>
    `JSON 前置元数据第 ${p.line} 行有错误${detail(p)}。其字段都无法安全读取，因此标题取自正文，日期取自文件名或文件。请修正该行。`,
  'yaml-aliases': (p) =>
    `从第 ${p.line} 行开始的前置元数据使用了超过 ${p.limit} 个 YAML 别名（*name），为保护内存未读取。请直接写出各个值。`,
  'yaml-tag': (p) =>
    `前置元数据第 ${p.line} 行使用了 Broadsheet 不会执行的 YAML 标签${detail(p)}，该值按纯文本读取。请删去标签（以 ! 开头的部分）。`,
  'yaml-warning': (p) =>
    `前置元数据第 ${p.line} 行的 YAML 不够规范${detail(p)}，已尽量读取。如果某个字段看起来不对，请检查这一行。`,
  'title-type': () =>
    '前置元数据中的标题不是文本（是嵌套结构），因此标题取自文章本身。请在 “title:” 后写纯文本标题。',
  'title-too-long': (p) =>
    `标题超过 ${p.limit} 个字符，已截短。请在前置元数据中写一个较短的标题（title: ...）。`,
  'author-type': () => '前置元数据中的作者不是文本，已略去。请写成纯文本。',
  'categories-type': (p) =>
    `有 ${p.count} 个分类无法读成文本（嵌套结构，或列表嵌套超过三层），已略去。请在 “categories:” 下每行用 “- ” 写一个纯文本分类。`,
  'categories-truncated': (p) => `这篇文章的分类超过 ${p.limit} 个，只保留前 ${p.limit} 个。`,
  'image-type': (p) =>
    `前置元数据“${p.field}”不是文本（而是 ${p.value}），因此文章不显示这张图片。请在 “${p.field}:” 后写一个 https:// 地址。`,
  'image-url': (p) =>
    p.kind === 'too-long'
      ? `前置元数据“${p.field}”超过 ${p.limit} 个字符，不予显示。请确认该字段只有一个地址。`
      : `前置元数据“${p.field}”（“${p.value}”）不是网址，不予显示：Broadsheet 只从 http(s) 地址加载图片，从不读取本机文件。请写完整的 https:// 地址。`,
  'extra-truncated': () => '部分前置元数据字段太大（长文本、字段过多或嵌套太深），已截短。文章本身是完整的。',
  'date-unreadable': (p) =>
    `无法读取日期 ${p.value}，改用${p.instead === 'path' ? `路径中的日期（${p.day}）` : '文件的修改时间'}。请写成 2022-08-06 12:56 或 Sat, 06 Aug 2022 04:07:06 GMT 这样的格式。`,
  'file-time-invalid': (p) =>
    `文件没有自己的日期，而它的修改时间${p.year !== undefined ? `是 ${p.year} 年` : '无效'}，不可能正确，因此日期记为 1970 年 1 月 1 日。请在前置元数据中加上日期，或给文件一个真实的时间（touch）。`,
  'time-zone': (p) =>
    `时区设置“${p.zone}”不是已知的 IANA 时区，因此按系统时区读取日期。请在设置中选择如 Asia/Shanghai 的时区。`,
  'html-too-deep': (p) =>
    `文章的 HTML 元素嵌套超过 ${p.limit} 层，正文只读到该处，搜索和预览可能缺少后面的内容。文件可能已损坏，请用浏览器打开检查。`,
  'html-too-many-elements': (p) =>
    `浏览器会从这篇文章生成超过 ${p.limit} 个元素（未闭合的 <b>、<font> 等格式标签会在之后每一段重复出现，巨大的表格也会），会让阅读窗格卡死，因此以纯文本显示。文件可能已损坏或被人故意构造；只在信任它时才用浏览器打开。`,
  'whole-page-too-many-elements': (p) =>
    `不提供保存网页的“显示整页”：浏览器会从整页生成超过 ${p.limit} 个元素（未闭合的 <b> 等格式标签会在之后每一段重复出现），会让阅读窗格卡死。正文照常显示。文件可能已损坏或被人故意构造。`,
  'data-image-too-large': (p) =>
    `此页面内保存的 ${p.count} 张图片每张都超过 ${p.limit}，不予显示。用较小的图片重新保存页面即可看到。`,
  'page-not-extracted': (p) =>
    `这个保存的网页按整页显示和搜索（包括网站菜单等）：${
      p.kind === 'too-big'
        ? `页面过大（${p.detail}），超出 Broadsheet 提取正文的范围`
        : p.kind === 'failed'
          ? `Readability 处理失败${detail(p)}`
          : '无法把正文与页面其他部分区分开'
    }。只保存文章本身（阅读模式或 SingleFile）即可单独阅读正文。`,
  'mhtml-unreadable': (p) =>
    `无法解开此 .mhtml/.mht 文件${detail(p)}。请用浏览器打开检查；如果已损坏，请重新保存页面。`,
  'mhtml-truncated': () =>
    '此 .mhtml/.mht 文件在某个部分中间结束（缺少结束边界），页面可能不完整。如有缺失，请重新保存页面。',
  'mhtml-too-many-parts': () => '此 .mhtml/.mht 文件的部分多于 Broadsheet 读取的上限，部分图片不显示。',
  'mhtml-outside-part': (p) =>
    `此 .mhtml/.mht 中有 ${p.count} 个部分指向保存页面之外（${p.first}），未被使用；不会从那里读取任何内容。`,
  'root-missing': () => '找不到文件夹：Broadsheet 找不到这个文件夹。请确认它存在，并且所在的磁盘已连接。',
  'root-not-folder': () => '不是文件夹：文章库是一个存放文章的文件夹。请改为选择包含此文件的文件夹。',
  'folder-unreadable': (p) =>
    p.errno === 'EACCES' || p.errno === 'EPERM'
      ? '权限被拒绝：Broadsheet 无法读取这个文件夹。请检查它的权限。'
      : `Broadsheet 无法读取这个文件夹${errno(p)}。请确认磁盘已连接且可读。`,
  'broken-link': (p) =>
    p.errno === 'ENOENT' || p.errno === 'ELOOP'
      ? '失效的链接：它指向的文件不存在。请恢复该文件或删除链接。'
      : `Broadsheet 无法跟随这个链接${errno(p)}。请检查它的权限。`,
  'file-name-encoding': (p) =>
    `文件名“${p.name}”不是有效的 UTF-8，Broadsheet 无法按名字打开它（它会指向另一个文件）。请改名。`,
  'outside-root': (p) =>
    `这个链接指向文章库文件夹之外（${p.target}），Broadsheet 不会跟随。如需阅读，请把目标添加为文章库文件夹。`,
  'clean-rules': (p) => `清理规则文件有问题${detail(p)}。`,
  'user-data': (p) =>
    `${
      p.kind === 'damaged' || p.kind === 'entries-dropped'
        ? '你的数据文件有损坏，原文件已另存一份'
        : p.kind === 'newer-version'
          ? '你的数据文件来自较新的 Broadsheet 版本，只读取不改写'
          : p.kind === 'save-failed'
            ? '无法保存你的数据'
            : '无法读取你的数据文件'
    }${detail(p)}。`,
  library: (p) => `文章库未能完成打开${detail(p)}。`,
  watch: (p) => `无法监视文件夹的变化${detail(p)}。`,
  'image-cache': (p) => `图片缓存有问题${detail(p)}。`,
  cache: (p) => `无法保存文章库缓存${detail(p)}，下次启动时会重新扫描。`,
};

const PLACEHOLDER_LEFT = /undefined|\$\{/;

/** The problem's reason in `language`; English (or anything this window cannot write) is the engine's message. */
export function problemReason(
  problem: Pick<Problem, 'code' | 'message' | 'params'>,
  language: UiLanguage,
): string {
  if (language === 'en') return problem.message;
  const template = (ZH as Record<string, Template | undefined>)[problem.code];
  if (!template) return problem.message;
  const text = template((problem.params ?? {}) as ProblemParams);
  return PLACEHOLDER_LEFT.test(text) ? problem.message : text;
}
