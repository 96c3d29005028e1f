import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { CheckpointValue } from './checkpoint-store.ts';

/** The largest checkpoint file read: far above what any source writes, far below what would exhaust memory. */
export const MAX_CHECKPOINT_FILE_BYTES = 256 * 1024 * 1024;

/** What is in a checkpoint file: nothing yet, the entries of its scope, or why it cannot be used. */
export type CheckpointFileContent =
  | { readonly kind: 'absent' }
  | { readonly kind: 'entries'; readonly entries: Map<string, CheckpointValue>; readonly bytes: number; readonly modified: Date }
  | { readonly kind: 'refused'; readonly problem: string; readonly cause?: unknown };

/**
 * Reads one scope's checkpoint file: a JSON object of entries, in UTF-8, at
 * most {@link MAX_CHECKPOINT_FILE_BYTES}. A file that does not exist (or
 * whose directory does not) is `absent`; anything else that is not such an
 * object is `refused` with the problem in words (`is not valid JSON
 * (Unterminated string …)`, `holds an array, not an object of entries`).
 * Opened without blocking, so a FIFO in its place is refused, not waited on.
 */
export async function readCheckpointFile(path: string): Promise<CheckpointFileContent> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'absent' };
    return { kind: 'refused', problem: `cannot be read (${messageOf(error)})`, cause: error };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { kind: 'refused', problem: `is ${fileTypeOf(info)}, not a regular file` };
    if (info.size > MAX_CHECKPOINT_FILE_BYTES) {
      return { kind: 'refused', problem: `is ${info.size} bytes, more than the ${MAX_CHECKPOINT_FILE_BYTES} a checkpoint file may hold` };
    }
    const bytes = await readExactly(handle, info.size);
    const parsed = parseEntries(bytes);
    return 'problem' in parsed ? { kind: 'refused', ...parsed } : { kind: 'entries', entries: parsed.entries, bytes: bytes.length, modified: info.mtime };
  } catch (error) {
    return { kind: 'refused', problem: `cannot be read (${messageOf(error)})`, cause: error };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Parses a checkpoint file's bytes: UTF-8 JSON whose top level is an object. */
export function parseEntries(bytes: Uint8Array): { entries: Map<string, CheckpointValue> } | { problem: string; cause?: unknown } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    return { problem: 'is not UTF-8 text', cause: error };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `is not valid JSON (${messageOf(error)})`, cause: error };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: `holds ${describeJson(value)}, not an object of checkpoint entries` };
  }
  return { entries: new Map(Object.entries(value as Record<string, CheckpointValue>)) };
}

/** A JSON value's kind in words: `an array`, `a number`, `null`, … */
export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'number' ? 'a number' : typeof value === 'string' ? 'a string' : typeof value === 'boolean' ? 'a boolean' : typeof value;
}

// The size stat gave, no more: a file that grows meanwhile cannot make this read unbounded.
async function readExactly(handle: FileHandle, size: number): Promise<Buffer> {
  const buffer = Buffer.alloc(size);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await handle.read(buffer, filled, size - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

function fileTypeOf(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'of an unknown type';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
