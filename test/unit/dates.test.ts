import * as assert from 'node:assert/strict';
import { addDays, addMonths, daysBetween } from '../../server/src/core/dates';

/** The same computations with `Date`, as the reference the arithmetic must agree with. */
const reference = {
  daysBetween: (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000),
  addDays: (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10),
  addMonths: (date: string, months: number) => {
    const [year, month, day] = date.split('-').map(Number);
    const last = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
    return new Date(Date.UTC(year, month - 1 + months, Math.min(day, last))).toISOString().slice(0, 10);
  },
};

describe('dates', () => {
  it('agrees with Date on every day from 1999 to 2031', () => {
    const start = '1999-01-01';
    for (let offset = 0; offset < 33 * 366; offset += 1) {
      const date = reference.addDays(start, offset);
      assert.equal(addDays(start, offset), date);
      assert.equal(daysBetween(start, date), offset);
      assert.equal(daysBetween(date, start), 0 - offset || 0);
      if (offset % 7 === 0)
        for (const months of [-13, -1, 1, 3, 12, 25]) assert.equal(addMonths(date, months), reference.addMonths(date, months), `${date} + ${months} months`);
    }
  });

  it('clamps to the end of shorter months and knows leap years', () => {
    assert.equal(addMonths('2027-01-31', 1), '2027-02-28');
    assert.equal(addMonths('2028-01-31', 1), '2028-02-29');
    assert.equal(addMonths('2027-10-31', 3), '2028-01-31');
    assert.equal(daysBetween('2000-02-28', '2000-03-01'), 2);
    assert.equal(daysBetween('1900-02-28', '1900-03-01'), 1);
  });
});
