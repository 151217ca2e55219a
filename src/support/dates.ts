// Dates and numbers for Dutch readers. Hand-written on purpose: Intl's
// first use loads ICU locale data (about 12 ms per formatter at start-up),
// and all we need is day names and a decimal comma. Times are the user's
// local time.

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

const pad = (n: number) => String(n).padStart(2, '0');

/** A local day as "2026-11-27" (how dates are stored). */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "2026-11-27" -> "27-11-2026" (how dates are typed); anything else unchanged. */
export function displayDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

/** Day, month and year of jjjj-mm-dd or dd-mm-jjjj (also with / or .), whether or not the date exists. */
function dateParts(input: string): [day: number, month: number, year: number] | undefined {
  const s = input.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (iso) return [Number(iso[3]), Number(iso[2]), Number(iso[1])];
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  return dutch ? [Number(dutch[1]), Number(dutch[2]), Number(dutch[3])] : undefined;
}

/** Accepts dd-mm-jjjj, d-m-jjjj, dd/mm/jjjj, dd.mm.jjjj and jjjj-mm-dd; returns jjjj-mm-dd, or undefined. */
export function parseDate(input: string): string | undefined {
  const parts = dateParts(input);
  if (!parts) return undefined;
  const [d, m, y] = parts;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * Why a typed date is not accepted, in Dutch; undefined when parseDate accepts
 * it. A date in the right form that does not exist ("31-02-2026") is named as
 * such, not as a wrong format.
 */
export function dateProblem(input: string): string | undefined {
  if (parseDate(input)) return undefined;
  const parts = dateParts(input);
  if (!parts) return 'Vul een datum in als dd-mm-jjjj, bijv. 27-11-2026.';
  const [d, m, y] = parts;
  const s = input.trim();
  if (m < 1 || m > 12) return `${s} bestaat niet: er is geen maand ${m}.`;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1) return `${s} bestaat niet: er is geen dag ${d}.`;
  return `${s} bestaat niet: ${MONTHS[m - 1]} ${y} heeft ${days} dagen.`;
}

/** "2026-11-27" -> "27 november 2026"; anything else unchanged. */
export function formatDate(value: string): string {
  const iso = parseDate(value);
  if (!iso || !/^\d{4}-/.test(value.trim())) return value;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** A moment as "27 november 2026", local time. */
export function formatDayNl(date: Date): string {
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

/** An ISO timestamp as "27 november 2026 om 14:05", local time; anything else unchanged. */
export function formatStampNl(iso: string): string {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return iso;
  return `${formatDayNl(date)} om ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** An ISO timestamp as "27-11-2026 14:05", local time (for status lines). */
export function formatStamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${pad(date.getDate())}-${pad(date.getMonth() + 1)}-${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** 7.5 -> "7,5"; at most two decimals. */
export function formatNumber(n: number, unit?: string): string {
  const text = String(Math.round(n * 100) / 100).replace('.', ',');
  return unit ? `${text} ${unit}` : text;
}

/** "7,5" or "7.5" -> 7.5; undefined when it is not a number. */
export function parseNumber(input: string): number | undefined {
  const s = input.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  return Number(s);
}
