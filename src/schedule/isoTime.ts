const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Parse an ISO 8601 date and time with a zone (`2026-11-23T07:05:00Z`, `...+01:00`) strictly:
 * JavaScript's Date rolls 2026-02-30 over to 2 March, which would quietly build the wrong brief.
 * Returns the time, or why the text is not one.
 */
export function parseIsoDateTime(text: string): Date | { problem: string } {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return { problem: 'is not an ISO 8601 date and time' };
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((n) => Number(n ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const zone = match[8];
  if (zone === undefined)
    return { problem: 'has no time zone (end it with Z or an offset such as +01:00)' };
  if (month < 1 || month > 12) return { problem: `has month ${month}; months are 01 to 12` };
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    return { problem: `is not a calendar date: ${MONTHS[month - 1]} ${year} has ${days} days` };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { problem: `is not a time of day: hours are 00 to 23, minutes and seconds 00 to 59` };
  }
  const offset = zoneOffsetMinutes(zone);
  if (offset === undefined) return { problem: `has an impossible zone offset ${zone}` };
  const millis = Number(`0.${match[7] ?? '0'}`) * 1000;
  return new Date(
    Date.UTC(year, month - 1, day, hour, minute, second, Math.floor(millis)) - offset * 60_000,
  );
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function zoneOffsetMinutes(zone: string): number | undefined {
  if (zone === 'Z') return 0;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 14 || minutes > 59) return undefined;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}
