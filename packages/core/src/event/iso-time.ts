// Findings name three times and the events behind them mostly share a second:
// the date part of the last second formatted is kept, so most calls only append
// the milliseconds instead of building a Date and formatting it whole.
let cachedSecond = Number.NaN;
let cachedPrefix = '';
let lastTime = Number.NaN;
let lastText = '';

/**
 * Epoch milliseconds as an ISO-8601 UTC string, exactly as
 * `new Date(time).toISOString()` writes it (and throwing the same
 * `RangeError` for a time out of range).
 */
export function formatIsoTime(time: number): string {
  if (time === lastTime) return lastText;
  if (!Number.isInteger(time)) return new Date(time).toISOString();
  const second = Math.floor(time / 1000);
  if (second !== cachedSecond) {
    const text = new Date(time).toISOString();
    cachedPrefix = text.slice(0, -4);
    cachedSecond = second;
  }
  const ms = time - second * 1000;
  lastText = `${cachedPrefix}${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}Z`;
  lastTime = time;
  return lastText;
}
