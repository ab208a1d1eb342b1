import type { Diagnostics } from '../diagnostics.js'

/** The latest instant `YYYY-MM-DDTHH:MM:SSZ` can write (9999-12-31T23:59:59Z). */
const MAX_SECONDS = 253402300799

/**
 * The edition's modification instant, `YYYY-MM-DDTHH:MM:SSZ`:
 * `SOURCE_DATE_EPOCH` (seconds since the epoch, the reproducible-builds
 * convention) when set and valid, else the front matter's (or `book.yaml`'s)
 * `date`, else the moment of the build (`now`, in milliseconds since the
 * epoch). A reproducible build sets one of the first two.
 */
export function modifiedInstant(
  sourceDateEpoch: string | undefined,
  date: string | undefined,
  diag: Diagnostics,
  now: () => number = Date.now,
): string {
  if (sourceDateEpoch !== undefined && sourceDateEpoch.trim() !== '') {
    const text = sourceDateEpoch.trim()
    if (/^\d{1,12}$/.test(text) && Number(text) <= MAX_SECONDS) {
      return formatInstant(Number(text) * 1000)
    }
    diag.warn(`SOURCE_DATE_EPOCH=${JSON.stringify(sourceDateEpoch)} is not a number of seconds: ignored`, undefined, 'source-date-epoch')
  }
  return (date === undefined ? undefined : dateToInstant(date)) ?? formatInstant(now())
}

/**
 * An ISO 8601 date (`2024`, `2024-05`, `2024-05-01`) or date-time with zone,
 * already checked by the front-matter reader, as a UTC instant; a date alone
 * is its first moment, 00:00:00Z. Undefined for a text that is neither.
 */
export function dateToInstant(date: string): string | undefined {
  const [, year, month = '01', day = '01'] = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date) ?? []
  if (year !== undefined) return `${year}-${month}-${day}T00:00:00Z`
  const milliseconds = Date.parse(date)
  return Number.isNaN(milliseconds) ? undefined : formatInstant(milliseconds)
}

function formatInstant(milliseconds: number): string {
  return new Date(milliseconds).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
