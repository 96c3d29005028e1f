import { RECORDS_OPENING } from '@jackwatch/core/decode';

/** How a streamed document is split into records: by the array's elements, or line by line. */
export type DocumentLayout = 'records' | 'lines';

const KEY = '"Records"';

/**
 * Decides from the first characters of a document whether it is a
 * `{"Records":[…]}` delivery file or a JSON array (split by element) or
 * anything else, NDJSON above all (split by line). Returns `undefined` while
 * `text` is too short to tell and `atEnd` is false.
 */
export function sniffDocument(text: string, atEnd: boolean): DocumentLayout | undefined {
  if (RECORDS_OPENING.test(text)) return 'records';
  if (atEnd) return 'lines';
  const start = text.replace(/^\uFEFF?\s*/, '');
  if (start.length === 0) return undefined;
  if (start[0] !== '{') return 'lines';
  // `{` and then maybe `"Records" : [` still arriving: wait until it is visible.
  const afterBrace = start.slice(1).trimStart();
  if (afterBrace.length <= KEY.length) return KEY.startsWith(afterBrace) ? undefined : 'lines';
  return afterBrace.startsWith(KEY) && /^\s*(?::\s*)?$/.test(afterBrace.slice(KEY.length)) ? undefined : 'lines';
}
