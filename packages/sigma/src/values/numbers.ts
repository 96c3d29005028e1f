const NUMERIC = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/**
 * A record value read as a number: a number, or a string that is a decimal
 * number (`"42"`, `" 4.5e3 "`); anything else (booleans, `"0x2a"`, `""`) is `undefined`.
 */
export function numericValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  if (typeof value === 'string' && value.length <= 400 && NUMERIC.test(value)) return Number(value);
  return undefined;
}

/** The string a rule's string tests see for a record scalar: strings as they are, numbers and booleans as JSON writes them. */
export function scalarText(value: string | number | boolean): string {
  return typeof value === 'string' ? value : String(value);
}
