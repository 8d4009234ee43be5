/**
 * Where and why a text is not JSON, in Swedish, for a file that JSON.parse refused: the engine's own
 * message is in English and differs between engines, and often says neither line nor column. Run
 * only on a text that failed, so it need not be fast; it builds no values, and it keeps its nesting
 * on a list, not the call stack, so a deeply nested file cannot overflow it. Besides the position it
 * names the mistakes people make when they edit a file by hand: a comma too many or too few, single
 * or typographic quotes (a text pasted from Word), a decimal comma, a space in a number, a comment,
 * a text without its closing quote.
 */

const enum Expect {
  /** A value: the top level, after a colon, after a comma in a list. */
  Value,
  /** A value or the end of the list just opened. */
  ValueOrListEnd,
  /** A name or the end of the object just opened. */
  NameOrObjectEnd,
  /** A name, after a comma in an object. */
  Name,
  Colon,
  /** A comma or the end of the enclosing object or list; the end of the text at the top level. */
  AfterValue,
}

const OBJECT = 0;
const LIST = 1;

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];
/** Quotation marks that word processors put in place of the straight ones JSON needs. */
const TYPOGRAPHIC_QUOTES = /[“”„‟‘’‚‛«»]/;

const NAMED: Record<string, string> = {
  '\n': 'en radbrytning',
  '\r': 'en radbrytning',
  '\t': 'ett tabbtecken',
  '\u00a0': 'ett hårt mellanslag (U+00A0)',
};

/** A character (a whole code point, or an escape such as \q) as a message shows it. */
function shown(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  if (TYPOGRAPHIC_QUOTES.test(c) && c.length === 1) return `ett typografiskt citattecken (${c})`;
  const code = `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  if (/^\p{Cc}$/u.test(c)) return `ett styrtecken (${code})`;
  if (/^[\p{Z}\p{C}]$/u.test(c)) return `ett osynligt tecken (${code})`;
  return `”${c}”`;
}

/** The whole character (code point) at a position. */
function characterAt(text: string, at: number): string {
  return String.fromCodePoint(text.codePointAt(at)!);
}

/** "rad L, tecken C" of a position in the text, both counted from 1, C in whole characters. */
function place(text: string, at: number): string {
  let line = 1;
  let column = 1;
  for (let i = 0; i < at; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      line++;
      column = 1;
    } else if (!(code >= 0xdc00 && code <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) column++;
  }
  return `rad ${line}, tecken ${column}`;
}

/**
 * Why the text is not JSON, with its line and character (e.g. "rad 3, tecken 14: ett kommatecken
 * för mycket: efter det avslutas objektet med ”}”"), or null when it is JSON by the same grammar as
 * JSON.parse.
 */
export function jsonSyntaxError(text: string): string | null {
  const nesting: number[] = [];
  // Widened: step() and close() change it, which the compiler does not follow into the loop.
  let expect = Expect.Value as Expect;
  let i = 0;
  /** What was read last, for hints about the mistake that follows it. */
  let last: { kind: 'string'; quote: string | undefined } | { kind: 'number'; end: number } | { kind: 'other' } = { kind: 'other' };
  const at = (position: number, what: string) => `${place(text, position)}: ${what}`;
  /** Moves past one structural character ({ [ , : or an end), or a literal, to what must come next. */
  const step = (next: Expect, length = 1) => {
    expect = next;
    i += length;
    last = { kind: 'other' };
  };
  /** Moves past the end of an object or list. */
  const close = () => {
    nesting.pop();
    step(Expect.AfterValue);
  };
  /** The position of the last character before `position` that is not whitespace, or −1. */
  const previous = (position: number) => {
    let k = position - 1;
    while (k >= 0 && WHITESPACE.has(text[k]!)) k--;
    return k;
  };
  /** A hint for a mistake right after a text that holds a typographic quote: most likely it was meant to end it. */
  const quoteHint = () => (last.kind === 'string' && last.quote ? ` (texten före innehåller ${shown(last.quote)}; ska det vara ett rakt "?)` : '');
  /** Messages for a character that cannot start what is expected, common to every place. */
  const misplaced = (c: string): string | undefined => {
    if (TYPOGRAPHIC_QUOTES.test(c)) return `här står ${shown(c)}; i JSON står texter och namn inom raka dubbla citattecken (")`;
    if (c === "'") return 'texter och namn ska stå inom dubbla citattecken ("), inte enkla';
    if (c === '/') return 'kommentarer (// eller /* */) är inte tillåtna i JSON';
    return undefined;
  };

  for (;;) {
    while (i < text.length && WHITESPACE.has(text[i]!)) i++;
    if (i >= text.length) {
      if (expect === Expect.AfterValue && nesting.length === 0) return null;
      if (text.trim() === '') return 'den är tom';
      const open = nesting.length > 0 ? (nesting[nesting.length - 1] === OBJECT ? '}' : ']') : undefined;
      return at(i, `texten tar slut innan JSON-värdet är färdigt${open ? ` (det saknas minst ett avslutande ${open})` : ''}`);
    }
    const c = characterAt(text, i);
    switch (expect) {
      case Expect.Value:
      case Expect.ValueOrListEnd: {
        if (c === ']' && expect === Expect.ValueOrListEnd) {
          close();
          break;
        }
        if (c === '{' || c === '[') {
          nesting.push(c === '{' ? OBJECT : LIST);
          step(c === '{' ? Expect.NameOrObjectEnd : Expect.ValueOrListEnd);
          break;
        }
        if (c === '"') {
          const problem = skipString();
          if (problem) return problem;
          expect = Expect.AfterValue;
          break;
        }
        if (c === '-' || (c >= '0' && c <= '9')) {
          NUMBER.lastIndex = i;
          const match = NUMBER.exec(text);
          const end = match ? i + match[0].length : i;
          const next = text[end];
          if (!match || (next !== undefined && /[\d.eE+-]/.test(next))) return at(i, 'ett tal är felskrivet (skriv till exempel 1200 eller 44.53: punkt som decimaltecken, ingen inledande nolla)');
          i = end;
          expect = Expect.AfterValue;
          last = { kind: 'number', end };
          break;
        }
        const literal = LITERALS.find((word) => text.startsWith(word, i));
        if (literal) {
          step(Expect.AfterValue, literal.length);
          break;
        }
        const comma = previous(i);
        if ((c === ']' || c === '}') && text[comma] === ',') return trailingComma(comma, c);
        return at(i, misplaced(c) ?? `här ska ett värde stå (en text inom dubbla citattecken, ett tal, true, false, null, { eller [), men här står ${shown(c)}`);
      }
      case Expect.NameOrObjectEnd:
      case Expect.Name: {
        if (c === '}' && expect === Expect.NameOrObjectEnd) {
          close();
          break;
        }
        if (c === '"') {
          const problem = skipString();
          if (problem) return problem;
          expect = Expect.Colon;
          break;
        }
        const comma = previous(i);
        if (c === '}' && text[comma] === ',') return trailingComma(comma, c);
        // A digit right after a comma that follows a digit: 1,5 written for 1.5.
        const decimalComma = /\d/.test(c) && text[i - 1] === ',' && /\d/.test(text[i - 2] ?? '');
        return at(
          i,
          misplaced(c) ??
            `här ska ett namn inom dubbla citattecken stå, men här står ${shown(c)}${decimalComma ? ' (ett decimaltal skrivs med punkt, till exempel 1.5, eller som text: "1.5")' : ''}`,
        );
      }
      case Expect.Colon:
        if (c !== ':') return at(i, misplaced(c) ?? `efter ett namn ska ett kolon (:) stå, men här står ${shown(c)}${quoteHint()}`);
        step(Expect.Value);
        break;
      case Expect.AfterValue: {
        const inObject = nesting[nesting.length - 1] === OBJECT;
        const end = inObject ? '}' : ']';
        if (nesting.length > 0 && c === ',') {
          step(inObject ? Expect.Name : Expect.Value);
          break;
        }
        if (nesting.length > 0 && c === end) {
          close();
          break;
        }
        const misplacedHere = misplaced(c);
        if (misplacedHere) return at(i, misplacedHere);
        const spacedNumber = last.kind === 'number' && last.end < i && /\d/.test(c);
        const hint = spacedNumber ? ' (tal skrivs utan mellanrum i JSON, till exempel 30000)' : c === '"' || c === '{' || c === '[' ? ' (saknas ett kommatecken?)' : quoteHint();
        if (nesting.length === 0) return at(i, `efter JSON-värdet står mer text, från ${shown(c)}${hint}`);
        return at(i, `här ska ett kommatecken eller ”${end}” stå, men här står ${shown(c)}${hint}`);
      }
    }
  }

  function trailingComma(comma: number, end: string): string {
    return at(comma, `ett kommatecken för mycket: efter det avslutas ${end === '}' ? 'objektet' : 'listan'} med ${shown(end)}`);
  }

  /** Moves past the string that starts at i, or says what is wrong with it. */
  function skipString(): string | null {
    const start = i;
    let quote: string | undefined;
    const hint = () => (quote ? ` (den innehåller ${shown(quote)}; ska det vara ett rakt "?)` : '');
    i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        last = { kind: 'string', quote };
        return null;
      }
      if (c === '\\') {
        const escape = text[i + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return at(i, 'efter \\u i en text ska fyra hexadecimala siffror stå');
          i += 6;
        } else if (escape !== undefined && ESCAPES.has(escape)) i += 2;
        else if (escape === undefined) break;
        else return at(i, `${shown(`\\${characterAt(text, i + 1)}`)} är ingen giltig teckenkod i en text (ett omvänt snedstreck skrivs \\\\)`);
      } else if (c === '\n' || c === '\r') {
        return at(i, `texten tar slut på raden utan avslutande citattecken (")${hint()}; en radbrytning inne i en text skrivs \\n`);
      } else if (c.charCodeAt(0) < 0x20) {
        return at(i, `${shown(c)} får inte stå inne i en text${c === '\t' ? ' (skriv \\t)' : ''}`);
      } else {
        if (quote === undefined && TYPOGRAPHIC_QUOTES.test(c)) quote = c;
        i++;
      }
    }
    return at(start, `texten som börjar här tar aldrig slut: det saknas ett avslutande "${hint()}`);
  }
}
