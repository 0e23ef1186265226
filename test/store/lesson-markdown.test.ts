import { describe, expect, it } from 'vitest';
import { builtinLessons } from '../../src/format/lessons';
import { renderInline, renderMarkdown } from '../../src/ui/lessons/markdown';

/** The text a reader sees: KaTeX's MathML copy and the tags removed. */
const visible = (html: string) =>
  html.replace(/<span class="katex-mathml">[\s\S]*?<\/math><\/span>/g, '').replace(/<[^>]+>/g, '');

describe('lesson text', () => {
  it('renders Markdown with $…$ and $$…$$ typeset by KaTeX', () => {
    const html = renderMarkdown(
      'A **bold** $w = 1$ claim.\n\n$$\\frac{\\partial L}{\\partial w} = 11.31$$\n\n- one\n- two',
    );
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('class="md-math"');
    expect(html).toContain('katex-display');
    expect(html.match(/class="katex"/g)).toHaveLength(2);
    expect(html.match(/<li>/g)).toHaveLength(2);
    expect(visible(html)).not.toContain('$');
  });

  it('shows raw HTML as text and keeps only safe links', () => {
    const html = renderMarkdown(
      'Hi <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n<div onclick="x()">block</div>\n\n[bad](javascript:alert(1)) [good](https://example.org) ![pic](https://x/y.png) costs \\$5',
    );
    expect(html).not.toMatch(/<script|<img|<div/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('href="https://example.org"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(visible(html)).toContain('costs $5');
  });

  it('runs KaTeX untrusted: no \\href', () => {
    expect(renderInline('$\\href{javascript:alert(1)}{x}$')).not.toContain('href="javascript');
  });

  it('typesets every built-in lesson without a KaTeX error or a stray $', () => {
    for (const lesson of builtinLessons()) {
      const texts = [
        lesson.summary,
        ...lesson.steps.map((s) => s.body),
        ...lesson.variants.flatMap((v) => [v.change, v.result]),
      ];
      for (const text of texts) {
        const html = renderMarkdown(text);
        expect(html).not.toContain('katex-error');
        expect(visible(html)).not.toContain('$');
      }
    }
  });
});
