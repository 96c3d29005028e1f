/** `1234567` → `1,234,567`. */
export function thousands(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** Bytes as MB (10^6), one decimal under 100. */
export function megabytes(bytes: number): string {
  const mb = bytes / 1e6;
  return mb < 100 ? mb.toFixed(1) : thousands(mb);
}

/** A markdown table. */
export function table(header: readonly string[], align: readonly ('l' | 'r')[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(align.map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(line)].join('\n');
}
