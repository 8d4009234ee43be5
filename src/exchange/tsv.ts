/**
 * Tables on the clipboard, as Excel, LibreOffice Calc and Google Sheets put them there: cells
 * separated by tabs, rows by CRLF or LF, and a cell that holds a tab, a line break or a quote
 * written in double quotes with its quotes doubled ("a ""b"""). Pasted text enters the app here.
 */

/**
 * Reads text copied from a spreadsheet into rows of cells. A single trailing line break (which
 * Excel always adds) is ignored; an empty text gives no rows. A cell that starts with a quote but
 * is not a well-formed quoted cell (`"abc`, `"5" skärm`) is read literally, as the spreadsheets do.
 * `separator` (one character, a tab unless given) lets CSV files with ";" or "," be read the same way.
 */
export function parseClipboardTable(text: string, separator = '\t'): string[][] {
  if (text === '') return [];
  const source = stripTrailingNewline(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let pos = 0;
  for (;;) {
    const quoted = source[pos] === '"' ? readQuoted(source, pos, separator) : null;
    let cell: string;
    if (quoted) {
      cell = quoted.value;
      pos = quoted.end;
    } else {
      let end = pos;
      while (end < source.length && source[end] !== separator && source[end] !== '\n' && source[end] !== '\r') end++;
      cell = source.slice(pos, end);
      pos = end;
    }
    row.push(cell);
    if (pos >= source.length) break;
    const next = source[pos];
    if (next === separator) {
      pos++;
      continue;
    }
    // A line break: CRLF, LF or a lone CR.
    pos += next === '\r' && source[pos + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
  }
  rows.push(row);
  return rows;
}

/**
 * Writes rows of cells as a spreadsheet puts them on the clipboard: tabs between cells, CRLF
 * between rows, no trailing line break. A cell holding a tab, a line break or a quote is quoted.
 * `parseClipboardTable(formatClipboardTable(rows))` gives the rows back (for at least one row).
 */
export function formatClipboardTable(rows: readonly (readonly string[])[]): string {
  return rows
    .map((row, r) =>
      row
        .map((cell) => {
          if (/[\t\r\n"]/.test(cell)) return `"${cell.replace(/"/g, '""')}"`;
          // A last row of one empty cell would read as the trailing line break; quoting keeps it.
          if (cell === '' && row.length === 1 && r === rows.length - 1) return '""';
          return cell;
        })
        .join('\t'),
    )
    .join('\r\n');
}

function stripTrailingNewline(text: string): string {
  if (text.endsWith('\r\n')) return text.slice(0, -2);
  if (text.endsWith('\n') || text.endsWith('\r')) return text.slice(0, -1);
  return text;
}

/**
 * Reads a quoted cell starting at `start` (a quote). Returns null when the closing quote is
 * missing or is followed by anything but the separator, a line break or the end of the text.
 */
function readQuoted(source: string, start: number, separator: string): { value: string; end: number } | null {
  let value = '';
  let pos = start + 1;
  for (;;) {
    const close = source.indexOf('"', pos);
    if (close < 0) return null;
    value += source.slice(pos, close);
    if (source[close + 1] === '"') {
      value += '"';
      pos = close + 2;
      continue;
    }
    const after = source[close + 1];
    if (after === undefined || after === separator || after === '\n' || after === '\r') return { value, end: close + 1 };
    return null;
  }
}
