/**
 * Draws the app icons in public/ from public/favicon.svg with Chromium, once, by hand:
 * `npx tsx test/icons/make-icons.ts`. The PNGs are committed as design assets; run this again
 * only when the favicon changes.
 *
 * - pwa-192.png and pwa-512.png: the favicon as it is (rounded square, transparent corners).
 * - pwa-maskable-512.png: a full-bleed square in the header colour with the house inside the
 *   central safe zone (a circle of 80 % of the width), so that any mask shape keeps it whole.
 */
import { readFileSync } from 'node:fs';
import { launchBrowser } from '../e2e/browser';

const svg = readFileSync(new URL('../../public/favicon.svg', import.meta.url), 'utf8');
const house = svg.match(/<path[^>]*\/>/)?.[0];
if (!house) throw new Error('favicon.svg has no <path>');
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#1d4e5f"/><g transform="translate(32 34) scale(0.72) translate(-32 -34)">${house}</g></svg>`;

const icons: { file: string; size: number; svg: string }[] = [
  { file: 'pwa-192.png', size: 192, svg },
  { file: 'pwa-512.png', size: 512, svg },
  { file: 'pwa-maskable-512.png', size: 512, svg: maskable },
];

const browser = await launchBrowser();
try {
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    const body = icon.svg.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `);
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${body}`);
    await page.screenshot({ path: new URL(`../../public/${icon.file}`, import.meta.url).pathname, omitBackground: true });
    await page.close();
    console.log(`public/${icon.file} ${icon.size}×${icon.size}`);
  }
} finally {
  await browser.close();
}
