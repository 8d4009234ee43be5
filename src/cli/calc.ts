/**
 * `npm run --silent calc -- FILE [--scenario ID]`: prints the result document on stdout; exit 2
 * with Swedish messages on stderr for bad input, exit 1 only for a fault in the program.
 */
import { readFileSync } from 'node:fs';
import { runCalculator } from './calculator';

let code: number;
try {
  code = runCalculator(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    readFile: (path) => readFileSync(path, 'utf8'),
  });
} catch (error) {
  process.stderr.write(`Internt fel i kalkylatorn: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  code = 1;
}
process.exitCode = code;
