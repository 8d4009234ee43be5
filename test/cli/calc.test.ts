/**
 * The command-line calculator (EXCHANGE.md §4): in process through runCalculator, and twice as
 * the real `npm run --silent calc -- FILE` command.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCalculator } from '../../src/cli/calculator';

const PROJECT_DIR = fileURLToPath(new URL('../..', import.meta.url));
type Json = any;

const dir = mkdtempSync(join(tmpdir(), 'hemmaplan-calc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Two scenarios over one initiative costing 120 000 a year.
 * s1: 2026–2028; one HVB placement of 30 days avoided in 2026 (30 × 5 000 = 150 000).
 * s2: 2027–2028; no effects; 10 % discount rate of its own.
 */
function validDocument(): Record<string, unknown> {
  return {
    format: 'hemmaplan',
    version: 1,
    settings: { organisation: 'Borgholms kommun' },
    interventions: [],
    initiatives: [{ id: 'team', name: 'Hemmaplansteam', start: '2026-01', costLines: [{ id: 'l1', kind: 'annual', amountPerYear: '120000' }] }],
    placementTypes: [{ id: 'hvb', name: 'HVB', unit: 'day', price: '5000', priceYear: 2026 }],
    scenarios: [
      {
        id: 's1',
        name: 'Bas',
        startYear: 2026,
        years: 3,
        initiativeIds: ['team'],
        effects: [{ id: 'e1', fromPlacementTypeId: 'hvb', perYear: [{ year: 2026, placements: '1', unitsPerPlacement: '30' }] }],
      },
      { id: 's2', name: 'Senare start', startYear: 2027, years: 2, settings: { discountRatePercent: '10' }, initiativeIds: ['team'] },
    ],
  };
}

/** A document with two problems (in items nothing refers to, so each gives exactly one message). */
function invalidDocument(): Json {
  const doc: Json = validDocument();
  doc.scenarios[0].effects[0].perYear[0].placements = '-1';
  doc.scenarios[1].years = 0;
  return doc;
}

let fileNumber = 0;
function writeTemp(text: string): string {
  const file = join(dir, `dokument-${++fileNumber}.hemmaplan.json`);
  writeFileSync(file, text, 'utf8');
  return file;
}

interface Run {
  code: number;
  out: string;
  err: string;
}

/** runCalculator with the real file system, capturing what it writes. */
function run(args: string[]): Run {
  let out = '';
  let err = '';
  const code = runCalculator(args, {
    out: (text) => (out += text),
    err: (text) => (err += text),
    readFile: (path) => readFileSync(path, 'utf8'),
  });
  return { code, out, err };
}

/** A line that starts with a JSON path ("$", "settings.x", "initiatives[0].costLines[1].fte") and ": ". */
const PATH_LINE = /^(\$|[A-Za-z_]\w*(\[\d+\])*(\.[A-Za-z_]\w*(\[\d+\])*)*): \S/;

const MONEY = /^-?\d+\.\d{2}$/;

describe('runCalculator', () => {
  it('prints the result document for a valid document and exits 0', () => {
    const { code, out, err } = run([writeTemp(JSON.stringify(validDocument()))]);
    expect(code).toBe(0);
    expect(err).toBe('');
    const result: Json = JSON.parse(out);
    expect(result.format).toBe('hemmaplan-result');
    expect(result.version).toBe(1);
    expect(result.scenarios.map((s: Json) => s.id)).toEqual(['s1', 's2']);

    const s1 = result.scenarios[0];
    expect(s1).toMatchObject({ id: 's1', name: 'Bas', startYear: 2026, endYear: 2028, paybackYear: 2026 });
    expect(s1.years).toEqual([
      { year: 2026, cost: '120000.00', avoided: '150000.00', net: '30000.00', cumulativeNet: '30000.00' },
      { year: 2027, cost: '120000.00', avoided: '0.00', net: '-120000.00', cumulativeNet: '-90000.00' },
      { year: 2028, cost: '120000.00', avoided: '0.00', net: '-120000.00', cumulativeNet: '-210000.00' },
    ]);
    expect(s1.initiatives).toEqual([
      { id: 'team', years: [2026, 2027, 2028].map((year) => ({ year, cost: '120000.00' })), total: '360000.00' },
    ]);
    expect(s1.effects).toEqual([
      { id: 'e1', years: [{ year: 2026, avoided: '150000.00' }, { year: 2027, avoided: '0.00' }, { year: 2028, avoided: '0.00' }], total: '150000.00' },
    ]);
    expect(s1.totals).toEqual({ cost: '360000.00', avoided: '150000.00', net: '-210000.00', npv: '-210000.00' });
    expect(s1.breakEven).toEqual([
      { placementTypeId: 'hvb', unit: 'day', years: [2026, 2027, 2028].map((year) => ({ year, units: '24.00' })), averagePerYear: '24.00' },
    ]);
  });

  it('writes money with exactly two decimals and applies a scenario own settings', () => {
    const { code, out } = run([writeTemp(JSON.stringify(validDocument()))]);
    expect(code).toBe(0);
    const s2: Json = JSON.parse(out).scenarios[1];
    expect(s2).toMatchObject({ id: 's2', startYear: 2027, endYear: 2028, paybackYear: null });
    // −120 000 − 120 000 / 1.1 = −229 090.909…
    expect(s2.totals.npv).toBe('-229090.91');
    for (const value of [...s2.years.flatMap((y: Json) => [y.cost, y.avoided, y.net, y.cumulativeNet]), ...Object.values(s2.totals)]) {
      expect(value).toMatch(MONEY);
    }
  });

  it('computes only the scenario chosen with --scenario', () => {
    const file = writeTemp(JSON.stringify(validDocument()));
    const { code, out, err } = run([file, '--scenario', 's2']);
    expect(code).toBe(0);
    expect(err).toBe('');
    const result: Json = JSON.parse(out);
    expect(result.format).toBe('hemmaplan-result');
    expect(result.scenarios).toHaveLength(1);
    expect(result.scenarios[0].id).toBe('s2');
    expect(result.scenarios[0].years.map((y: Json) => y.year)).toEqual([2027, 2028]);
  });

  it('accepts --scenario before the file', () => {
    const file = writeTemp(JSON.stringify(validDocument()));
    const { code, out } = run(['--scenario', 's1', file]);
    expect(code).toBe(0);
    expect(JSON.parse(out).scenarios.map((s: Json) => s.id)).toEqual(['s1']);
  });

  it('exits 2 with nothing on stdout for an unknown scenario id', () => {
    const file = writeTemp(JSON.stringify(validDocument()));
    const { code, out, err } = run([file, '--scenario', 'finns-inte']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('finns-inte');
  });

  it('exits 2 for an invalid document, with one path-prefixed line per problem on stderr and nothing on stdout', () => {
    const { code, out, err } = run([writeTemp(JSON.stringify(invalidDocument()))]);
    expect(code).toBe(2);
    expect(out).toBe('');
    const lines = err.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(PATH_LINE);
    expect(lines.some((line) => line.startsWith('scenarios[0].effects[0].perYear[0].placements: '))).toBe(true);
    expect(lines.some((line) => line.startsWith('scenarios[1].years: '))).toBe(true);
  });

  it('exits 2 for a document of a newer version, naming the version', () => {
    const { code, out, err } = run([writeTemp(JSON.stringify({ ...validDocument(), version: 2 }))]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^version: .*\b2\b/);
  });

  it('exits 2 with a message naming the file when it does not exist', () => {
    const missing = join(dir, 'finns-inte.hemmaplan.json');
    const { code, out, err } = run([missing]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(missing);
    expect(err.trim().length).toBeGreaterThan(missing.length + 2);
  });

  it('exits 2 for a directory instead of a file', () => {
    const { code, out, err } = run([dir]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(dir);
  });

  it('exits 2 for text that is not JSON, with a message at "$"', () => {
    const { code, out, err } = run([writeTemp('format: hemmaplan\nversion: 1\n')]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^\$: .*JSON/);
  });

  it('exits 2 for an empty file', () => {
    const { code, out, err } = run([writeTemp('')]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^\$: /);
  });

  it('reads a file that starts with a byte order mark', () => {
    const { code, out } = run([writeTemp('\uFEFF' + JSON.stringify(validDocument()))]);
    expect(code).toBe(0);
    expect(JSON.parse(out).format).toBe('hemmaplan-result');
  });

  it('exits 2 with a usage message when no file is given', () => {
    const { code, out, err } = run([]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/calc/);
  });

  it('takes an empty file name for no file, not for the current folder', () => {
    const { code, out, err } = run(['']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^Ingen fil angiven\./);
  });

  it('says which full path a missing file was looked for at', () => {
    let err = '';
    const code = runCalculator(['saknas.hemmaplan.json'], {
      out: () => {},
      err: (text) => (err += text),
      readFile: () => {
        throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      },
      fullPath: (path) => `/hem/planering/${path}`,
    });
    expect(code).toBe(2);
    expect(err).toBe('saknas.hemmaplan.json: filen finns inte (/hem/planering/saknas.hemmaplan.json).\n');
  });

  it('exits 2 when --scenario has no id', () => {
    const { code, out, err } = run([writeTemp(JSON.stringify(validDocument())), '--scenario']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('--scenario');
  });
});

describe('npm run --silent calc', () => {
  function calc(file: string, cwd = PROJECT_DIR) {
    return spawnSync('npm', ['run', '--silent', 'calc', '--', file], { cwd, encoding: 'utf8', timeout: 25_000 });
  }

  it('prints only the result JSON on stdout and exits 0', { timeout: 30_000 }, () => {
    const result = calc(writeTemp(JSON.stringify(validDocument())));
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(0);
    expect(result.stdout.trimStart().startsWith('{')).toBe(true);
    const json: Json = JSON.parse(result.stdout);
    expect(json.format).toBe('hemmaplan-result');
    expect(json.scenarios.map((s: Json) => s.id)).toEqual(['s1', 's2']);
    expect(json.scenarios[0].totals.cost).toBe('360000.00');
    expect(result.stderr).toBe('');
  });

  it('exits 2 with an empty stdout and path-prefixed messages for an invalid file', { timeout: 30_000 }, () => {
    const result = calc(writeTemp(JSON.stringify(invalidDocument())));
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n').filter((line) => line !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(PATH_LINE);
    expect(result.stderr).toContain('scenarios[0].effects[0].perYear[0].placements: ');
  });

  it('reads a relative FILE from the folder the command is typed in, not the project folder', { timeout: 30_000 }, () => {
    // npm runs the script in the project folder; the example lies two folders down.
    const result = calc('exempel.hemmaplan.json', join(PROJECT_DIR, 'src', 'defaults'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).format).toBe('hemmaplan-result');
  });

  it('reads a relative FILE from its own folder when an outer npm script named calc started it elsewhere', { timeout: 30_000 }, () => {
    // Such a process inherits npm's variables; INIT_CWD then says nothing about this command.
    const result = spawnSync(join(PROJECT_DIR, 'node_modules', '.bin', 'tsx'), [join(PROJECT_DIR, 'src', 'cli', 'calc.ts'), join('defaults', 'exempel.hemmaplan.json')], {
      cwd: join(PROJECT_DIR, 'src'),
      env: { ...process.env, npm_lifecycle_event: 'calc', INIT_CWD: tmpdir() },
      encoding: 'utf8',
      timeout: 25_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).format).toBe('hemmaplan-result');
  });
});
