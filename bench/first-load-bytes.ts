/**
 * What a first visit downloads before the app can start, from a built app (vite build): the entry
 * script, every module it preloads and every stylesheet index.html links, each gzipped (level 9, as
 * a server would send it). Used by the budget test (test/build) and `npm run bench:load`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The first load may be at most this many bytes, gzipped (issue #16). It measured 239.9 kB when the
 * budget was set, after zod/mini replaced classic zod and the CSV reader's rules joined papaparse in
 * their own chunk: the margin is for small features, not for another library.
 */
export const FIRST_LOAD_BUDGET = 250 * 1024;

export interface FirstLoadFile {
  path: string;
  kind: 'entry' | 'modulepreload' | 'stylesheet';
  bytes: number;
  gzip: number;
}

export interface FirstLoad {
  files: FirstLoadFile[];
  bytes: number;
  gzip: number;
}

export function firstLoadOf(dist: string): FirstLoad {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files: FirstLoadFile[] = [];
  const seen = new Set<string>();
  const add = (kind: FirstLoadFile['kind'], href: string) => {
    if (seen.has(href) || /^(data:|https?:)/.test(href)) return;
    seen.add(href);
    const content = readFileSync(join(dist, href.replace(/^\//, '')));
    files.push({ path: href, kind, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length });
  };
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
    if (tag.startsWith('<script') && attr('type') === 'module' && attr('src')) add('entry', attr('src')!);
    else if (attr('rel') === 'modulepreload' && attr('href')) add('modulepreload', attr('href')!);
    else if (attr('rel') === 'stylesheet' && attr('href')) add('stylesheet', attr('href')!);
  }
  return {
    files,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzip: files.reduce((sum, f) => sum + f.gzip, 0),
  };
}
