// C0 controls (line breaks and tabs included), DEL, C1 controls, the Unicode line and paragraph separators,
// and the bidirectional overrides and isolates that reorder what a terminal shows.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * `text` made safe for one line of a terminal or a text log: line breaks,
 * terminal escape sequences and other controls are written as escapes
 * (`\n`, `\u001b`), so text taken from input — a record's fields, a file's
 * name — can neither forge a log line nor drive the terminal.
 *
 * @example printable('a\nb\u001b[31m') // 'a\\nb\\u001b[31m'
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
