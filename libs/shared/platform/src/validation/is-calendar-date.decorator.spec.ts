import { isCalendarDate } from './is-calendar-date.decorator';

describe('isCalendarDate', () => {
  it.each(['2024-02-29', '2023-12-31', '1900-01-01'])('accepts %s', (value) => expect(isCalendarDate(value)).toBe(true));
  it.each(['2023-02-29', '2023-02-30', '2023-13-01', '2023-1-01', '2023-01-01T00:00:00Z', '', '1899-12-31', 20230101, null])('rejects %p', (value) =>
    expect(isCalendarDate(value)).toBe(false),
  );
});
