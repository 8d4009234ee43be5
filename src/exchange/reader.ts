/**
 * Reading untrusted JSON values into domain values, one field at a time, collecting one Swedish
 * message per problem with the JSON path where it was found.
 */
import { Decimal, formatNumber } from '../domain/money';
import { isMonth } from '../domain/months';

export interface Issue {
  /** JSON path of the problem, e.g. "initiatives[0].costLines[1].fte"; "$" for the document itself. */
  path: string;
  message: string;
}

export function formatIssue(issue: Issue): string {
  return `${issue.path}: ${issue.message}`;
}

/** An issue's message as a sentence, with a capital letter. */
function sentence(issue: Issue): string {
  return issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
}

/**
 * An issue in a list about a whole file, as the app shows it: the message, then its JSON path in
 * brackets for those who want to find the place in the file; none for the file as a whole ("$").
 */
export function issueMessage(issue: Issue): string {
  return issue.path === '$' ? sentence(issue) : `${sentence(issue)} (${issue.path})`;
}

/**
 * An issue shown at the cell or field that was edited: the message alone. The place is on screen,
 * and the path would only add the file's English keys.
 */
export function fieldIssueMessage(issue: Issue): string {
  return sentence(issue);
}

export const MAX_TEXT_LENGTH = 10_000;
export const MAX_ID_LENGTH = 100;
export const MAX_URL_LENGTH = 2_000;
/** Amounts beyond this are typing mistakes, not plans: 1 000 000 000 000 000 (a thousand billion kronor). */
export const MAX_MAGNITUDE = new Decimal('1e15');
const MAX_DECIMAL_TEXT = 60;
/**
 * Decimal places a number may have. With MAX_MAGNITUDE this keeps its plain text (the form it is
 * written back in, without an exponent) within MAX_DECIMAL_TEXT, so that "1e-999" cannot be read
 * and then exported as a thousand digits that no file can hold.
 */
export const MAX_DECIMAL_PLACES = 40;
const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,4})?$/;

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function fieldPath(path: string, key: string): string {
  return path === '' || path === '$' ? key : `${path}.${key}`;
}

export function itemPath(path: string, index: number): string {
  return `${path}[${index}]`;
}

const sv = (n: number | Decimal): string => formatNumber(new Decimal(n));

/** Amounts whose base-10 exponent is below this are within MAX_MAGNITUDE without comparing digits. */
const MAX_MAGNITUDE_EXPONENT = MAX_MAGNITUDE.e;

/** The bounds of range checks as decimals, converted once per number rather than on every comparison. */
const BOUNDS = new Map<number, Decimal>();
function bound(n: number): Decimal {
  let value = BOUNDS.get(n);
  if (value === undefined) BOUNDS.set(n, (value = new Decimal(n)));
  return value;
}

/** value < min; against 0, the most common bound, by the sign alone. */
function isBelow(value: Decimal, min: number): boolean {
  return min === 0 ? value.isNegative() && !value.isZero() : value.lt(bound(min));
}

const hasOwn = Object.prototype.hasOwnProperty;

interface Presence {
  required?: boolean;
}

/**
 * Collects issues while reading fields of one untrusted document. A field's path is only put
 * together when there is something to report about it.
 */
export class Reader {
  readonly issues: Issue[] = [];
  /**
   * Each distinct number text read so far, parsed once: documents repeat the same few texts
   * ("0", "1", "0.5") thousands of times. Decimals are immutable, so one object can serve every
   * field; the range checks, which differ by field, are still made for each.
   */
  private readonly parsed = new Map<string, Decimal>();

  report(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  /** The field's value; undefined (with an issue when required) when it is absent or null. */
  private present(obj: JsonObject, key: string, path: string, required: boolean | undefined): unknown {
    const value = obj[key];
    if (value === undefined || value === null || !hasOwn.call(obj, key)) {
      if (required) this.report(fieldPath(path, key), 'saknas men måste anges');
      return undefined;
    }
    return value;
  }

  object(value: unknown, path: string): JsonObject | undefined {
    if (isObject(value)) return value;
    this.report(path, 'ska vara ett objekt ({ … })');
    return undefined;
  }

  array(obj: JsonObject, key: string, path: string, options: Presence = {}): unknown[] | undefined {
    const value = this.present(obj, key, path, options.required);
    if (value === undefined) return undefined;
    if (Array.isArray(value)) return value;
    this.report(fieldPath(path, key), 'ska vara en lista ([ … ])');
    return undefined;
  }

  text(
    obj: JsonObject,
    key: string,
    path: string,
    options: Presence & { nonEmpty?: boolean; max?: number } = {},
  ): string | undefined {
    const value = this.present(obj, key, path, options.required);
    if (value === undefined) return undefined;
    return this.checkText(value, path, key, options.nonEmpty, options.max);
  }

  textValue(value: unknown, path: string, { nonEmpty, max }: { nonEmpty?: boolean; max?: number } = {}): string | undefined {
    return this.checkText(value, path, undefined, nonEmpty, max);
  }

  /** A text value found at `path` (the field `key` of `path` when a key is given). */
  private checkText(value: unknown, path: string, key: string | undefined, nonEmpty: boolean | undefined, max = MAX_TEXT_LENGTH): string | undefined {
    if (typeof value !== 'string') {
      this.report(at(path, key), 'ska vara en text inom citattecken');
      return undefined;
    }
    if (nonEmpty && value.trim() === '') {
      this.report(at(path, key), 'får inte vara tom');
      return undefined;
    }
    if (value.length > max) {
      this.report(at(path, key), `är för lång: ${sv(value.length)} tecken, högst ${sv(max)} är tillåtna`);
      return undefined;
    }
    return value;
  }

  id(obj: JsonObject, key: string, path: string, options: Presence = { required: true }): string | undefined {
    const value = this.present(obj, key, path, options.required);
    if (value === undefined) return undefined;
    return this.checkText(value, path, key, true, MAX_ID_LENGTH);
  }

  decimal(
    obj: JsonObject,
    key: string,
    path: string,
    options: Presence & { min?: number; max?: number } = {},
  ): Decimal | undefined {
    const value = this.present(obj, key, path, options.required);
    if (value === undefined) return undefined;
    let text: string;
    if (typeof value === 'string') {
      text = value;
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) {
        this.report(fieldPath(path, key), 'ska vara ett ändligt tal');
        return undefined;
      }
      text = String(value);
    } else {
      this.report(fieldPath(path, key), 'ska vara ett tal, helst skrivet som text med punkt som decimaltecken, till exempel "520000" eller "44.53"');
      return undefined;
    }
    let decimal = this.parsed.get(text);
    if (decimal === undefined) {
      if (text.length > MAX_DECIMAL_TEXT || !DECIMAL_TEXT.test(text)) {
        const hint = /^\s*-?[\d\s]+,\d+\s*$/.test(text) ? ' (använd punkt, inte komma, som decimaltecken)' : '';
        this.report(fieldPath(path, key), `”${text.slice(0, 40)}” är inget tal${hint}; skriv till exempel "520000" eller "44.53"`);
        return undefined;
      }
      decimal = new Decimal(text);
      // Zero in any spelling ("0.00", "-0") is kept as plain 0.
      if (decimal.isZero()) decimal = new Decimal(0);
      this.parsed.set(text, decimal);
    }
    if (decimal.e >= MAX_MAGNITUDE_EXPONENT && decimal.abs().gt(MAX_MAGNITUDE)) {
      this.report(fieldPath(path, key), `är orimligt stort; högst ${sv(MAX_MAGNITUDE)} är tillåtet`);
      return undefined;
    }
    if (decimal.decimalPlaces() > MAX_DECIMAL_PLACES) {
      this.report(fieldPath(path, key), `har för många decimaler; högst ${MAX_DECIMAL_PLACES} är tillåtna`);
      return undefined;
    }
    const { min, max } = options;
    if (min !== undefined && isBelow(decimal, min)) {
      this.report(fieldPath(path, key), max !== undefined ? `ska ligga mellan ${sv(min)} och ${sv(max)}` : `får inte vara mindre än ${sv(min)}`);
      return undefined;
    }
    if (max !== undefined && decimal.gt(bound(max))) {
      this.report(fieldPath(path, key), min !== undefined ? `ska ligga mellan ${sv(min)} och ${sv(max)}` : `får inte vara större än ${sv(max)}`);
      return undefined;
    }
    return decimal;
  }

  integer(
    obj: JsonObject,
    key: string,
    path: string,
    options: Presence & { min?: number; max?: number } = {},
  ): number | undefined {
    const value = this.present(obj, key, path, options.required);
    if (value === undefined) return undefined;
    return this.checkInteger(value, path, key, options.min, options.max);
  }

  integerValue(value: unknown, path: string, { min, max }: { min?: number; max?: number } = {}): number | undefined {
    return this.checkInteger(value, path, undefined, min, max);
  }

  /** An integer value found at `path` (the field `key` of `path` when a key is given). */
  private checkInteger(value: unknown, path: string, key: string | undefined, min: number | undefined, max: number | undefined): number | undefined {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.report(at(path, key), `ska vara ett heltal utan citattecken${range(min, max)}`);
      return undefined;
    }
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      this.report(at(path, key), `ska vara ett heltal${range(min, max)}`);
      return undefined;
    }
    return value;
  }

  enumeration<T extends string>(obj: JsonObject, key: string, path: string, allowed: readonly T[], options: Presence = {}): T | undefined {
    const value = this.present(obj, key, path, options.required);
    if (value === undefined) return undefined;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    return this.enumerationValue(value, fieldPath(path, key), allowed);
  }

  enumerationValue<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    const shown = typeof value === 'string' ? `”${value.slice(0, 40)}”` : 'värdet';
    this.report(path, `${shown} är inte tillåtet; ska vara ett av ${allowed.map((a) => `"${a}"`).join(', ')}`);
    return undefined;
  }

  month(obj: JsonObject, key: string, path: string, options: Presence = {}): string | undefined {
    const value = this.present(obj, key, path, options.required);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !isMonth(value) || !yearInRange(Number(value.slice(0, 4)))) {
      this.report(fieldPath(path, key), 'ska vara en månad skriven "ÅÅÅÅ-MM" mellan 1900-01 och 2200-12, till exempel "2026-01"');
      return undefined;
    }
    return value;
  }

  url(obj: JsonObject, key: string, path: string): string | undefined {
    const value = this.text(obj, key, path, { max: MAX_URL_LENGTH });
    if (value === undefined) return undefined;
    if (!isWebUrl(value)) {
      this.report(fieldPath(path, key), 'ska vara en webbadress som börjar med http:// eller https://');
      return undefined;
    }
    return value;
  }

  /**
   * Reports every id that is not unique within a list, looking at the raw items so that positions
   * are the file's own and an item with other problems still counts.
   */
  uniqueIds(items: readonly unknown[], path: string): void {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const id = rawId(item);
      if (id === undefined) return;
      const first = seen.get(id);
      if (first !== undefined) {
        this.report(fieldPath(itemPath(path, index), 'id'), `id ”${id}” finns redan i ${itemPath(path, first)}; varje id ska vara unikt i listan`);
      } else {
        seen.set(id, index);
      }
    });
  }
}

/**
 * The id of a raw list item, when it has a usable one. An id that is empty or too long is reported
 * where it is, and not again (quoted in full) as a duplicate or a dangling reference.
 */
export function rawId(item: unknown, key = 'id'): string | undefined {
  if (!isObject(item)) return undefined;
  const id = item[key];
  return isUsableId(id) ? id : undefined;
}

/** A raw value that can be an id: a string of at most MAX_ID_LENGTH characters, not only spaces. */
export function isUsableId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && value.trim() !== '';
}

/** A raw list, or no items when the value is not a list (the reader reports that). */
export function rawList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** The path of the field `key` of `path`, or `path` itself when there is no key. */
function at(path: string, key: string | undefined): string {
  return key === undefined ? path : fieldPath(path, key);
}

function yearInRange(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

function range(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return ` från ${min} till ${max}`;
  if (min !== undefined) return ` på minst ${min}`;
  if (max !== undefined) return ` på högst ${max}`;
  return '';
}

/** True for an absolute http or https address without spaces or control characters. */
export function isWebUrl(text: string): boolean {
  if (/[\s\u0000-\u001f\u007f]/.test(text)) return false;
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
