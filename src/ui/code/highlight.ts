/**
 * Python highlighting with highlight.js: its core and the Python grammar only, loaded the first time
 * code is shown (a dynamic import keeps them out of the first load).
 */
type Highlighter = (line: string) => string;

let loading: Promise<Highlighter> | undefined;

export function loadHighlighter(): Promise<Highlighter> {
  loading ??= Promise.all([
    import('highlight.js/lib/core'),
    import('highlight.js/lib/languages/python'),
  ]).then(([core, python]) => {
    const hljs = core.default;
    hljs.registerLanguage('python', python.default);
    // One line at a time: every line becomes its own element (to be marked), and the scripts
    // have no string or comment that spans lines.
    return (line: string) => hljs.highlight(line, { language: 'python', ignoreIllegals: true }).value;
  });
  return loading;
}
