// CSV that Excel opens as a table in a Dutch locale: UTF-8 with a BOM,
// ";" between cells, CRLF between rows, a cell quoted when it holds ";",
// '"', a line break or spaces at its ends (quotes doubled). A cell that
// starts with = + - @ (or a tab or carriage return) gets a leading ' so a
// spreadsheet shows it as text and never runs it as a formula.
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvDocument(rows: readonly (readonly (string | number)[])[]): string {
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
