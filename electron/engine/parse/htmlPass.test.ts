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

describe('htmlPass text around SVG and MathML', () => {
  const text = (html: string) => htmlPass(html).text;

  it('leaves out the drawing, and keeps what follows a closed one', () => {
    expect(text('<p>before</p><svg><text>icon</text></svg><p>after</p>')).toBe('before\nafter');
  });

  it('reads an HTML tag inside an unclosed <svg> or <math> as the browser does: the drawing ends there', () => {
    expect(text('<p>before</p><svg><path d="M0"></path><p>after</p><div>more</div>')).toBe(
      'before\nafter\nmore',
    );
    expect(text('<p>a</p><math><mi>x</mi><p>after math</p>')).toBe('a\nafter math');
    expect(text('<svg><g><SVG><P>upper case</P></SVG></g>')).toBe('upper case');
    expect(text('<svg><script>x</script><p>after a script</p>')).toBe('after a script');
  });

  it('keeps <font> inside the drawing unless it has the attributes that end it', () => {
    expect(text('<svg><font>drawn</font></svg><p>out</p>')).toBe('out');
    expect(text('<svg><font color="red">shown</font>')).toBe('shown');
  });

  it('does not end the drawing inside its HTML islands (foreignObject, desc, title)', () => {
    expect(text('<svg><foreignObject><div>island</div></foreignObject></svg><p>end</p>')).toBe('end');
    expect(text('<svg><desc><p>described</p></desc></svg><p>end</p>')).toBe('end');
  });

  it('never takes an SVG <title> tooltip for the document title', () => {
    const pass = htmlPass('<svg><title>Icon</title></svg><p>body</p>');
    expect(pass.documentTitle).toBe('');
    expect(htmlPass('<title>Page</title><svg><title>Icon</title></svg>').documentTitle).toBe('Page');
  });
});
