import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlPass } from './htmlPass';
import { MAX_HTML_DEPTH } from './limits';

describe('htmlPass: text', () => {
  it('leaves out markup, comments, style and script; decodes entities; keeps paragraphs on lines', () => {
    const r = htmlPass(
      '<div>\n<p>　　First&nbsp;para &amp; more</p><!-- <p>hidden</p> --><style>.a&#123;x&#125;</style>' +
        '<script>var s = "<p>no</p>";</script><p>Second\n   line</p>text<br>after</div>',
    );
    expect(r.text).toBe('First para & more\nSecond line\ntext\nafter');
  });

  it('keeps <pre> line breaks', () => {
    expect(htmlPass('<pre>a\n  b</pre><p>c</p>').text).toBe('a\nb\nc');
  });

  it('finds the first heading and the document title', () => {
    const r = htmlPass(
      '<html><head><title> Doc &amp; title </title></head><body><p>x</p><h2> Head <b>one</b></h2><h1>two</h1></body></html>',
    );
    expect(r.firstHeading).toBe('Head one');
    expect(r.documentTitle).toBe('Doc & title');
    expect(r.text).toBe('x\nHead one\ntwo');
  });

  it('survives 50,000 nested divs: stops at the depth limit, keeps the HTML whole', () => {
    const depth = 50_000;
    const html = `${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}`;
    const r = htmlPass(html);
    expect(r.tooDeep).toBe(true);
    expect(r.html).toBe(html);
    expect(htmlPass(`<p>before</p>${'<div><span>'.repeat(depth)}x`)).toMatchObject({
      tooDeep: true,
      text: 'before',
    });
  });

  it('reads nesting below the limit in full', () => {
    const depth = MAX_HTML_DEPTH - 10;
    const r = htmlPass(`${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}<p>after</p>`);
    expect(r).toMatchObject({ tooDeep: false, text: 'deep\nafter' });
  });
});

describe('htmlPass: image and link rewriting', () => {
  const html = readFileSync(new URL('./fixtures/lazy.html', import.meta.url), 'utf8');
  const r = htmlPass(html);

  it('gives lazy images their real src', () => {
    expect(r.html).toContain('src="https://file.digitaling.com/eImg/a.png"');
    expect(r.html).toContain('src="https://upload-images.jianshu.io/upload_images/5974177"');
    expect(r.html).toContain('src="https://n.sinaimg.cn/b.jpg"');
    expect(r.html).not.toContain('loadimg.gif"');
    expect(r.html).not.toContain('src="https://www.jianshu.com/p/undefined"');
  });

  it('keeps a real src', () => {
    expect(r.html).toContain(
      '<img src="https://keep.example/real.jpg" data-src="https://ignored.example/lazy.jpg">',
    );
  });

  it('makes protocol-relative links https', () => {
    expect(r.html).toContain('<a href="https://n.sinaimg.cn/page.html">');
  });

  it('is not fooled by tags inside comments or scripts', () => {
    expect(r.html).toContain('<!-- <img data-src="//fake.example/comment.jpg"> -->');
    expect(r.html).toContain(`document.write('<img data-src="//fake.example/script.jpg">')`);
  });

  it('leaves everything else byte for byte', () => {
    const untouched = '<p class=x>a &lt;b&gt; <img src="https://a/b.jpg" alt></p>';
    expect(htmlPass(untouched).html).toBe(untouched);
  });

  it('escapes attribute values it writes', () => {
    const out = htmlPass('<img data-src=\'//x/"onerror="alert(1)\'>').html;
    expect(out).toBe(
      '<img data-src="//x/&quot;onerror=&quot;alert(1)" src="https://x/&quot;onerror=&quot;alert(1)">',
    );
  });

  it('fixes protocol-relative srcset entries', () => {
    expect(htmlPass('<img src="https://a/x.jpg" srcset="//a/1.jpg 1x, //a/2.jpg 2x">').html).toContain(
      'srcset="https://a/1.jpg 1x, https://a/2.jpg 2x"',
    );
  });
});
