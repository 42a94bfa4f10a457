import { describe, expect, it } from 'vitest';
import { expandShortcodes } from './hugoShortcodes';

const md = (s: string) => expandShortcodes(s, 'markdown');

describe('expandShortcodes', () => {
  it('turns video shortcodes into links to the video', () => {
    expect(md('{{< youtube w7Ft2ymGmfc >}}')).toContain(
      '<a href="https://www.youtube.com/watch?v=w7Ft2ymGmfc">',
    );
    expect(md('{{< youtube id="w7Ft2ymGmfc" title="Keynote" >}}')).toContain('>Keynote</a>');
    expect(md('{{< vimeo 146022717 >}}')).toContain('href="https://vimeo.com/146022717"');
    expect(
      md('{{< video src="https://cdn.example.org/v.mp4" poster="https://cdn.example.org/p.jpg" >}}'),
    ).toMatch(/<a href="https:\/\/cdn\.example\.org\/v\.mp4"><img src="https:\/\/cdn\.example\.org\/p\.jpg"/);
    expect(md('{{< tweet user="SanDiegoZoo" id="1453110110599868418" >}}')).toContain(
      'href="https://x.com/SanDiegoZoo/status/1453110110599868418"',
    );
    expect(md('{{< gist spf13 7896402 >}}')).toContain('href="https://gist.github.com/spf13/7896402"');
  });

  it('turns figure into a figure with its caption, escaped', () => {
    const out = md(
      '{{< figure src="//img.example.org/a.jpg" title="港島" caption="<b>夜景</b>" link="https://x.org/" >}}',
    );
    expect(out).toContain(
      '<figure><a href="https://x.org/"><img src="https://img.example.org/a.jpg" alt="港島"></a><figcaption>港島 — &lt;b&gt;夜景&lt;/b&gt;</figcaption></figure>',
    );
  });

  it('removes unknown shortcodes and keeps the text a pair wraps', () => {
    expect(md('a {{< param "author" >}}b')).toBe('a b');
    expect(md('{{% notice warning %}}Be **careful**{{% /notice %}}')).toBe('Be **careful**');
    expect(md('{{< unknown >}}')).toBe('');
  });

  it('refuses addresses with other schemes and ids that are not ids', () => {
    expect(md('{{< video src="javascript:alert(1)" >}}')).toBe('');
    expect(md('{{< figure src="file:///etc/passwd" >}}')).toBe('');
    expect(md('{{< youtube "x\\" onerror=alert(1)" >}}')).toBe('');
    expect(md('{{< figure src="a.jpg" caption="\\" onload=\\"x" >}}')).toContain(
      'alt="&quot; onload=&quot;x"',
    );
  });

  it('turns highlight pairs into fenced code, and shows escaped shortcodes as written', () => {
    expect(md('{{< highlight go >}}\nfunc main() {}\n{{< /highlight >}}')).toBe(
      '\n```go\nfunc main() {}\n```\n',
    );
    expect(expandShortcodes('{{< highlight go >}}a<b{{< /highlight >}}', 'html')).toBe(
      '<pre><code class="language-go">a&lt;b</code></pre>',
    );
    expect(md('{{</* youtube abc */>}}')).toBe('{{&lt; youtube abc &gt;}}');
  });

  it('leaves template text and broken openings alone; many unclosed pairs cost one search each', () => {
    expect(md('{{ .Title }} and {{< unterminated')).toBe('{{ .Title }} and {{< unterminated');
    expect(md('no braces')).toBe('no braces');
    const many = '{{< highlight go >}}x'.repeat(20_000);
    expect(md(many)).toBe('x'.repeat(20_000)); // unclosed: each opening removed, the text kept
  });
});
