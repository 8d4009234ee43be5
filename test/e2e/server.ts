/**
 * Vitest global setup for browser tests: serves the built app (dist/) with Vite's preview server
 * on a free local port and hands its address to the tests.
 */
import { existsSync } from 'node:fs';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) throw new Error('dist/ saknas: kör "vite build" före webbläsartesterna (npm test gör det).');
  const server = await preview({ logLevel: 'warn', preview: { port: 4180, strictPort: false, host: '127.0.0.1' } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server did not report its address');
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}
