import type { ByteSource } from './byte-source.ts';
import { ReplayedByteSource } from './byte-source.ts';
import type { FileChunk, FileStamp, StreamPlan } from './file-chunk.ts';
import { readLineStream } from './line-stream-reader.ts';
import { readRecordsStream } from './records-stream-reader.ts';
import { sniffDocument, type DocumentLayout } from './sniff-document.ts';

// Past this much leading text without a decision, the document is read as lines.
const MAX_SNIFF_BYTES = 64 * 1024;

/**
 * Streams a document too large to read whole: a `{"Records":[…]}` delivery
 * file or JSON array is split record by record, anything else is read as
 * NDJSON. The shape is sniffed from the first bytes, which are then replayed.
 */
export async function* readLargeDocument(input: ByteSource, path: string, stamp: FileStamp, plan: StreamPlan): AsyncGenerator<FileChunk> {
  const iterator = input[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  let layout: DocumentLayout | undefined;
  while (layout === undefined) {
    const next = await iterator.next();
    if (next.done === true) {
      layout = sniffDocument(Buffer.concat(head).toString('utf8'), true);
      break;
    }
    head.push(next.value);
    headBytes += next.value.length;
    layout = sniffDocument(Buffer.concat(head).toString('utf8'), false) ?? (headBytes > MAX_SNIFF_BYTES ? 'lines' : undefined);
  }
  const replayed = new ReplayedByteSource(input, head, iterator);
  if (layout === 'records') yield* readRecordsStream(replayed, path, stamp, plan);
  else yield* readLineStream(replayed, path, stamp, plan, { offset: 0, line: 1, trackOffset: false });
}
