// CSV that Excel opens as a table in a Dutch locale: UTF-8 with a BOM,
// ";" between cells, CRLF between rows. A cell is quoted (quotes doubled)
// when it holds a separator of either kind ("," is the separator in most
// other locales, so a cell "Bieb,=1+1" must not split there), a quote, a CR
// or LF, or spaces at its ends. A cell that starts with = + - @ (also after
// spaces, and their full-width forms ＝ ＋ － ＠) or a tab or carriage return
// gets a leading ' so a spreadsheet shows it as text and never runs it as a
// formula. Control and bidi characters are made visible (support/control.ts),
// as in every other output: a CSV file is `cat` in a terminal too.
import { visibleControls } from '../support/control.js';

const FORMULA_START = /^[\t\r]|^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  let text = visibleControls(value);
  if (FORMULA_START.test(value)) text = `'${text}`;
  return /[;,"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvDocument(rows: readonly (readonly (string | number)[])[]): string {
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
