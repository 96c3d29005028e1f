import { StringDecoder } from 'node:string_decoder';
import type { RejectionReason } from '@jackwatch/core';
import { decodeRecordText, isOversized, oversizedRejection, RecordsSplitter, type SplitElement } from '@jackwatch/core/decode';
import type { ByteSource } from './byte-source.ts';
import { ChunkCutter } from './chunk-cutter.ts';
import type { FileChunk, FileStamp, StreamPlan } from './file-chunk.ts';
import { mayMatch } from './prefilter.ts';
import { errorMessage, readErrorReason } from './read-error-reason.ts';

/**
 * Reads a `{"Records":[…]}` document (or a JSON array) too large to hold
 * whole: the text streams through a {@link RecordsSplitter} and each record is
 * parsed on its own, at most `batchSize` events per chunk. A record larger
 * than `maxRecordSize` is scanned past without being held, reported with its
 * index, size and the limit, and the records after it are read. A cut
 * document keeps every complete record before the cut; `progress.next` is
 * the index of the next record, which a restart skips to (re-reading, not
 * re-parsing).
 */
export async function* readRecordsStream(input: ByteSource, path: string, stamp: FileStamp, plan: StreamPlan): AsyncGenerator<FileChunk> {
  const where = { source: plan.source, location: path };
  const skipBefore = plan.resume?.next ?? 0;
  const splitter = new RecordsSplitter(plan.maxRecordSize);
  const decoder = new StringDecoder('utf8');
  const elements: SplitElement[] = [];
  const gathered = new ChunkCutter(input, stamp, plan);
  let index = 0;

  const chunk = (last: boolean): FileChunk => gathered.cut({ next: index }, last);
  const stop = (reason: RejectionReason, why: string): FileChunk => {
    const complete = gathered.complete;
    const last = chunk(reason !== 'unreadable'); // an unreadable file is retried later; a damaged one will not get better
    plan.reject({ reason, message: `${path} ${why}; ${complete} complete records before it were kept`, origin: { ...where, index: -1 } });
    return last;
  };
  function* decodeSplit(text: string): Generator<FileChunk> {
    splitter.push(text, elements);
    for (const element of elements) {
      if (index < skipBefore) {
        // delivered before a restart
      } else if (isOversized(element)) {
        gathered.batch.rejections.push(oversizedRejection(element.oversizedBytes, plan.maxRecordSize, { ...where, index }));
      } else if (mayMatch(element, plan.needles)) {
        decodeRecordText(element, { ...where, index }, gathered.batch);
      } else {
        gathered.prefiltered++;
      }
      index++;
      if (gathered.batch.events.length >= plan.batchSize) yield chunk(false);
    }
    elements.length = 0;
  }

  try {
    for await (const data of input) yield* decodeSplit(decoder.write(data));
    if (input.error === undefined) yield* decodeSplit(decoder.end());
  } catch (error) {
    // Not a records document after all (the splitter decides within its first few hundred characters).
    yield stop('malformed-json', `cannot be split at record ${index}: ${errorMessage(error)}; the rest of the file was skipped`);
    return;
  }
  if (input.error !== undefined) {
    const reason = readErrorReason(input.error);
    const what = reason === 'truncated' ? 'ends early' : reason === 'unreadable' ? 'could not be read' : 'is damaged';
    yield stop(reason, `${what} after record ${index - 1} (${errorMessage(input.error)})`);
    return;
  }
  const end = splitter.end();
  if (!end.complete) {
    const over = end.droppedOversized ? `, already longer than maxRecordSize (${plan.maxRecordSize} bytes),` : '';
    const dropped = end.droppedChars > 0 ? ` (${end.droppedChars} characters of an unfinished record${over} dropped)` : '';
    yield stop('truncated', `ends early after record ${index - 1}${dropped}`);
    return;
  }
  yield chunk(true);
}
