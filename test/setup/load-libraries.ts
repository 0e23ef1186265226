// The app loads mathjs and papaparse on first use (src/engine/lazy.ts). Tests of the engine call the
// formula and CSV code directly, as the command line does, so they load both first; the loading
// state itself is tested in test/engine/lazy-libraries.test.ts with fresh modules.
import { csvSupport } from '../../src/engine/datasets/csv';
import { digitsSupport } from '../../src/engine/datasets/digits';
import { formulaSupport } from '../../src/engine/formula';
import { loadAll } from '../../src/engine/lazy';

await loadAll([formulaSupport, csvSupport, digitsSupport]);
