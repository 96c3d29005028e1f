// Entry of a decode worker thread (see decode-pool.ts): decodes the files and objects it is sent, one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import type { Interest } from '@jackwatch/core';
import { decodeFileAt } from '../file/decode-file-at.ts';
import { decodeObject } from '../s3/object-decoder.ts';
import { WholeInflater } from './inflate-whole.ts';
import { compileInterest } from './interest-filter.ts';
import type { DecodeRequest, DecodeResponse, DecodeWorkerData } from './decode-pool.ts';

const data = workerData as DecodeWorkerData;
const settings = {
  source: data.source,
  maxWholeFileSize: data.maxWholeFileSize,
  maxRecordSize: data.maxRecordSize,
  prefilter: data.prefilter,
  filter: compileInterest(data.interest as Interest),
  inflater: new WholeInflater(data.maxWholeFileSize),
  scratch: { buffer: Buffer.alloc(0) },
};
parentPort!.on('message', (request: DecodeRequest) => {
  const response: DecodeResponse = request.kind === 'file'
    ? { id: request.id, kind: 'file', file: decodeFileAt(request.path, settings) }
    : { id: request.id, kind: 'object', object: decodeObject(request.bytes, { source: data.source, location: request.location }, settings, settings.inflater) };
  parentPort!.postMessage(response);
});
parentPort!.postMessage({ ready: true });
