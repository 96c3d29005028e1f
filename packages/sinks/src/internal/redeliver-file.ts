import { rename, stat, unlink } from 'node:fs/promises';
import type { Finding, RedeliveryReport, Sink, SinkStats } from '@jackwatch/core';
import type { DeadLetterFile } from './dead-letter-file.ts';
import { parseDeadLetterLine, readGrowingLines } from './dead-letter-lines.ts';


const EXPORT_CHUNK = 100;

/**
 * Sends the findings of a dead-letter file through `sink`, whose own
 * dead-letter file must be `deadLetters` (the same path): whatever fails again
 * lands back there. The file is first moved to `<file>.redelivering`, so an
 * agent running meanwhile starts a fresh file; if a previous run was
 * interrupted, its `.redelivering` file is resumed first (run again for the rest).
 * The `.redelivering` file is removed only when nothing was lost; otherwise
 * it stays for the next run (deterministic finding ids make the repeats
 * harmless). The sink is started and shut down here.
 */
export async function redeliverFile(sink: Sink & { stats(): SinkStats }, deadLetters: DeadLetterFile, signal?: AbortSignal): Promise<RedeliveryReport> {
  const file = deadLetters.path;
  const inProgress = `${file}.redelivering`;
  const resumed = await exists(inProgress);
  let read = 0;
  let malformed = 0;
  let skipped = 0;
  if (!resumed && !(await exists(file))) return { file, read, delivered: 0, deadLettered: 0, lost: 0, retried: 0, malformed, skipped, resumed };

  await sink.start();
  try {
    if (!resumed) await rename(file, inProgress);
    let chunk: Finding[] = [];
    let keep: string[] = [];
    for await (const line of readGrowingLines(inProgress)) {
      const finding = signal?.aborted ? undefined : parseDeadLetterLine(line);
      if (finding) {
        read += 1;
        chunk.push(finding);
      } else {
        if (signal?.aborted) skipped += 1;
        else malformed += 1;
        keep.push(line);
      }
      if (chunk.length >= EXPORT_CHUNK) {
        await sink.export(chunk);
        chunk = [];
      }
      if (keep.length >= EXPORT_CHUNK) {
        await deadLetters.appendLines(keep);
        keep = [];
      }
    }
    if (chunk.length > 0) await sink.export(chunk);
    await deadLetters.appendLines(keep);
  } finally {
    await sink.shutdown();
  }
  const stats = sink.stats();
  const lost = stats.lost ?? 0;
  if (lost === 0) await unlink(inProgress);
  return { file, read, delivered: stats.delivered, deadLettered: stats.deadLettered, lost, retried: stats.retried, malformed, skipped, resumed };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
