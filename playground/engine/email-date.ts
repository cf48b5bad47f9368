/**
 * How Flask reads a " d" (datetime) tag: werkzeug.http.parse_date, which is Python's
 * email.utils.parsedate_to_datetime (email/_parseaddr.py _parsedate_tz) plus "no zone means UTC",
 * and None for anything unreadable. Python keeps the date's UTC offset (+02:00, EST); a JavaScript
 * Date keeps only the instant, so the offset is returned beside it (see js-losses.ts).
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, AST: -400, ADT: -300, EST: -500, EDT: -400, CST: -600, CDT: -500, MST: -700, MDT: -600, PST: -800, PDT: -700,
};

/** Python's int(text) for what a date holds: optional sign, ASCII digits, underscores between digits, spaces around. */
function pyInt(text: string | number): number | null {
  if (typeof text === 'number') return text;
  const m = /^\s*([+-]?)(\d+(?:_\d+)*)\s*$/.exec(text);
  return m ? Number(m[1] + m[2].replaceAll('_', '')) : null;
}

type Parsed = [year: number, month: number, day: number, hh: number, mm: number, ss: number, offset: number | null];

/** email._parseaddr._parsedate_tz, step for step. */
function parsedateTz(input: string): Parsed | null {
  if (!input) return null;
  let data = input.split(/\s+/).filter(Boolean);
  if (!data.length) return null;
  if (data[0].endsWith(',') || DAYS.includes(data[0].toLowerCase())) data.shift();
  else {
    const i = data[0].lastIndexOf(',');
    if (i >= 0) data[0] = data[0].slice(i + 1);
  }
  if (data.length === 3) {
    const stuff = data[0].split('-');
    if (stuff.length === 3) data = [...stuff, ...data.slice(1)];
  }
  if (data.length === 4) {
    const s = data[3];
    let i = s.indexOf('+');
    if (i === -1) i = s.indexOf('-');
    if (i > 0) data.splice(3, 1, s.slice(0, i), s.slice(i));
    else data.push('');
  }
  if (data.length < 5) return null;
  let [dd, mm, yy, tm, tz] = data.slice(0, 5);
  if (!(dd && mm && yy)) return null;
  mm = mm.toLowerCase();
  if (!MONTHS.includes(mm)) {
    [dd, mm] = [mm, dd.toLowerCase()];
    if (!MONTHS.includes(mm)) return null;
  }
  let month = MONTHS.indexOf(mm) + 1;
  if (month > 12) month -= 12;
  if (dd.endsWith(',')) dd = dd.slice(0, -1);
  if (yy.indexOf(':') > 0) [yy, tm] = [tm, yy];
  if (yy.endsWith(',')) {
    yy = yy.slice(0, -1);
    if (!yy) return null;
  }
  if (!/^\d/.test(yy)) [yy, tz] = [tz, yy];
  if (tm.endsWith(',')) tm = tm.slice(0, -1);
  let parts = tm.split(':');
  let thh: string | number;
  let tmm: string | number;
  let tss: string | number;
  if (parts.length === 2) [thh, tmm, tss] = [parts[0], parts[1], '0'];
  else if (parts.length === 3) [thh, tmm, tss] = parts;
  else if (parts.length === 1 && parts[0].includes('.')) {
    parts = parts[0].split('.');
    if (parts.length === 2) [thh, tmm, tss] = [parts[0], parts[1], 0];
    else if (parts.length === 3) [thh, tmm, tss] = parts;
    else return null;
  } else return null;
  const nums = [yy, dd, thh, tmm, tss].map(pyInt);
  if (nums.some((n) => n === null)) return null;
  let [year, day, hh, min, sec] = nums as number[];
  if (year < 100) year += year > 68 ? 1900 : 2000;
  let offset: number | null = null;
  const zone = tz.toUpperCase();
  if (Object.hasOwn(ZONES, zone)) offset = ZONES[zone];
  else {
    offset = pyInt(zone);
    if (offset === 0 && zone.startsWith('-')) offset = null;
  }
  if (offset) {
    const sign = offset < 0 ? -1 : 1;
    const a = Math.abs(offset);
    offset = sign * (Math.floor(a / 100) * 3600 + (a % 100) * 60);
  }
  return [year, month, day, hh, min, sec, offset];
}

const daysIn = (y: number, m: number) => [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];

/** werkzeug.http.parse_date: the instant and the UTC offset in seconds Python keeps, or null (None). */
export function parseEmailDate(text: string): { date: Date; offsetSeconds: number } | null {
  const p = parsedateTz(text);
  if (!p) return null;
  const [year, month, day, hh, mm, ss, offset] = p;
  // datetime(...) and timezone(timedelta(...)) refuse what is out of range: parse_date gives None
  if (year < 1 || year > 9999 || day < 1 || day > daysIn(year, month) || hh > 23 || mm > 59 || ss > 59 || hh < 0 || mm < 0 || ss < 0) return null;
  const off = offset ?? 0;
  if (Math.abs(off) >= 86400) return null;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hh, mm, ss, 0);
  const t = d.getTime() - off * 1000;
  // an aware datetime near the ends of the range still exists in Python; Date holds it too
  return { date: new Date(t), offsetSeconds: off };
}
