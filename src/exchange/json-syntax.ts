/**
 * Where and why a text is not JSON, in Swedish, for a file that JSON.parse refused: the engine's own
 * message is in English and differs between engines, and often says neither line nor column. Run
 * only on a text that failed, so it need not be fast; it builds no values, and it keeps its nesting
 * on a list, not the call stack, so a deeply nested file cannot overflow it.
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
const DECIMAL_COMMA_HINT = ' (ett decimaltal skrivs med punkt, till exempel 1.5, eller som text: "1.5")';

/** A character as a message shows it. */
function shown(c: string): string {
  const code = c.charCodeAt(0);
  if (c === '\n' || c === '\r') return 'en radbrytning';
  if (c === '\t') return 'ett tabbtecken';
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return `ett styrtecken (nummer ${code})`;
  return `”${c}”`;
}

/** "rad L, tecken C" of a position in the text, both counted from 1. */
function place(text: string, at: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `rad ${line}, tecken ${at - lineStart + 1}`;
}

/**
 * Why the text is not JSON, with its line and character (e.g. "rad 3, tecken 14: ett kommatecken
 * för mycket före ”}”"), or null when it is JSON by the same grammar as JSON.parse.
 */
export function jsonSyntaxError(text: string): string | null {
  const nesting: number[] = [];
  let expect = Expect.Value;
  let i = 0;
  const at = (position: number, what: string) => `${place(text, position)}: ${what}`;
  /** True when a digit at `position` follows a comma right after a digit: 1,5 written for 1.5. */
  const decimalComma = (position: number) => /\d/.test(text[position]!) && text[position - 1] === ',' && /\d/.test(text[position - 2] ?? '');
  /** The last character before `position` that is not whitespace. */
  const previous = (position: number) => {
    let k = position - 1;
    while (k >= 0 && WHITESPACE.has(text[k]!)) k--;
    return k >= 0 ? text[k] : undefined;
  };

  for (;;) {
    while (i < text.length && WHITESPACE.has(text[i]!)) i++;
    if (i >= text.length) {
      if (expect === Expect.AfterValue && nesting.length === 0) return null;
      if (text.trim() === '') return 'den är tom';
      const open = nesting.length > 0 ? (nesting[nesting.length - 1] === OBJECT ? '}' : ']') : undefined;
      return at(i, `texten tar slut innan JSON-värdet är färdigt${open ? ` (det saknas minst ett avslutande ${open})` : ''}`);
    }
    const c = text[i]!;
    switch (expect) {
      case Expect.Value:
      case Expect.ValueOrListEnd: {
        if (c === ']' && expect === Expect.ValueOrListEnd) {
          nesting.pop();
          expect = Expect.AfterValue;
          i++;
          break;
        }
        if (c === '{' || c === '[') {
          nesting.push(c === '{' ? OBJECT : LIST);
          expect = c === '{' ? Expect.NameOrObjectEnd : Expect.ValueOrListEnd;
          i++;
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
          break;
        }
        const literal = LITERALS.find((word) => text.startsWith(word, i));
        if (literal) {
          i += literal.length;
          expect = Expect.AfterValue;
          break;
        }
        if ((c === ']' || c === '}') && previous(i) === ',') return at(i, `ett kommatecken för mycket före ${shown(c)}`);
        if (c === "'") return at(i, 'texter ska stå inom dubbla citattecken ("), inte enkla');
        return at(i, `här ska ett värde stå (en text inom dubbla citattecken, ett tal, true, false, null, { eller [), men här står ${shown(c)}`);
      }
      case Expect.NameOrObjectEnd:
      case Expect.Name: {
        if (c === '}' && expect === Expect.NameOrObjectEnd) {
          nesting.pop();
          expect = Expect.AfterValue;
          i++;
          break;
        }
        if (c === '"') {
          const problem = skipString();
          if (problem) return problem;
          expect = Expect.Colon;
          break;
        }
        if (c === '}' && previous(i) === ',') return at(i, 'ett kommatecken för mycket före ”}”');
        if (c === "'") return at(i, 'namn ska stå inom dubbla citattecken ("), inte enkla');
        return at(i, `här ska ett namn inom dubbla citattecken stå, men här står ${shown(c)}${decimalComma(i) ? DECIMAL_COMMA_HINT : ''}`);
      }
      case Expect.Colon:
        if (c !== ':') return at(i, `efter ett namn ska ett kolon (:) stå, men här står ${shown(c)}`);
        expect = Expect.Value;
        i++;
        break;
      case Expect.AfterValue: {
        if (nesting.length === 0) return at(i, `efter JSON-värdet står mer text, från ${shown(c)}`);
        const inObject = nesting[nesting.length - 1] === OBJECT;
        const end = inObject ? '}' : ']';
        if (c === ',') {
          expect = inObject ? Expect.Name : Expect.Value;
          i++;
        } else if (c === end) {
          nesting.pop();
          i++;
        } else return at(i, `här ska ett kommatecken eller ”${end}” stå, men här står ${shown(c)}${c === '"' || c === '{' || c === '[' ? ' (saknas ett kommatecken?)' : ''}`);
        break;
      }
    }
  }

  /** Moves past the string that starts at i, or says what is wrong with it. */
  function skipString(): string | null {
    const start = i;
    i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return null;
      }
      if (c === '\\') {
        const escape = text[i + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return at(i, 'efter \\u i en text ska fyra hexadecimala siffror stå');
          i += 6;
        } else if (escape !== undefined && ESCAPES.has(escape)) i += 2;
        else if (escape === undefined) break;
        else return at(i, `${shown(`\\${escape}`)} är ingen giltig teckenkod i en text (ett omvänt snedstreck skrivs \\\\)`);
      } else if (c.charCodeAt(0) < 0x20) return at(i, `${shown(c)} får inte stå inne i en text (skriv \\n för radbrytning, \\t för tabb)`);
      else i++;
    }
    return at(start, 'texten som börjar här tar aldrig slut (det saknas ett avslutande ")');
  }
}
