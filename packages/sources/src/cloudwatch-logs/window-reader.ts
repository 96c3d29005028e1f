import { type CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { type ComponentContext, isRejection, type TrailEvent } from '@jackwatch/core';
import { decodeLogEvent } from './log-event-decoder.ts';
import type { LogGroupPosition } from './log-group-position.ts';
import { describeLogGroup } from './log-group-target.ts';
import { deliveryKey, type RecentEvents } from './recent-events.ts';
import { retryAws, type RetryOptions } from '../aws/retry-aws.ts';
import { METRICS } from '@jackwatch/core';

/** What the window reader needs besides the window itself. */
export interface WindowReaderOptions {
  readonly client: CloudWatchLogsClient;
  readonly context: ComponentContext;
  readonly filterPattern: string;
  readonly logStreamNamePrefix: string | undefined;
  readonly pageSize: number;
  /** A message larger than this many bytes is rejected unparsed. */
  readonly maxRecordSize: number;
}

/** One FilterLogEvents page, decoded. `next` is set on the window's last page: where the group is read to. */
export interface WindowPage {
  readonly events: TrailEvent[];
  readonly bytes: number;
  readonly next: LogGroupPosition | undefined;
}

/**
 * Reads one time window of one log group with FilterLogEvents, page by page
 * (`nextToken`), pushing the filter pattern down. Events at the window's
 * start whose ids the position already holds are dropped (the boundary of
 * the previous window); non-CloudTrail messages, and messages larger than
 * `maxRecordSize`, are reported as rejections.
 */
export class WindowReader {
  readonly #options: WindowReaderOptions;
  readonly #labels: Readonly<Record<string, string>>;

  constructor(options: WindowReaderOptions) {
    this.#options = options;
    this.#labels = { source: options.context.id };
  }

  /**
   * Yields the pages of `[from.timestamp, to]` (both inclusive). A failed
   * request is retried with backoff from the same page, so nothing is read
   * twice; `seen`, when given, drops events already delivered by Live Tail
   * and remembers these.
   */
  async *read(identifier: string, from: LogGroupPosition, to: number, retry: RetryOptions, seen?: RecentEvents): AsyncGenerator<WindowPage> {
    const { client, context, filterPattern, logStreamNamePrefix, pageSize } = this.#options;
    const boundary = new Set(from.eventIds);
    const atEnd: string[] = to === from.timestamp ? [...from.eventIds] : [];
    let nextToken: string | undefined;
    do {
      const command = new FilterLogEventsCommand({
        logGroupIdentifier: identifier,
        startTime: from.timestamp,
        endTime: to,
        limit: pageSize,
        ...(filterPattern !== '' && { filterPattern }),
        ...(logStreamNamePrefix !== undefined && { logStreamNamePrefix }),
        ...(nextToken !== undefined && { nextToken }),
      });
      const operation = { permission: 'logs:FilterLogEvents', resource: describeLogGroup(identifier) };
      const page = await retryAws(operation, () => client.send(command, { abortSignal: retry.signal }), retry);
      context.telemetry.add(METRICS.cloudwatchLogsRequests.name, 1, { ...this.#labels, operation: 'FilterLogEvents' });
      nextToken = page.nextToken;
      const events: TrailEvent[] = [];
      let bytes = 0;
      for (const { timestamp = 0, eventId = '', message = '', logStreamName = '' } of page.events ?? []) {
        bytes += message.length;
        if (timestamp === from.timestamp && boundary.has(eventId)) {
          context.telemetry.add(METRICS.cloudwatchLogsDuplicatesDropped.name, 1, this.#labels);
          continue;
        }
        if (timestamp === to) atEnd.push(eventId);
        const decoded = decodeLogEvent(message, { source: context.id, location: `${identifier}/${logStreamName}`, index: eventId }, this.#options.maxRecordSize);
        if (seen !== undefined && !seen.remember(deliveryKey(decoded, { logGroup: identifier, logStream: logStreamName, timestamp }, message))) {
          context.telemetry.add(METRICS.cloudwatchLogsDuplicatesDropped.name, 1, this.#labels);
          continue;
        }
        if (isRejection(decoded)) context.errors.reject(decoded);
        else events.push(decoded);
      }
      context.telemetry.add(METRICS.cloudwatchLogsEventsRead.name, page.events?.length ?? 0, this.#labels);
      const last = nextToken === undefined;
      if (events.length > 0 || last) yield { events, bytes, next: last ? { timestamp: to, eventIds: atEnd } : undefined };
    } while (nextToken !== undefined);
  }
}
