import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeBuffer } from '../decode/decode-buffer.ts';
import type { TrailEvent } from '../event/trail-event.ts';

/** Names of the files {@link loadFixtureEvents} reads from a directory. */
export const FIXTURE_EVENT_FILE = /\.(?:json|ndjson|jsonl)(?:\.gz)?$/i;

/**
 * Reads fixture events for a detector test from a file — a CloudTrail
 * delivery file (`{"Records":[…]}`), a JSON array, NDJSON or EventBridge
 * envelopes, gzipped or not — or from every such file of a directory (not
 * recursive), in file-name order. Events keep file order, then record order;
 * their origin is `fixture` and the file (`#index`).
 *
 * Fixtures must be clean: any record the decoders would reject (bad JSON,
 * no `eventTime`, not CloudTrail) fails the load with each file and index.
 *
 * @throws {Error} when a path cannot be read or a record is rejected.
 * @example
 * ```ts
 * const events = await loadFixtureEvents(new URL('./testdata/enum-then-invoke.ndjson', import.meta.url).pathname);
 * const { findings } = runDetector(detector, events, { order: 'shuffled', allowedLateness: 300_000 });
 * ```
 */
export async function loadFixtureEvents(path: string): Promise<TrailEvent[]> {
  const info = await stat(path);
  const files = info.isDirectory()
    ? (await readdir(path, { withFileTypes: true }))
        .filter((entry) => entry.isFile() && FIXTURE_EVENT_FILE.test(entry.name))
        .map((entry) => join(path, entry.name))
        .sort()
    : [path];
  const events: TrailEvent[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const batch = decodeBuffer(await readFile(file), { source: 'fixture', location: file });
    events.push(...batch.events);
    for (const rejection of batch.rejections) {
      const where = rejection.origin.index === -1 ? file : `${file}#${rejection.origin.index}`;
      problems.push(`${where}: ${rejection.message}`);
    }
  }
  if (problems.length > 0) throw new Error(`fixture events are not all usable CloudTrail records:\n  ${problems.join('\n  ')}`);
  return events;
}
