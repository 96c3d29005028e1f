import { AwsJsonError, accessDenied, logGroupNotFound } from './aws-json-error.ts';
import type { FakeLogStore, StoredLogEvent } from './fake-log-store.ts';
import { compileFilterPattern, FilterPatternSyntaxError, type MessageMatcher } from './filter-pattern-matcher.ts';

/** The request fields of `Logs_20140328.FilterLogEvents` the fake honours. */
export interface FilterLogEventsInput {
  readonly logGroupName?: string;
  readonly logGroupIdentifier?: string;
  readonly logStreamNames?: readonly string[];
  readonly logStreamNamePrefix?: string;
  readonly startTime?: number;
  readonly endTime?: number;
  readonly filterPattern?: string;
  readonly nextToken?: string;
  readonly limit?: number;
}

/** What one FilterLogEvents call cost: events it searched and events it returned. */
export interface FilterLogEventsCost {
  readonly searched: number;
  readonly returned: number;
  readonly returnedBytes: number;
}

interface Position {
  readonly timestamp: number;
  readonly eventId: string;
}

/**
 * Answers FilterLogEvents: events of the group with `startTime ≤ timestamp ≤
 * endTime` (both inclusive, as the API documents), of the selected streams,
 * matching the filter pattern, in timestamp order, `limit` (≤ `pageSize`) at
 * a time. `nextToken` is the position after the last returned event, so an
 * event ingested late with an older timestamp is not returned by a pagination
 * already past it — it is found by the next query, as with CloudWatch.
 */
export function filterLogEvents(store: FakeLogStore, input: FilterLogEventsInput, pageSize: number): { body: unknown; cost: FilterLogEventsCost } {
  if (input.logGroupName !== undefined && input.logGroupIdentifier !== undefined) {
    throw new AwsJsonError('InvalidParameterException', 'LogGroup name and LogGroup ARN are mutually exclusive parameters.');
  }
  if (input.logStreamNames !== undefined && input.logStreamNamePrefix !== undefined) {
    throw new AwsJsonError('InvalidParameterException', 'logStreamNames and logStreamNamePrefix are mutually exclusive.');
  }
  const identifier = input.logGroupIdentifier ?? input.logGroupName;
  if (identifier === undefined) throw new AwsJsonError('InvalidParameterException', 'Either logGroupName or logGroupIdentifier is required.');
  if (identifier.endsWith('*')) throw new AwsJsonError('InvalidParameterException', 'The log group ARN must not end with "*".');
  const group = store.find(identifier);
  if (!group) throw logGroupNotFound();
  if (group.denied.has('logs:FilterLogEvents')) throw accessDenied('logs:FilterLogEvents', `${group.arn}:*`);

  const matches = compile(input.filterPattern);
  const after = input.nextToken === undefined ? undefined : decodeToken(input.nextToken);
  const limit = Math.min(input.limit ?? 10_000, pageSize);
  const inRange = group.events.filter((event) => inTimeRange(event, input) && inStreams(event, input) && isAfter(event, after)).sort(byPosition);

  const events: StoredLogEvent[] = [];
  let searched = 0;
  for (const event of inRange) {
    if (events.length === limit) break;
    searched++;
    if (matches(event.message)) events.push(event);
  }
  const last = inRange[searched - 1];
  const more = searched < inRange.length && last !== undefined;
  const body = {
    events: events.map(({ logStreamName, timestamp, message, ingestionTime, eventId }) => ({ logStreamName, timestamp, message, ingestionTime, eventId })),
    searchedLogStreams: [],
    ...(more ? { nextToken: encodeToken({ timestamp: last.timestamp, eventId: last.eventId }) } : {}),
  };
  const returnedBytes = events.reduce((sum, event) => sum + Buffer.byteLength(event.message), 0);
  return { body, cost: { searched, returned: events.length, returnedBytes } };
}

function compile(pattern: string | undefined): MessageMatcher {
  try {
    return compileFilterPattern(pattern);
  } catch (error) {
    if (error instanceof FilterPatternSyntaxError) throw new AwsJsonError('InvalidParameterException', `Invalid filter pattern: ${error.message}`);
    throw error;
  }
}

function inTimeRange(event: StoredLogEvent, input: FilterLogEventsInput): boolean {
  return (input.startTime === undefined || event.timestamp >= input.startTime) && (input.endTime === undefined || event.timestamp <= input.endTime);
}

function inStreams(event: StoredLogEvent, input: FilterLogEventsInput): boolean {
  if (input.logStreamNames !== undefined) return input.logStreamNames.includes(event.logStreamName);
  return input.logStreamNamePrefix === undefined || event.logStreamName.startsWith(input.logStreamNamePrefix);
}

function byPosition(a: Position, b: Position): number {
  return a.timestamp - b.timestamp || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);
}

function isAfter(event: StoredLogEvent, position: Position | undefined): boolean {
  return position === undefined || byPosition(event, position) > 0;
}

function encodeToken(position: Position): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

function decodeToken(token: string): Position {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Position;
  } catch {
    throw new AwsJsonError('InvalidParameterException', 'The specified nextToken is invalid.');
  }
}
