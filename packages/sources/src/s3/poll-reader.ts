import type { S3Client } from '@aws-sdk/client-s3';
import type { ComponentContext, SourceBatch } from '@jackwatch/core';
import { componentRetries, type RetryOptions } from '../aws/retry-aws.ts';
import type { S3PollConfig } from './config.ts';
import { discoverPartitions, isFullyConfigured } from './discover-partitions.ts';
import { type ListedObject, byFileTime, listNewObjects } from './list-new-objects.ts';
import { mapOrdered } from './map-ordered.ts';
import { mergeSorted } from './merge-sorted.ts';
import { partBatches, type ObjectReader } from './object-reader.ts';
import { PartitionCursor, type PartitionPosition } from './partition-cursor.ts';
import type { Partition } from './partition.ts';
import { PollCheckpoint } from './poll-checkpoint.ts';
import { parseStartTime, resolveStartTime } from './start-time.ts';
import { METRICS } from '@jackwatch/core';

const DEFAULT_START = '1h';
// Keys buffered across all partitions' listing pages at once, at most (~150 bytes each).
const LISTED_KEYS_BUDGET = 100_000;

/**
 * Poll mode: lists every partition from its checkpoint, interleaves the
 * partitions' files by the time in their names (a k-way merge, so events
 * reach the detectors roughly in event time), downloads `concurrency`
 * objects at once in that order, and yields one batch per object (a few for
 * an object streamed in parts). Acks
 * advance each partition's checkpoint; `once` ends after one pass.
 */
export class PollReader {
  readonly #config: S3PollConfig;
  readonly #context: ComponentContext;
  readonly #s3: S3Client;
  readonly #objects: ObjectReader;
  readonly #checkpoint: PollCheckpoint;
  readonly #cursors = new Map<string, PartitionCursor>();

  constructor(config: S3PollConfig, context: ComponentContext, s3: S3Client, objects: ObjectReader) {
    this.#config = config;
    this.#context = context;
    this.#s3 = s3;
    this.#objects = objects;
    this.#checkpoint = new PollCheckpoint(context.checkpoints, config.bucket);
  }

  /** Yields one batch per object (a few for one streamed in parts) until `once` ends the first pass or `outer` aborts. */
  async *read(outer: AbortSignal): AsyncGenerator<SourceBatch> {
    // Also ends pending listings and downloads when the consumer stops without aborting.
    const stopped = new AbortController();
    const signal = AbortSignal.any([outer, stopped.signal]);
    const { clock } = this.#context;
    const positions = await this.#checkpoint.load();
    const startTime = resolveStartTime(parseStartTime(this.#config.startTime ?? DEFAULT_START)!, clock.now());
    const retry = this.#retryOptions(signal);
    let partitions: Partition[] = [];
    try {
      for (;;) {
        // Discovery costs a few delimiter listings (one per account), small beside one listing per partition.
        if (partitions.length === 0 || !isFullyConfigured(this.#config)) {
          partitions = await discoverPartitions(this.#s3, this.#config, retry);
          this.#context.logger.debug('s3 partitions', { bucket: this.#config.bucket, partitions: partitions.length });
        }
        const cursors = partitions.map((partition) => this.#cursor(partition, positions.get(partition.prefix)));
        const pageSize = Math.min(this.#config.listPageSize, Math.max(20, Math.floor(LISTED_KEYS_BUDGET / Math.max(1, cursors.length))));
        const listings = cursors.map((cursor) => listNewObjects(this.#s3, this.#config.bucket, cursor, startTime, pageSize, retry));
        const started = clock.now();
        let objects = 0;
        const ordered = this.#handOut(mergeSorted(listings, byFileTime, this.#config.concurrency));
        for await (const { object, parts } of mapOrdered(ordered, this.#config.concurrency, async (object) => ({ object, parts: await this.#objects.open(object, signal) }))) {
          objects++;
          yield* partBatches(parts, () => this.#ack(object));
        }
        this.#context.telemetry.add(METRICS.s3Polls.name, 1, { source: this.#context.id });
        this.#context.logger.debug('s3 poll done', { bucket: this.#config.bucket, objects, ms: clock.now() - started });
        if (this.#config.once) return;
        await clock.sleep(this.#config.pollInterval, signal);
      }
    } catch (error) {
      if (signal.aborted) return;
      throw error;
    } finally {
      stopped.abort();
    }
  }

  async *#handOut(objects: AsyncIterable<ListedObject>): AsyncGenerator<ListedObject> {
    for await (const object of objects) {
      this.#context.telemetry.add(METRICS.s3ObjectsListed.name, 1, { source: this.#context.id });
      object.cursor.markRead(object.key);
      yield object;
    }
  }

  async #ack(object: ListedObject): Promise<void> {
    const { cursor } = object;
    if (!cursor.ack(object.key)) return;
    await this.#checkpoint.commit(cursor.partition.prefix, cursor.position()!);
  }

  #cursor(partition: Partition, position: PartitionPosition | undefined): PartitionCursor {
    let cursor = this.#cursors.get(partition.prefix);
    if (!cursor) {
      cursor = new PartitionCursor(partition, this.#config.lateDelivery, position);
      this.#cursors.set(partition.prefix, cursor);
    }
    return cursor;
  }

  #retryOptions(signal: AbortSignal): RetryOptions {
    return componentRetries(this.#context, signal, this.#config.once ? 3 : undefined);
  }
}
