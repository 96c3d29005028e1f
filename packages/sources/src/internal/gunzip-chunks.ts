import { pipeline, Readable } from 'node:stream';
import { constants, createGunzip } from 'node:zlib';

// A gzip member ends with 8 bytes: the CRC-32 and the size of what it inflates to.
const TRAILER_BYTES = 8;
// Fed after the file's own bytes: ignored after a complete gzip stream, an error of its own after a cut one.
const END_PAD = Buffer.from([0]);

/**
 * Gunzips a stream of gzip bytes into chunks of about `chunkSize`, delivering
 * every byte that inflates before a cut or damage; then throws zlib's error
 * (a cut stream: `Z_BUF_ERROR`, "unexpected end of file").
 *
 * A plain gunzip stream loses some: zlib drops the output of a call that
 * fails, and a call fails where it meets the trailer (a wrong size or
 * checksum) or, for a cut stream, on the last chunk written (Node inflates
 * it with `Z_FINISH`) — so the records before a bad trailer (a whole small
 * file) or in the last chunk read of a cut file were inflated, then lost.
 * Here the last 8 bytes go in a write of their own, and one zero byte after
 * them: a bad trailer fails in calls that inflate nothing, and a cut stream
 * only on that byte.
 */
export async function* gunzipChunks(compressed: AsyncIterable<Uint8Array>, chunkSize: number): AsyncGenerator<Buffer> {
  let fed = 0;
  const counted = async function* (): AsyncGenerator<Buffer> {
    for await (const chunk of trailerApart(compressed)) {
      fed += chunk.length;
      yield chunk;
    }
    yield END_PAD;
  };
  const gunzip = createGunzip({ chunkSize });
  const inflated = pipeline(Readable.from(counted()), gunzip, () => {});
  try {
    for await (const chunk of inflated) yield chunk as Buffer;
  } catch (error) {
    // A zlib error after every byte of the file inflated without one: only the pad failed, so the stream was cut short.
    throw isZlibError(error) && gunzip.bytesWritten >= fed ? cutShort() : error;
  } finally {
    inflated.destroy();
  }
  // The pad was taken in (it is not, after a complete stream): it completed a trailer cut one zero byte short.
  if (gunzip.bytesWritten > fed) throw cutShort();
}

function cutShort(): Error {
  return Object.assign(new Error('unexpected end of file'), { code: 'Z_BUF_ERROR', errno: constants.Z_BUF_ERROR });
}

/** `chunks` unchanged, except that the last 8 bytes (a gzip file's trailer) come alone, in a chunk of their own. */
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

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}
