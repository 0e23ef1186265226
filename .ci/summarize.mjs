// Sums the unit (Vitest) and browser (Playwright) JSON reports into the one line CI reads.
// A failing type check or lint (no test report, non-zero exit) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
let skipped = 0;

if (existsSync('.reports/vitest.json')) {
  const r = JSON.parse(readFileSync('.reports/vitest.json', 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  console.log(`unit: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}
if (existsSync('.reports/playwright.json')) {
  const s = JSON.parse(readFileSync('.reports/playwright.json', 'utf8')).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
  console.log(`browser: ${s.expected + s.flaky} passed, ${s.unexpected} failed${s.flaky ? ` (${s.flaky} flaky)` : ''}`);
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
