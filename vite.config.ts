import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import solid from 'vite-plugin-solid';

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

export default defineConfig({
  plugins: [solid(), contentSecurityPolicy()],
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
