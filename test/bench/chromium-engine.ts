/**
 * The engine's part of `npm run bench` run where the app runs, in Debian's Chromium: the same
 * validation and evaluation of the same stress document, bundled by Vite into one script and timed
 * in a page by the page's own clock. Chromium's JavaScript engine is newer than Node's, so the two
 * figures differ on one machine.
 */
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { CHROMIUM_PATH, launchBrowser } from '../e2e/browser';
import { type DocumentTimings, formatTimings } from './timing';

/** The bench entry as one script that sets `hemmaplanBench` on the page. */
async function bundle(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: fileURLToPath(new URL('./chromium-entry.ts', import.meta.url)), name: 'hemmaplanBench', formats: ['iife'] },
    },
  });
  const output = (Array.isArray(result) ? result[0] : result) as Rollup.RolldownOutput;
  return output.output[0].code;
}

/** Prints the stress document's validate, evaluate and total medians in Chromium, or why it cannot. */
export async function measureInChromium(label: string, runs: number): Promise<void> {
  let browser;
  try {
    browser = await launchBrowser();
  } catch {
    console.log(`${label.padEnd(28)} in Chromium: not measured, no browser at ${CHROMIUM_PATH} (bash test/e2e/ensure-chromium.sh installs it)`);
    return;
  }
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: await bundle() });
    const timings = await page.evaluate((n) => (globalThis as unknown as { hemmaplanBench: { measureStress(runs: number): DocumentTimings } }).hemmaplanBench.measureStress(n), runs);
    console.log(`${label.padEnd(28)} in Chromium ${browser.version()}: ${formatTimings(timings)}`);
  } finally {
    await browser.close();
  }
}
