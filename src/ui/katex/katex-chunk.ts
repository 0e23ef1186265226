// KaTeX and its stylesheet (which names the fonts), as one chunk loaded when a formula is first shown.
import 'katex/dist/katex.min.css';

export { default as katex } from 'katex';
