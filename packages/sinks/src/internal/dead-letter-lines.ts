import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Finding } from '@jackwatch/core';

/**
 * The finding of one dead-letter line, or `undefined` when the line is not a
 * dead-letter entry (hand-edited, truncated by a crash, another format).
 */
export function parseDeadLetterLine(line: string): Finding | undefined {
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    return undefined;
  }
  const finding = (entry as { finding?: unknown } | null)?.finding as Partial<Finding> | undefined;
  const looksLikeFinding =
    typeof finding === 'object' &&
    finding !== null &&
    typeof finding.id === 'string' &&
    typeof finding.summary === 'string' &&
    typeof finding.detector === 'object' &&
    Array.isArray(finding.evidence);
  return looksLikeFinding ? (finding as Finding) : undefined;
}

/**
 * Yields the non-empty lines of `path`, one at a time. When the file grows
 * while it is read (an agent finishing an append after the file was moved
 * aside), the new bytes are read too, until the size stops changing.
 */
export async function* readGrowingLines(path: string): AsyncGenerator<string> {
  let offset = 0;
  for (;;) {
    const { size } = await stat(path);
    if (size <= offset) return;
    const input = createReadStream(path, { start: offset, end: size - 1 });
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      if (line.trim() !== '') yield line;
    }
    offset = size;
  }
}
