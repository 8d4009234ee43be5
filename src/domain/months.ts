/** Calendar months as consecutive integers (year × 12 + month − 1), so periods are simple ranges. */
import type { Month } from './types';

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(text: string): boolean {
  return MONTH_PATTERN.test(text);
}

/** "2026-08" → 2026 × 12 + 7. The text must already be a valid month. */
export function monthIndex(month: Month): number {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new RangeError(`Not a month: ${month}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function monthFromIndex(index: number): Month {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function yearOfIndex(index: number): number {
  return Math.floor(index / 12);
}

/** An inclusive range of month indexes; empty when last < first. */
export interface MonthRange {
  first: number;
  last: number;
}

export function intersect(a: MonthRange, b: MonthRange): MonthRange {
  return { first: Math.max(a.first, b.first), last: Math.min(a.last, b.last) };
}

export function monthCount(range: MonthRange): number {
  return Math.max(0, range.last - range.first + 1);
}

export function yearRange(year: number): MonthRange {
  return { first: year * 12, last: year * 12 + 11 };
}

/** How many months of the range lie in the calendar year. */
export function monthsInYear(range: MonthRange, year: number): number {
  return Math.max(0, Math.min(range.last, year * 12 + 11) - Math.max(range.first, year * 12) + 1);
}

export function contains(range: MonthRange, index: number): boolean {
  return index >= range.first && index <= range.last;
}
