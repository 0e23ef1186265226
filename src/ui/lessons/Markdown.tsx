import { memo } from 'react';
import { lazy } from '../../engine/lazy';
import { LazyView } from '../lazy/LazyView';

/** marked and KaTeX with the lesson rules (markdown.ts), loaded when the first lesson text is shown. */
export const markdownLibrary = lazy('the lesson text renderer', () => import('./markdown'));

/** Lesson text: Markdown with KaTeX, raw HTML shown as text (see markdown.ts). */
export const Markdown = memo(function Markdown({
  source,
  className,
  inline,
  testId,
}: {
  source: string;
  className?: string;
  inline?: boolean;
  testId?: string;
}) {
  const Tag = inline ? 'span' : 'div';
  return (
    <LazyView lib={markdownLibrary} inline={inline}>
      {(md) => (
        <Tag
          className={`md ${className ?? ''}`}
          data-testid={testId}
          // biome-ignore lint/security/noDangerouslySetInnerHtml: Markdown rendered with raw HTML escaped and KaTeX untrusted (markdown.ts).
          dangerouslySetInnerHTML={{ __html: rendered(md, source, inline) }}
        />
      )}
    </LazyView>
  );
});

/** A KaTeX formula given without $ delimiters (a check's label). */
export const Tex = memo(function Tex({ source, className }: { source: string; className?: string }) {
  return (
    <LazyView lib={markdownLibrary} inline placeholder={source}>
      {(md) => (
        // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output, untrusted mode.
        <span className={className} dangerouslySetInnerHTML={{ __html: md.tex(source) }} />
      )}
    </LazyView>
  );
});

type MarkdownModule = typeof import('./markdown');

/** Remembers the last rendering per text: a lesson panel re-renders often, its text seldom changes. */
const renderings = new Map<string, string>();

function rendered(md: MarkdownModule, source: string, inline = false): string {
  const key = `${inline ? 'i' : 'b'}${source}`;
  let html = renderings.get(key);
  if (html === undefined) {
    html = inline ? md.renderInline(source) : md.renderMarkdown(source);
    renderings.set(key, html);
    if (renderings.size > 200) renderings.delete(renderings.keys().next().value as string);
  }
  return html;
}
