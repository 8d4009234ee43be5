/**
 * The calculator's work, apart from the process it runs in: arguments in, result document or
 * Swedish messages out (EXCHANGE.md §4).
 */
import { parseDocumentText, issueLines } from '../exchange/document';
import { resultDocument } from '../exchange/result';
import { evaluateScenario } from '../domain/scenario';

const USAGE = 'Användning: npm run --silent calc -- FIL [--scenario ID]';

/** Exit codes: 0 done, 1 a fault in the program, 2 bad input. */
export interface CalculatorIO {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Reads a file named as the user gave it. */
  readFile: (path: string) => string;
  /** The full path a file named as the user gave it is read from, for a message about it. */
  fullPath?: (path: string) => string;
}

export function runCalculator(args: readonly string[], io: CalculatorIO): number {
  let file: string | undefined;
  let scenarioId: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--scenario') {
      scenarioId = args[++i];
      if (scenarioId === undefined) {
        io.err(`--scenario saknar ett scenario-id.\n${USAGE}\n`);
        return 2;
      }
    } else if (arg.startsWith('--scenario=')) {
      scenarioId = arg.slice('--scenario='.length);
    } else if (arg === '--help' || arg === '-h') {
      io.err(`${USAGE}\n`);
      return 2;
    } else if (arg.startsWith('--') && arg !== '--') {
      io.err(`Okänt val: ${arg}\n${USAGE}\n`);
      return 2;
    } else if (file === undefined) {
      file = arg;
    } else {
      io.err(`Ange bara en fil (fick även ${arg}).\n${USAGE}\n`);
      return 2;
    }
  }
  if (file === undefined || file === '') {
    io.err(`Ingen fil angiven.\n${USAGE}\n`);
    return 2;
  }

  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'filen finns inte' : code === 'EISDIR' ? 'det är en mapp, inte en fil' : code === 'EACCES' ? 'behörighet saknas' : 'den kunde inte läsas';
    const full = io.fullPath?.(file);
    io.err(`${file}: ${reason}${full !== undefined && full !== file ? ` (${full})` : ''}.\n`);
    return 2;
  }

  const parsed = parseDocumentText(text);
  if (!parsed.ok) {
    io.err(issueLines(parsed.issues).join('\n') + '\n');
    return 2;
  }
  const { document } = parsed;
  let scenarios = document.scenarios;
  if (scenarioId !== undefined) {
    scenarios = scenarios.filter((s) => s.id === scenarioId);
    if (scenarios.length === 0) {
      const known = document.scenarios.map((s) => s.id).join(', ') || 'inga';
      io.err(`--scenario: scenariot ”${scenarioId}” finns inte i filen (scenarier: ${known}).\n`);
      return 2;
    }
  }
  const results = scenarios.map((s) => evaluateScenario(document, s));
  io.out(JSON.stringify(resultDocument(results), null, 2) + '\n');
  return 0;
}

