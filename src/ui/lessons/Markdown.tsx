import { memo, useMemo } from 'react';
import { renderInline, renderMarkdown, tex } from './markdown';

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
  const html = useMemo(() => (inline ? renderInline(source) : renderMarkdown(source)), [source, inline]);
  const Tag = inline ? 'span' : 'div';
  return (
    <Tag
      className={`md ${className ?? ''}`}
      data-testid={testId}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: Markdown rendered with raw HTML escaped and KaTeX untrusted (markdown.ts).
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
});

/** A KaTeX formula given without $ delimiters (a check's label). */
export const Tex = memo(function Tex({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => tex(source), [source]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output, untrusted mode.
  return <span className={className} dangerouslySetInnerHTML={{ __html: html }} />;
});
