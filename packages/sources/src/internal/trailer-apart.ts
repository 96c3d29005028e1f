// A gzip member ends with 8 bytes: the CRC-32 and the size of what it inflates to.
const TRAILER_BYTES = 8;

/**
 * Passes the bytes of a gzip file through unchanged — except that its last
 * 8 bytes, the last member's trailer, come alone, in a chunk of their own.
 *
 * Fed to a gunzip stream, the trailer is then checked in a zlib call of its
 * own. That matters for a trailer that does not match (a wrong size or
 * checksum): zlib drops the output of the call that fails, so without this
 * the last chunk of records before a bad trailer — a whole small file — would
 * be lost, although every byte of them inflated correctly.
 */
export async function* trailerApart(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  let held: Buffer = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (held.length + bytes.length <= TRAILER_BYTES) {
      held = Buffer.concat([held, bytes]); // at most 8 bytes copied
      continue;
    }
    if (bytes.length >= TRAILER_BYTES) {
      if (held.length > 0) yield held;
      if (bytes.length > TRAILER_BYTES) yield bytes.subarray(0, bytes.length - TRAILER_BYTES);
      held = bytes.subarray(bytes.length - TRAILER_BYTES);
    } else {
      const release = held.length + bytes.length - TRAILER_BYTES;
      yield held.subarray(0, release);
      held = Buffer.concat([held.subarray(release), bytes]);
    }
  }
  if (held.length > 0) yield held;
}
