/**
 * Calendar arithmetic on ISO `YYYY-MM-DD` strings, in whole days of the proleptic Gregorian calendar, so
 * results never depend on the machine's zone. Integer arithmetic rather than `Date`: rules call these for
 * every goal on every keystroke, and parsing and formatting `Date`s showed in the editor's profile.
 */

/** Average days in a month, for growth rates per month. */
export const DAYS_PER_MONTH = 365.25 / 12;

interface Civil {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function parse(date: string): Civil {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function format({ year, month, day }: Civil): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
function dayNumber({ year, month, day }: Civil): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * The day number of a date, remembered: a strategy has few distinct dates (deadlines, starts, today) and
 * rules ask for them for every goal on every keystroke. Bounded, so odd input cannot grow it without end.
 */
function dayOf(date: string): number {
  let days = DAY_NUMBERS.get(date);
  if (days === undefined) {
    days = dayNumber(parse(date));
    if (DAY_NUMBERS.size >= MAX_REMEMBERED_DATES) DAY_NUMBERS.clear();
    DAY_NUMBERS.set(date, days);
  }
  return days;
}

const DAY_NUMBERS = new Map<string, number>();
const MAX_REMEMBERED_DATES = 10_000;

/** The date of a day number (Howard Hinnant's civil_from_days). */
function civil(days: number): Civil {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayOf(to) - dayOf(from);
}

/** The date `months` calendar months after `date`, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parse(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return format({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

/** The date `days` days after `date`. */
export function addDays(date: string, days: number): string {
  return format(civil(dayOf(date) + days));
}

/** Whether a string is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 10 || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const { year, month, day } = parse(value);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}
