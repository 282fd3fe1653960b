import fc from 'fast-check'
import { addDays, dayNumber, firstOnOrAfter, nextOccurrence, occurrencesBetween, type Schedule } from '@/domain/recurrence'

const monthly = (dayOfMonth: number, startDate: string, endDate?: string): Schedule => ({ rule: { frequency: 'monthly', dayOfMonth }, startDate, endDate })
const weekly = (startDate: string, endDate?: string): Schedule => ({ rule: { frequency: 'weekly' }, startDate, endDate })

describe('weekly', () => {
  test('every 7 days from the start date, the start date first', () => {
    expect(occurrencesBetween(weekly('2027-01-04'), '2027-01-01', '2027-02-01')).toEqual(['2027-01-04', '2027-01-11', '2027-01-18', '2027-01-25', '2027-02-01'])
  })

  test('from a day between occurrences, the next one on the same weekday', () => {
    expect(firstOnOrAfter(weekly('2027-01-04'), '2027-01-05')).toBe('2027-01-11')
    expect(firstOnOrAfter(weekly('2027-01-04'), '2027-01-11')).toBe('2027-01-11')
    expect(nextOccurrence(weekly('2027-01-04'), '2027-01-11')).toBe('2027-01-18')
  })

  test('over a year boundary and a leap day', () => {
    expect(occurrencesBetween(weekly('2027-12-24'), '2027-12-24', '2028-01-08')).toEqual(['2027-12-24', '2027-12-31', '2028-01-07'])
    expect(occurrencesBetween(weekly('2028-02-22'), '2028-02-22', '2028-03-08')).toEqual(['2028-02-22', '2028-02-29', '2028-03-07'])
  })

  test('90 days from the start hold 13 occurrences', () => {
    expect(occurrencesBetween(weekly('2027-03-01'), '2027-03-01', addDays('2027-03-01', 89))).toHaveLength(13)
  })

  test('property: consecutive occurrences are 7 days apart and share the start weekday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 400 }), (start, span) => {
        const startDate = addDays('1970-01-01', start)
        const days = occurrencesBetween(weekly(startDate), startDate, addDays(startDate, span))
        expect(days[0]).toBe(startDate)
        expect(days).toHaveLength(Math.floor(span / 7) + 1)
        for (let i = 1; i < days.length; i++) expect(dayNumber(days[i]!) - dayNumber(days[i - 1]!)).toBe(7)
      })
    )
  })
})

describe('monthly', () => {
  test('on the day of the month from the start date on', () => {
    expect(occurrencesBetween(monthly(15, '2027-01-20'), '2027-01-01', '2027-04-30')).toEqual(['2027-02-15', '2027-03-15', '2027-04-15'])
    expect(occurrencesBetween(monthly(15, '2027-01-15'), '2027-01-01', '2027-02-28')).toEqual(['2027-01-15', '2027-02-15'])
  })

  test('day 31 falls on the last day of shorter months, and back on the 31st after', () => {
    expect(occurrencesBetween(monthly(31, '2027-01-01'), '2027-01-01', '2027-07-31')).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
      '2027-05-31',
      '2027-06-30',
      '2027-07-31'
    ])
  })

  test('leap years: February 29 in 2028 and 2000, February 28 in 2100', () => {
    expect(firstOnOrAfter(monthly(30, '2028-02-01'), '2028-02-01')).toBe('2028-02-29')
    expect(firstOnOrAfter(monthly(29, '2000-02-01'), '2000-02-01')).toBe('2000-02-29')
    expect(firstOnOrAfter(monthly(29, '2100-02-01'), '2100-02-01')).toBe('2100-02-28')
    expect(nextOccurrence(monthly(29, '2100-02-01'), '2100-02-28')).toBe('2100-03-29')
  })

  test('years below 100 are not taken for 19xx', () => {
    expect(firstOnOrAfter(monthly(31, '0048-02-01'), '0048-02-01')).toBe('0048-02-29')
    expect(firstOnOrAfter(monthly(31, '0050-02-01'), '0050-02-01')).toBe('0050-02-28')
    expect(nextOccurrence(weekly('0099-12-30'), '0099-12-30')).toBe('0100-01-06')
  })

  test('over a year boundary', () => {
    expect(occurrencesBetween(monthly(1, '2027-11-02'), '2027-11-02', '2028-02-01')).toEqual(['2027-12-01', '2028-01-01', '2028-02-01'])
  })

  test('property: one occurrence per month, on min(day, days in month)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1990, max: 2200 }), fc.integer({ min: 1, max: 36 }), (day, year, months) => {
        const start = `${year}-01-01`
        const days = occurrencesBetween(monthly(day, start), start, addDays(`${year + Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}-01`, -1))
        expect(days).toHaveLength(months)
        days.forEach((d, i) => {
          const [y, m, dd] = d.split('-').map(Number) as [number, number, number]
          expect((y - year) * 12 + m - 1).toBe(i)
          expect(dd).toBe(Math.min(day, new Date(Date.UTC(y, m, 0)).getUTCDate()))
        })
      })
    )
  })
})

describe('end date', () => {
  test('is inclusive, and nothing comes after it', () => {
    expect(occurrencesBetween(monthly(10, '2027-01-01', '2027-03-10'), '2027-01-01', '2027-12-31')).toEqual(['2027-01-10', '2027-02-10', '2027-03-10'])
    expect(occurrencesBetween(weekly('2027-01-01', '2027-01-14'), '2027-01-01', '2027-12-31')).toEqual(['2027-01-01', '2027-01-08'])
    expect(nextOccurrence(weekly('2027-01-01', '2027-01-14'), '2027-01-08')).toBeNull()
  })

  test('an end before the first occurrence means none', () => {
    expect(firstOnOrAfter(monthly(20, '2027-01-01', '2027-01-19'), '2027-01-01')).toBeNull()
    expect(occurrencesBetween(monthly(20, '2027-01-01', '2027-01-19'), '2027-01-01', '2027-12-31')).toEqual([])
  })
})

test('a limit stops the list; continuing the day after the last gives the rest', () => {
  const s = weekly('2027-01-01')
  const first = occurrencesBetween(s, '2027-01-01', '2027-12-31', 3)
  expect(first).toEqual(['2027-01-01', '2027-01-08', '2027-01-15'])
  const rest = occurrencesBetween(s, addDays(first[2]!, 1), '2027-12-31')
  expect([...first, ...rest]).toEqual(occurrencesBetween(s, '2027-01-01', '2027-12-31'))
  expect(first.length + rest.length).toBe(53)
})
