/**
 * The built app can be installed and works offline: the web manifest is Swedish and names icons
 * that exist at their stated sizes, the service worker precaches every file the app can load
 * (and no source map), and the page registers it without an inline script. Runs on dist/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = 'dist';

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

function manifest(): Record<string, unknown> & { icons: ManifestIcon[] } {
  return JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8'));
}

/** Every file under dist/, as a path relative to it with forward slashes. */
function builtFiles(dir = DIST): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? builtFiles(path) : [relative(DIST, path).replace(/\\/g, '/')];
  });
}

/** The URLs in the service worker's precache manifest. */
function precached(): string[] {
  const code = readFileSync(join(DIST, 'sw.js'), 'utf8');
  return [...code.matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1]!);
}

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('installing the app', () => {
  it('has a Swedish manifest that opens the app on its own, in the header colour', () => {
    const m = manifest();
    expect(m.name).toBe('Hemmaplan – kostnadsscenarier för hemmaplanslösningar');
    expect(m.short_name).toBe('Hemmaplan');
    expect(m.lang).toBe('sv');
    expect(m.description).toMatch(/hemmaplanslösningar/);
    expect(m.start_url).toBe('/');
    expect(m.display).toBe('standalone');
    const accent = /--accent:\s*(#[0-9a-f]{6})/i.exec(readFileSync('src/ui/styles.css', 'utf8'))?.[1];
    expect(m.theme_color).toBe(accent);
  });

  it('names PNG icons of 192 and 512 pixels and a maskable one, all built', () => {
    const icons = manifest().icons.filter((icon) => icon.type === 'image/png');
    const sizes = icons.map((icon) => ({ ...pngSize(join(DIST, icon.src)), stated: icon.sizes, purpose: icon.purpose ?? 'any' }));
    for (const s of sizes) expect(`${s.width}x${s.height}`).toBe(s.stated);
    expect(sizes.filter((s) => s.purpose.split(' ').includes('any')).map((s) => s.stated).sort()).toEqual(['192x192', '512x512']);
    expect(sizes.some((s) => s.purpose.split(' ').includes('maskable') && s.width >= 512)).toBe(true);
  });

  it('links the manifest and registers the service worker without an inline script', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest">');
    expect(html).toContain('<meta name="theme-color" content="#1d4e5f"');
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\ssrc="/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toContain('registerSW.js');
  });
});

describe('offline', () => {
  it('precaches every built file the app can load, and no source map', () => {
    const urls = precached();
    expect(new Set(urls).size).toBe(urls.length);
    // The service worker and its runtime are kept by the browser as the worker's own scripts.
    const worker = (file: string) => file === 'sw.js' || /^workbox-[\w-]+\.js$/.test(file);
    const loadable = builtFiles().filter((file) => !file.endsWith('.map') && !worker(file));
    expect([...urls].sort()).toEqual(loadable.sort());
    expect(urls.some((url) => url.endsWith('.map'))).toBe(false);
    // The on-demand code the exports and grids need is there.
    for (const name of [/^assets\/DataGrid-.*\.js$/, /^assets\/exceljs.*\.js$/, /^assets\/docx-.*\.js$/, /\.woff2$/, /^index\.html$/]) {
      expect(urls.some((url) => name.test(url)), String(name)).toBe(true);
    }
  });

  it('precaches only the app’s own files and waits for the user before a new version takes over', () => {
    const code = readFileSync(join(DIST, 'sw.js'), 'utf8');
    for (const url of precached()) expect(url).not.toMatch(/^[a-z]+:|^\/\//i);
    expect(code).not.toMatch(/https?:\/\//);
    // skipWaiting only as the answer to the page's message (the "Uppdatera nu" button).
    expect(code).toMatch(/SKIP_WAITING/);
    expect(code.match(/skipWaiting\(\)/g) ?? []).toHaveLength(1);
  });
});
