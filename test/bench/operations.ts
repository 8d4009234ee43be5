/**
 * The decimal.js operations of one evaluation, recorded with their operands: the benchmark replays
 * them on their own, and a test keeps their number within a budget.
 */
import { Decimal } from '../../src/domain/money';
import { evaluateDocument } from '../../src/domain/scenario';
import type { HemmaplanDocument } from '../../src/domain/types';

/** The arithmetic methods of decimal.js that the evaluator calls. */
export const ARITHMETIC = ['plus', 'minus', 'times', 'div', 'pow'] as const;
export type Arithmetic = (typeof ARITHMETIC)[number];
export interface Operation {
  method: Arithmetic;
  value: Decimal;
  argument: Decimal | number;
}

/**
 * Every decimal.js operation that one evaluation of the document performs, with its operands.
 * Calls that decimal.js makes from inside an operation (plus calls minus for mixed signs) are part
 * of the outer one and not recorded again.
 */
export function recordOperations(document: HemmaplanDocument): Operation[] {
  const prototype = Object.getPrototypeOf(new Decimal(0)) as Record<Arithmetic, (this: Decimal, argument: Decimal | number) => Decimal>;
  const originals = ARITHMETIC.map((method) => [method, prototype[method]] as const);
  const operations: Operation[] = [];
  let depth = 0;
  for (const [method, original] of originals) {
    prototype[method] = function (this: Decimal, argument: Decimal | number) {
      if (depth === 0) operations.push({ method, value: this, argument });
      depth++;
      try {
        return original.call(this, argument);
      } finally {
        depth--;
      }
    };
  }
  try {
    evaluateDocument(document);
  } finally {
    for (const [method, original] of originals) prototype[method] = original;
  }
  return operations;
}
