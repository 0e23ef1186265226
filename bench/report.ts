/** The benchmark's results as a console table and as Markdown for bench/RESULTS.md. */
import os from 'node:os';

export const CONTENDERS = ['engine dense', 'engine neuron', 'hand-written', 'tfjs-cpu'] as const;
export type ContenderName = (typeof CONTENDERS)[number];

/** Minimum engine/hand-written ratios. */
export const TARGETS: Partial<Record<ContenderName, number>> = { 'engine dense': 0.7, 'engine neuron': 0.5 };

export interface Result {
  /** Median examples per second over the timed runs. */
  rate: number;
  runs: number[];
  lossBefore: number;
  lossAfter: number;
}

export interface SizeResults {
  network: string;
  results: Partial<Record<ContenderName, Result>>;
}

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  platform: string;
  tfjs: string;
  /** 1-minute load average when the run started: above 1 or so, other work shared the CPU. */
  load: number;
}

export function machine(tfjs: string): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    tfjs,
    load: os.loadavg()[0],
  };
}

export const describeMachine = (m: Machine) =>
  `${m.cpu}, ${m.cores} cores, Node ${m.node}, ${m.platform}; tfjs ${m.tfjs}; load average ${m.load.toFixed(2)}`;

const rate = (r?: Result) => (r ? Math.round(r.rate).toLocaleString('en-US') : '–');

/** engine/hand-written, marked when a target is missed. */
function ratio(size: SizeResults, name: ContenderName): string {
  const r = size.results[name];
  const hand = size.results['hand-written'];
  if (!r || !hand) return '–';
  const x = r.rate / hand.rate;
  const target = TARGETS[name];
  const mark = target === undefined ? '' : x >= target ? ' ✓' : ` ✗ (< ${target})`;
  return `${x < 0.1 ? x.toFixed(3) : x.toFixed(2)}×${mark}`;
}

const HEADER = [
  'network',
  ...CONTENDERS.map((c) => `${c} (ex/s)`),
  'dense / hand',
  'neuron / hand',
  'tfjs / hand',
];

function rows(sizes: SizeResults[]): string[][] {
  return sizes.map((s) => [
    s.network,
    ...CONTENDERS.map((c) => rate(s.results[c])),
    ratio(s, 'engine dense'),
    ratio(s, 'engine neuron'),
    ratio(s, 'tfjs-cpu'),
  ]);
}

/** A plain-text table, numbers right-aligned. */
export function textTable(sizes: SizeResults[]): string {
  const all = [HEADER, ...rows(sizes)];
  const widths = HEADER.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  return all
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '))
    .join('\n');
}

/** A Markdown table, its columns padded as Biome formats Markdown, numbers right-aligned. */
export function markdownTable(sizes: SizeResults[]): string {
  const all = [HEADER, ...rows(sizes)];
  const widths = HEADER.map((_, c) => Math.max(3, ...all.map((r) => r[c].length)));
  const pad = (cell: string, c: number) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const rule = widths.map((w, c) => (c === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`));
  return [line(HEADER.map(pad)), line(rule), ...rows(sizes).map((r) => line(r.map(pad)))].join('\n');
}

/** Loss over all training points before and after each contender's training, one line per contender. */
export function lossLines(sizes: SizeResults[]): string[] {
  const out: string[] = [];
  for (const s of sizes) {
    for (const c of CONTENDERS) {
      const r = s.results[c];
      if (r)
        out.push(
          `${s.network.padEnd(13)} ${c.padEnd(14)} ${r.lossBefore.toFixed(4)} → ${r.lossAfter.toFixed(4)}`,
        );
    }
  }
  return out;
}

/** Contenders whose loss did not go down: they did not learn, so their speed means nothing. */
export function notLearning(sizes: SizeResults[]): string[] {
  const out: string[] = [];
  for (const s of sizes) {
    for (const c of CONTENDERS) {
      const r = s.results[c];
      if (r && !(r.lossAfter < r.lossBefore)) {
        out.push(`${c} on ${s.network}: loss ${r.lossBefore.toFixed(4)} → ${r.lossAfter.toFixed(4)}`);
      }
    }
  }
  return out;
}

/** Ratios below their target. */
export function missedTargets(sizes: SizeResults[]): string[] {
  const out: string[] = [];
  for (const s of sizes) {
    const hand = s.results['hand-written'];
    for (const [name, target] of Object.entries(TARGETS) as [ContenderName, number][]) {
      const r = s.results[name];
      if (r && hand && r.rate / hand.rate < target) {
        out.push(
          `${name} on ${s.network}: ${(r.rate / hand.rate).toFixed(2)}× of hand-written (target ${target}×)`,
        );
      }
    }
  }
  return out;
}
