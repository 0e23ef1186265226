import { create, derivativeDependencies, parseDependencies } from 'mathjs';

/**
 * A mathjs instance holding only the parser and `derivative` (which pulls in its own helpers).
 * Building it with `create()` instead of importing the full bundle keeps the browser bundle small and
 * leaves out every function a formula could abuse (`import`, `evaluate`, `createUnit`, ...).
 * We never evaluate user text with mathjs anyway: formulas are parsed, checked against an allow-list
 * and compiled to plain JS (see codegen.ts).
 */
export const math = create({ parseDependencies, derivativeDependencies });
