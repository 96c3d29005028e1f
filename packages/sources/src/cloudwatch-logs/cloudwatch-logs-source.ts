import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { ComponentContext, Source, SourceBatch } from '@jackwatch/core';
import type { AwsClientOverrides } from '../aws/aws-client-config.ts';
import type { AwsRequestError } from '../aws/aws-request-error.ts';
import type { RetryOptions } from '../aws/retry-aws.ts';
import { CLOUDWATCH_LOGS_BACKOFF } from './backoff-policy.ts';
import { CheckpointWriter } from './checkpoint-writer.ts';
import { createCloudWatchLogsClient } from './cloudwatch-logs-client.ts';
import type { CloudWatchLogsSourceConfig } from './config.ts';
import { effectiveFilterPattern } from './filter-pattern.ts';
import type { LogGroupPosition } from './log-group-position.ts';
import { checkFilterAccess, type LogGroupTarget, resolveLogGroupArn } from './log-group-target.ts';
import { PullReader } from './pull-reader.ts';
import { resolveStartTime } from './start-time.ts';
import { TailReader } from './tail-reader.ts';
import { WindowReader } from './window-reader.ts';
import { METRICS } from '@jackwatch/core';

/**
 * Reads CloudTrail records that a trail sends to CloudWatch Logs, one record
 * per log event: `pull` mode polls FilterLogEvents up to `now −
 * ingestionDelay` (the lag guard), `tail` mode follows StartLiveTail. Either
 * way the filter pattern derived from the detectors' interest is pushed down
 * to CloudWatch, and each log group's position is checkpointed only once the
 * batches read up to it were acknowledged.
 */
export class CloudWatchLogsSource implements Source {
  readonly #config: CloudWatchLogsSourceConfig;
  readonly #context: ComponentContext;
  readonly #overrides: AwsClientOverrides;
  readonly #filterPattern: string;
  readonly #checkpoints: CheckpointWriter;
  #client: CloudWatchLogsClient | undefined;
  #groups: LogGroupTarget[] = [];

  /** @param overrides credentials for embedders and tests; the default credential chain otherwise. */
  constructor(config: CloudWatchLogsSourceConfig, context: ComponentContext, overrides: AwsClientOverrides = {}) {
    this.#config = config;
    this.#context = context;
    this.#overrides = overrides;
    this.#filterPattern = effectiveFilterPattern(config.filterPattern, context.interest);
    this.#checkpoints = new CheckpointWriter(context.checkpoints);
  }

  /** The filter pattern pushed down to CloudWatch (`''`: none, every event is read). */
  get filterPattern(): string {
    return this.#filterPattern;
  }

  /**
   * Checks every log group: that it exists, that `logs:FilterLogEvents` is
   * allowed and the filter pattern accepted; in tail mode, resolves group
   * names to the ARNs Live Tail needs. Throws one clear error naming the
   * group and the missing permission.
   */
  async start(): Promise<void> {
    const client = this.#clientOrCreate();
    const now = this.#context.clock.now();
    this.#groups = [];
    for (const identifier of this.#config.logGroups) {
      await checkFilterAccess(client, identifier, this.#filterPattern, now);
      const arn = this.#config.mode === 'tail' ? await resolveLogGroupArn(client, identifier) : undefined;
      this.#groups.push({ identifier, arn });
    }
    this.#context.logger.info('reading CloudWatch Logs', {
      mode: this.#config.mode,
      logGroups: this.#config.logGroups,
      filterPattern: this.#filterPattern === '' ? '(none: every event)' : this.#filterPattern,
    });
  }

  /** Yields one batch per FilterLogEvents page or Live Tail update until the input ends (`once`) or `signal` aborts. */
  async *read(signal: AbortSignal): AsyncGenerator<SourceBatch> {
    if (this.#groups.length === 0) await this.start();
    const { clock, logger } = this.#context;
    const pull = new PullReader(this.#windowReader(), await this.#startPositions());
    this.#context.telemetry.observe(METRICS.cloudwatchLogsReadLag.name, (record) => record(Math.max(0, (clock.now() - pull.readUpTo()) / 1000), { source: this.#context.id }));
    const retry = this.#retryPolicy(signal);
    try {
      if (this.#config.mode === 'tail') {
        yield* this.#tailReader(pull).read(retry);
        return;
      }
      const commit = (identifier: string, next: LogGroupPosition): Promise<void> => this.#checkpoints.commit(identifier, next);
      if (this.#config.once) {
        yield* pull.readUntil(clock.now() - this.#config.ingestionDelay, retry, commit);
        return;
      }
      while (!signal.aborted) {
        yield* pull.readUntil(clock.now() - this.#config.ingestionDelay, retry, commit);
        await clock.sleep(this.#config.pollInterval, signal);
      }
    } catch (error) {
      if (signal.aborted) {
        logger.debug('reading stopped', { reason: String(signal.reason) });
        return;
      }
      throw error;
    }
  }

  /** Releases the client's connections; idempotent, safe without `start`. */
  async shutdown(): Promise<void> {
    this.#client?.destroy();
    this.#client = undefined;
  }

  #clientOrCreate(): CloudWatchLogsClient {
    this.#client ??= createCloudWatchLogsClient(this.#config, this.#context.logger, this.#overrides);
    return this.#client;
  }

  async #startPositions(): Promise<Map<string, LogGroupPosition>> {
    const start = resolveStartTime(this.#config.startTime, this.#context.clock.now());
    const positions = new Map<string, LogGroupPosition>();
    for (const { identifier } of this.#groups) {
      positions.set(identifier, (await this.#checkpoints.load(identifier)) ?? { timestamp: start, eventIds: [] });
    }
    return positions;
  }

  #windowReader(): WindowReader {
    const { logStreamNamePrefix, pageSize, maxRecordSize } = this.#config;
    return new WindowReader({ client: this.#clientOrCreate(), context: this.#context, filterPattern: this.#filterPattern, logStreamNamePrefix, pageSize, maxRecordSize });
  }

  #tailReader(pull: PullReader): TailReader {
    const { logStreamNamePrefix, ingestionDelay, pollInterval, maxRecordSize } = this.#config;
    return new TailReader({
      client: this.#clientOrCreate(),
      context: this.#context,
      pull,
      checkpoints: this.#checkpoints,
      groups: this.#groups,
      filterPattern: this.#filterPattern,
      logStreamNamePrefix,
      ingestionDelay,
      pollInterval,
      maxRecordSize,
    });
  }

  #retryPolicy(signal: AbortSignal): RetryOptions {
    const context = this.#context;
    return {
      clock: context.clock,
      signal,
      backoff: CLOUDWATCH_LOGS_BACKOFF,
      // A group deleted during a one-off run will not come back before it ends; a live one may be created.
      isFatal: (error: AwsRequestError) => error.permanent || (this.#config.once && error.kind === 'not-found'),
      onRetry: (error: AwsRequestError, _round: number, waitMs: number) => {
        context.telemetry.add(METRICS.cloudwatchLogsRequestFailures.name, 1, { source: context.id, code: error.code });
        context.logger.warn(`FilterLogEvents failed, retrying in ${waitMs} ms: ${error.message}`, { code: error.code });
      },
    };
  }
}
