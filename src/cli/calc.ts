/**
 * `npm run --silent calc -- FILE [--scenario ID]`: prints the result document on stdout; exit 2
 * with Swedish messages on stderr for bad input, exit 1 only for a fault in the program.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCalculator } from './calculator';

/**
 * The folder a relative FILE is read from: the one the user typed the command in. `npm run calc`
 * starts this script in the project folder and says in INIT_CWD where it was called from. That is
 * trusted only when this is npm's run of `calc` in this project's folder: a process started some
 * other way under an npm script inherits both variables.
 */
const PROJECT_FOLDER = fileURLToPath(new URL('../..', import.meta.url));
const underOwnNpmRun = process.env.npm_lifecycle_event === 'calc' && realpathSync(process.cwd()) === realpathSync(PROJECT_FOLDER);
const userFolder = underOwnNpmRun && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();
const fullPath = (path: string) => resolve(userFolder, path);

let code: number;
try {
  code = runCalculator(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    readFile: (path) => readFileSync(fullPath(path), 'utf8'),
    fullPath,
  });
} catch (error) {
  process.stderr.write(`Internt fel i kalkylatorn: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  code = 1;
}
process.exitCode = code;
