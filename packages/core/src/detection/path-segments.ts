/** Where one `/`-separated segment of a glob lies: `text.slice(start, end)`. */
export interface SegmentBounds {
  readonly start: number;
  readonly end: number;
}

/**
 * The segments of a path glob between its `/` separators; `\/` is escaped,
 * not a separator. Empty segments (from `//` or a leading or trailing `/`)
 * are kept, so offsets stay true to the text.
 */
export function segmentBounds(text: string): SegmentBounds[] {
  const bounds: SegmentBounds[] = [];
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === '/') {
      bounds.push({ start, end: index });
      start = index + 1;
    }
  }
  bounds.push({ start, end: text.length });
  return bounds;
}
