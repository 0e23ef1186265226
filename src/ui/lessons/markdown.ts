/**
 * Lesson text to HTML: Markdown (marked) with $…$ and $$…$$ typeset by KaTeX. Lessons are files a
 * learner may import, so nothing in them reaches the page as markup of its own: raw HTML is shown
 * as text, links go only to http(s) and mailto, images show their alt text, and KaTeX runs
 * untrusted (no \href, no \url, no HTML extensions).
 * Loaded on first use, with marked and KaTeX (see Markdown.tsx).
 */
import { Marked, type Tokens } from 'marked';
import { katex } from '../katex/katex-chunk';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

export function tex(source: string, display = false): string {
  return katex.renderToString(source, {
    displayMode: display,
    throwOnError: false,
    trust: false,
    strict: 'ignore',
    output: 'htmlAndMathml',
  });
}

interface MathToken extends Tokens.Generic {
  type: 'math' | 'inlineMath';
  raw: string;
  text: string;
  display: boolean;
}

const SAFE_URL = /^(https?:|mailto:|#)/i;

const marked = new Marked({ gfm: true, breaks: false, async: false });
marked.use({
  extensions: [
    {
      // $$…$$ as a paragraph of its own.
      name: 'math',
      level: 'block',
      start: (src: string) => src.match(/^ {0,3}\$\$/m)?.index,
      tokenizer(src: string): MathToken | undefined {
        const m = /^ {0,3}\$\$([\s\S]+?)\$\$[ \t]*(?:\n+|$)/.exec(src);
        if (m) return { type: 'math', raw: m[0], text: m[1].trim(), display: true };
        return undefined;
      },
      renderer: (token) => `<div class="md-math">${tex(token.text, true)}</div>\n`,
    },
    {
      // $$…$$ inside a paragraph (display) and $…$ (inline). A \$ is a dollar sign.
      name: 'inlineMath',
      level: 'inline',
      start: (src: string) => {
        const i = src.search(/(?<!\\)\$/);
        return i < 0 ? undefined : i;
      },
      tokenizer(src: string): MathToken | undefined {
        const display = /^\$\$([\s\S]+?)\$\$/.exec(src);
        if (display) return { type: 'inlineMath', raw: display[0], text: display[1].trim(), display: true };
        const inline = /^\$((?:\\.|[^\\$\n])+?)\$/.exec(src);
        if (inline) return { type: 'inlineMath', raw: inline[0], text: inline[1], display: false };
        return undefined;
      },
      renderer: (token) =>
        token.display
          ? `<span class="md-math md-math--display">${tex(token.text, true)}</span>`
          : tex(token.text),
    },
  ],
  renderer: {
    html: ({ text }) => escapeHtml(text),
    link({ href, title, tokens }) {
      const text = this.parser.parseInline(tokens);
      if (!SAFE_URL.test(href)) return text;
      const t = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(href)}"${t} target="_blank" rel="noopener noreferrer">${text}</a>`;
    },
    image: ({ text }) => escapeHtml(text),
  },
});

const cache = new Map<string, string>();

/** Markdown with KaTeX → safe HTML (cached: lesson texts are few and fixed). */
export function renderMarkdown(source: string): string {
  let html = cache.get(source);
  if (html === undefined) {
    html = marked.parse(source, { async: false }) as string;
    if (cache.size > 500) cache.clear();
    cache.set(source, html);
  }
  return html;
}

/** One line (a title, a check): inline Markdown only, no paragraph around it. */
export function renderInline(source: string): string {
  const key = `\u0000inline:${source}`;
  let html = cache.get(key);
  if (html === undefined) {
    html = marked.parseInline(source, { async: false }) as string;
    cache.set(key, html);
  }
  return html;
}
