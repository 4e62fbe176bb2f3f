// Dates and date-times edited with the browser's own controls, written back in
// the file's own spelling: a Jekyll page's `2025-02-01 10:30:00 +0100` stays
// spaced with a `+0100` zone, a Hugo page's `2025-02-01T10:30:00+01:00` keeps its
// `T` and `+01:00`, `2025-2-1` keeps its single digits, a value without seconds
// gets none. Only the part the editor changed is rewritten; quoting is the
// engine's business (it keeps the file's quotes). Pure, so it is tested without
// a window.

/** A date-time cut into the pieces its spelling is made of. */
export interface DateTimeParts {
  /** The date as written (`2025-02-01`, `2025-2-1`). */
  date: string;
  /** Between date and time: `T`, `t` or blanks. */
  sep: string;
  hour: string;
  minute: string;
  /** `null` when written without seconds. */
  second: string | null;
  /** The digits after the seconds' point, as written. */
  fraction: string | null;
  /** Blanks before the zone. */
  zoneSep: string;
  /** `Z`, `+0100`, `+01:00`, `-5`…, or `""` for a local time. */
  zone: string;
}

const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DATE_TIME = /^(\d{4}-\d{1,2}-\d{1,2})([Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:([ \t]*)(Z|z|[+-]\d{1,2}(?::?\d{2})?))?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function twoDigits(n: number): string {
  return String(n).padStart(2, "0");
}

/** Whether year-month-day is a day of the calendar. */
function realDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function parseDateTime(text: string): DateTimeParts | null {
  const m = DATE_TIME.exec(text.trim());
  if (m === null) return null;
  const [, date = "", sep = "", hour = "", minute = "", second, fraction, zoneSep, zone] = m;
  if (isoDate(date) === null || Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 60) return null;
  return { date, sep, hour, minute, second: second ?? null, fraction: fraction ?? null, zoneSep: zoneSep ?? "", zone: zone ?? "" };
}

export function formatDateTime(p: DateTimeParts): string {
  const seconds = p.second === null ? "" : `:${p.second}${p.fraction === null ? "" : `.${p.fraction}`}`;
  return `${p.date}${p.sep}${p.hour}:${p.minute}${seconds}${p.zone === "" ? "" : `${p.zoneSep}${p.zone}`}`;
}

/** A written date (`2025-2-1`) as the `YYYY-MM-DD` a date control takes, or
 * null when it is not a day of the calendar. */
export function isoDate(written: string): string | null {
  const m = DATE.exec(written.trim());
  if (m === null) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return realDay(y, mo, d) ? `${m[1]}-${twoDigits(mo)}-${twoDigits(d)}` : null;
}

/** The date a control gave (`YYYY-MM-DD`) in the spelling of `written`: a
 * month or day written with one digit keeps one digit where it can. */
export function respellDate(written: string, iso: string): string {
  const w = DATE.exec(written.trim());
  const n = ISO.exec(iso);
  if (n === null || w === null) return iso;
  const part = (was: string | undefined, now: string | undefined): string =>
    was !== undefined && was.length === 1 ? String(Number(now)) : (now ?? "");
  return `${n[1]}-${part(w[2], n[2])}-${part(w[3], n[3])}`;
}

/** The value for an `<input type="time">`: `HH:MM`, or `HH:MM:SS` when the
 * file writes seconds (the control then shows them). */
export function timeValue(p: DateTimeParts): string {
  const base = `${twoDigits(Number(p.hour))}:${p.minute}`;
  return p.second === null ? base : `${base}:${p.second}`;
}

/** `text` with the time a time control gave (`HH:MM` or `HH:MM:SS`), keeping
 * the date, the separator, the zone, the hour's digits, whether there are
 * seconds, and the fraction's digits. Null when either does not read. */
export function withTime(text: string, time: string): string | null {
  const p = parseDateTime(text);
  const t = TIME.exec(time);
  if (p === null || t === null) return null;
  const [, hh = "", mm = "", ss] = t;
  const hour = p.hour.length === 1 && hh.startsWith("0") ? hh.slice(1) : hh;
  // A control that shows seconds leaves them out of its value when they are 0.
  const second = p.second === null ? null : (ss ?? "00");
  return formatDateTime({ ...p, hour, minute: mm, second });
}

/** `text` with the date a date control gave (`YYYY-MM-DD`), in the date's own
 * spelling; the time and zone stay as written. */
export function withDate(text: string, iso: string): string | null {
  const p = parseDateTime(text);
  if (p === null || ISO.exec(iso) === null) return null;
  return formatDateTime({ ...p, date: respellDate(p.date, iso) });
}

/** A zone offset in minutes as `+01:00`. */
function offsetText(minutesEast: number): string {
  const sign = minutesEast < 0 ? "-" : "+";
  const abs = Math.abs(minutesEast);
  return `${sign}${twoDigits(Math.floor(abs / 60))}:${twoDigits(abs % 60)}`;
}

/** A new date-time for an empty field: `YYYY-MM-DDTHH:MM:00±HH:MM`, the one
 * spelling every reader takes as a moment (Jekyll's YAML, Hugo's YAML and TOML),
 * in the editor's own time zone so the site does not shift it. */
export function newDateTime(now: Date): string {
  const date = `${now.getFullYear()}-${twoDigits(now.getMonth() + 1)}-${twoDigits(now.getDate())}`;
  const time = `${twoDigits(now.getHours())}:${twoDigits(now.getMinutes())}:00`;
  return `${date}T${time}${offsetText(-now.getTimezoneOffset())}`;
}

/** Today as `YYYY-MM-DD` in the editor's time zone. */
export function today(now: Date): string {
  return `${now.getFullYear()}-${twoDigits(now.getMonth() + 1)}-${twoDigits(now.getDate())}`;
}

/** A zone as people read it: `UTC`, `UTC+01:00`; `""` for a local time. */
export function zoneLabel(zone: string): string {
  if (zone === "") return "";
  if (zone === "Z" || zone === "z") return "UTC";
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
  if (m === null) return zone;
  return `UTC${m[1]}${twoDigits(Number(m[2]))}:${m[3] ?? "00"}`;
}
