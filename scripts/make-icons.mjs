// The app's PNG icons (web app manifest, Apple touch icon), drawn from ONE source: public/icon.svg.
// Rendered by Chromium through Playwright (no image library needed):  node scripts/make-icons.mjs
// Run it again after changing the SVG, and commit public/icons/*.png.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(join(root, 'public', 'icon.svg'), 'utf8');

/**
 * `any` icons are the SVG edge to edge (its rounded corners are transparent). A `maskable` icon must
 * keep its drawing inside the central 80 % "safe zone" and fill the whole square: the SVG is drawn at
 * 80 % on its own background colour, so any mask shape the platform uses cuts only background.
 */
const ICONS = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'maskable-512.png', size: 512, maskable: true },
  { file: 'apple-touch-icon-180.png', size: 180, maskable: true },
];
const BACKGROUND = /fill="(#[0-9a-f]{6})"/i.exec(svg)?.[1] ?? '#5b5bd6';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ deviceScaleFactor: 1 });
for (const { file, size, maskable } of ICONS) {
  const inner = maskable ? Math.round(size * 0.8) : size;
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${
      maskable ? BACKGROUND : 'transparent'
    }"><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${inner}" height="${inner}"></body></html>`,
  );
  await page.locator('img').evaluate((img) => img.decode());
  const png = await page.screenshot({ omitBackground: !maskable, clip: { x: 0, y: 0, width: size, height: size } });
  writeFileSync(join(root, 'public', 'icons', file), png);
  console.log(`public/icons/${file}  ${size}×${size}${maskable ? ' (maskable)' : ''}`);
}
await browser.close();
