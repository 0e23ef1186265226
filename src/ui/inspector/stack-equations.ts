/**
 * A kind's formula writes its equations side by side (`\qquad` between them), which suits a wide
 * page; the inspector is ~270 px wide, where the second equation ran off the box (MSE's
 * "c = 1 (or ½ with Half)" at 1280 × 720). Stacked one under the other, each fits.
 */
export function stackEquations(tex: string): string {
  const parts = splitTopLevel(tex, '\\qquad');
  if (parts.length < 2) return tex;
  return `\\begin{gathered}${parts.map((p) => p.trim()).join(' \\\\ ')}\\end{gathered}`;
}

/** Splits at `separator` outside braces and environments (a `\qquad` inside cases stays). */
function splitTopLevel(tex: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < tex.length; i++) {
    if (tex.startsWith('\\begin{', i)) depth++;
    else if (tex.startsWith('\\end{', i)) depth--;
    else if (tex[i] === '{') depth++;
    else if (tex[i] === '}') depth--;
    else if (
      depth === 0 &&
      tex.startsWith(separator, i) &&
      !/[a-zA-Z]/.test(tex[i + separator.length] ?? '')
    ) {
      parts.push(tex.slice(start, i));
      start = i + separator.length;
      i = start - 1;
    }
  }
  parts.push(tex.slice(start));
  return parts;
}
