/**
 * `npm run --silent calc -- FILE [--scenario ID]`: prints the result document on stdout; exit 2
 * with Swedish messages on stderr for bad input, exit 1 only for a fault in the program.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCalculator } from './calculator';

/**
 * The folder a relative FILE is read from: the one the user typed the command in. `npm run` starts
 * the script in the project's folder and says where it was called from in INIT_CWD; only this
 * script's own npm run is trusted for that (a process started some other way under npm inherits it).
 */
const userFolder = process.env.npm_lifecycle_event === 'calc' && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();

let code: number;
try {
  code = runCalculator(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    readFile: (path) => readFileSync(resolve(userFolder, path), 'utf8'),
  });
} catch (error) {
  process.stderr.write(`Internt fel i kalkylatorn: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  code = 1;
}
process.exitCode = code;
