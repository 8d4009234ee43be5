import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * No request may leave the machine and no inline script may run: the built page carries a
 * Content-Security-Policy that allows only its own origin. (Left out in development, where Vite
 * injects inline styles for hot reloading.)
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'hemmaplan-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * Offline: a service worker precaches every file the app can load, the on-demand chunks (AG Grid,
 * ExcelJS, docx) and the grid's icon font included, so that after one visit everything works
 * without a network. A new version waits until the user presses "Uppdatera nu" (registerType
 * 'prompt': no skipWaiting at install); the registration is app code (src/ui/components/
 * UpdatePrompt.tsx), not an inline script, so the Content-Security-Policy stays strict.
 */
const offline = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  // The icons are matched by globPatterns below; listing them twice is noise.
  includeManifestIcons: false,
  manifest: {
    name: 'Hemmaplan – kostnadsscenarier för hemmaplanslösningar',
    short_name: 'Hemmaplan',
    description: 'Kostnadsscenarier för hemmaplanslösningar inom individ- och familjeomsorgen. Allt sparas i webbläsaren på den här datorn.',
    lang: 'sv',
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: '#1d4e5f',
    background_color: '#ffffff',
    icons: [
      { src: '/pwa-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/pwa-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/pwa-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,woff2,svg,png}'],
    globIgnores: ['**/*.map'],
    // AG Grid and ExcelJS are close to 1 MB each; nothing the app loads may be left out.
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    navigateFallback: 'index.html',
    // The first service worker takes the open page at once, so that it works offline without a
    // reload. This cannot swap code under an edit: an update only activates on "Uppdatera nu".
    clientsClaim: true,
    skipWaiting: false,
    cleanupOutdatedCaches: true,
    sourcemap: false,
  },
});

export default defineConfig({
  plugins: [solid(), contentSecurityPolicy(), offline],
  build: {
    target: 'es2022',
    sourcemap: true,
    // AG Grid's core is about 950 kB minified; it is loaded on demand by the spreadsheet pages.
    chunkSizeWarningLimit: 1100,
  },
  preview: { port: 4173, strictPort: true },
  test: {
    environment: 'node',
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        // Property tests run hundreds of cases and take seconds; on a busy two-core machine more.
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/build/**', 'test/e2e/**', '**/node_modules/**'], environment: 'node', testTimeout: 30_000 },
      },
      {
        extends: true,
        test: { name: 'build', include: ['test/build/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/server.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
