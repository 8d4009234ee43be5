/**
 * The JavaScript a browser loads at start (index.html's module script and everything it imports
 * statically) stays within 400 KB gzip. Runs on the built app in dist/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const DIST = 'dist';
const BUDGET = 400 * 1024;

/** Relative static imports of a built chunk: `import … from "./x.js"` and `import "./x.js"`, not `import("./x.js")`. */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) found.add(match[1]!);
  for (const match of code.matchAll(/(?:^|[;\s}])export\s*[\w*{}\s,$]+from\s*["']([^"']+)["']/g)) found.add(match[1]!);
  return [...found].filter((spec) => spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('/'));
}

function startupScripts(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entries = [
    ...[...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]!),
  ].map((src) => src.replace(/^\//, ''));
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(DIST, file), 'utf8');
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
    for (const spec of staticImports(code)) {
      queue.push(spec.startsWith('/') ? spec.slice(1) : join(dir, spec).replace(/\\/g, '/'));
    }
  }
  return [...seen];
}

describe('the built app', () => {
  it('exists (npm test builds it first)', () => {
    expect(existsSync(join(DIST, 'index.html'))).toBe(true);
  });

  it('loads at most 400 KB of gzipped JavaScript at start', () => {
    const files = startupScripts();
    expect(files.length).toBeGreaterThan(0);
    const sizes = files.map((file) => ({ file, gzip: gzipSync(readFileSync(join(DIST, file))).length }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    console.log(`start-up JavaScript: ${(total / 1024).toFixed(1)} KB gzip in ${files.length} file(s): ${sizes.map((s) => `${s.file} ${(s.gzip / 1024).toFixed(1)} KB`).join(', ')}`);
    expect(total).toBeLessThanOrEqual(BUDGET);
  });

  it('keeps AG Grid out of the start-up JavaScript', () => {
    const code = startupScripts().map((file) => readFileSync(join(DIST, file), 'utf8')).join('\n');
    expect(code).not.toContain('ag-root-wrapper');
  });

  it('finds static imports but not dynamic ones', () => {
    expect(staticImports('import{a as b}from"./x.js";import"./y.js";const c=()=>import("./z.js");export{d}from"./w.js"')).toEqual(['./x.js', './y.js', './w.js']);
  });
});
