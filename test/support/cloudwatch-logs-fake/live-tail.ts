import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { EventStreamCodec } from '@smithy/core/event-streams';
import { AwsJsonError, accessDenied, logGroupNotFound } from './aws-json-error.ts';
import type { FakeLogGroup, FakeLogStore, StoredLogEvent } from './fake-log-store.ts';
import { compileFilterPattern, FilterPatternSyntaxError, type MessageMatcher } from './filter-pattern-matcher.ts';

/** The request fields of `Logs_20140328.StartLiveTail` the fake honours. */
export interface StartLiveTailInput {
  readonly logGroupIdentifiers?: readonly string[];
  readonly logStreamNames?: readonly string[];
  readonly logStreamNamePrefixes?: readonly string[];
  readonly logEventFilterPattern?: string;
}

interface Session {
  readonly response: ServerResponse;
  readonly stop: () => void;
}

/**
 * How a session's events name their log group (`logGroupIdentifier`):
 * CloudWatch documents "the name or ARN"; clients of the real service also
 * see `account-id:name`.
 */
export type GroupNaming = 'arn' | 'arn:*' | 'name' | 'account:name';

const codec = new EventStreamCodec(
  (bytes) => new TextDecoder().decode(bytes),
  (text) => new TextEncoder().encode(text),
);

/**
 * The fake's Live Tail: each StartLiveTail request opens a session that
 * answers in the event-stream framing (`sessionStart`, then one
 * `sessionUpdate` per put that has matching events) until the test ends it
 * as CloudWatch does after 3 hours (`SessionTimeoutException` in the stream;
 * with `sessionDuration`, every session after that long), breaks it (socket
 * destroyed), or the client goes away. Events name their group as
 * `groupNaming` says.
 */
export class LiveTailSessions {
  readonly #store: FakeLogStore;
  readonly #sessions = new Set<Session>();
  readonly #waiters: { count: number; resolve: () => void }[] = [];
  #started = 0;
  /** When true, sessions send every other matching event and say `sampled: true`, as CloudWatch does above 500 events/s. */
  sampled = false;
  /** When set, each session ends this many (real) milliseconds after it started, as CloudWatch ends one after 3 hours. */
  sessionDuration: number | undefined;
  /** How events name their log group (default: its ARN without `:*`). */
  groupNaming: GroupNaming = 'arn';

  constructor(store: FakeLogStore) {
    this.#store = store;
  }

  /** Sessions started so far. */
  get started(): number {
    return this.#started;
  }

  /** Sessions open now. */
  get open(): number {
    return this.#sessions.size;
  }

  /** Resolves once `count` sessions have been started (counting from the fake's start). */
  waitForStarted(count: number): Promise<void> {
    if (this.#started >= count) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ count, resolve }));
  }

  /** Ends every open session the way CloudWatch ends one after 3 hours. */
  timeOutAll(): void {
    for (const session of this.#sessions) timeOut(session);
  }

  /** Breaks every open session mid-stream (the connection drops). */
  breakAll(): void {
    for (const session of this.#sessions) {
      session.stop();
      session.response.socket?.destroy();
    }
  }

  /** Validates the request (throwing the error CloudWatch would answer with), then streams the session into `response`. */
  start(input: StartLiveTailInput, response: ServerResponse): void {
    const groups = resolveGroups(this.#store, input);
    const matches = compile(input.logEventFilterPattern);
    const selected = (event: StoredLogEvent): boolean =>
      groups.some((group) => group.name === event.logGroupName) &&
      (input.logStreamNames === undefined || input.logStreamNames.includes(event.logStreamName)) &&
      (input.logStreamNamePrefixes === undefined || input.logStreamNamePrefixes.some((prefix) => event.logStreamName.startsWith(prefix))) &&
      matches(event.message);

    response.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': randomUUID() });
    response.write(
      eventFrame('sessionStart', {
        requestId: randomUUID(),
        sessionId: randomUUID(),
        logGroupIdentifiers: input.logGroupIdentifiers,
        logEventFilterPattern: input.logEventFilterPattern ?? '',
      }),
    );
    const unsubscribe = this.#store.subscribe((events) => {
      // A sampling session sends only part of what matched, as CloudWatch does above 500 events/s.
      const results = events.filter(selected).filter((_, i) => !this.sampled || i % 2 === 0).map((event) => ({
        logStreamName: event.logStreamName,
        logGroupIdentifier: nameOf(groups.find((group) => group.name === event.logGroupName)!, this.groupNaming),
        message: event.message,
        timestamp: event.timestamp,
        ingestionTime: event.ingestionTime,
      }));
      if (results.length > 0) response.write(eventFrame('sessionUpdate', { sessionMetadata: { sampled: this.sampled }, sessionResults: results }));
    });
    const ending = this.sessionDuration === undefined ? undefined : setTimeout(() => timeOut(session), this.sessionDuration);
    const session: Session = {
      response,
      stop: () => {
        clearTimeout(ending);
        unsubscribe();
        this.#sessions.delete(session);
      },
    };
    this.#sessions.add(session);
    response.on('close', session.stop);
    this.#started++;
    for (const waiter of this.#waiters.filter((w) => w.count <= this.#started)) {
      this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }
}

function timeOut(session: Session): void {
  session.response.write(exceptionFrame('SessionTimeoutException', 'Session timed out after 3 hours.'));
  session.response.end();
  session.stop();
}

function nameOf(group: FakeLogGroup, naming: GroupNaming): string {
  switch (naming) {
    case 'arn':
      return group.arn;
    case 'arn:*':
      return `${group.arn}:*`;
    case 'name':
      return group.name;
    case 'account:name':
      return `${group.accountId}:${group.name}`;
  }
}

function resolveGroups(store: FakeLogStore, input: StartLiveTailInput): FakeLogGroup[] {
  const identifiers = input.logGroupIdentifiers ?? [];
  if (identifiers.length === 0 || identifiers.length > 10) {
    throw new AwsJsonError('InvalidParameterException', 'logGroupIdentifiers must hold 1 to 10 log group ARNs.');
  }
  if ((input.logStreamNamePrefixes ?? input.logStreamNames) !== undefined && identifiers.length > 1) {
    throw new AwsJsonError('InvalidParameterException', 'Log stream filters can be used only with a single log group.');
  }
  return identifiers.map((identifier) => {
    if (!identifier.startsWith('arn:')) throw new AwsJsonError('InvalidParameterException', `Log group identifier must be an ARN: ${identifier}`);
    if (identifier.endsWith('*')) throw new AwsJsonError('InvalidParameterException', 'The log group ARN must not end with "*".');
    const group = store.find(identifier);
    if (!group) throw logGroupNotFound();
    if (group.denied.has('logs:StartLiveTail')) throw accessDenied('logs:StartLiveTail', group.arn);
    return group;
  });
}

function compile(pattern: string | undefined): MessageMatcher {
  try {
    return compileFilterPattern(pattern);
  } catch (error) {
    if (error instanceof FilterPatternSyntaxError) throw new AwsJsonError('InvalidParameterException', `Invalid filter pattern: ${error.message}`);
    throw error;
  }
}

function eventFrame(eventType: string, body: unknown): Uint8Array {
  return codec.encode({
    headers: {
      ':message-type': { type: 'string', value: 'event' },
      ':event-type': { type: 'string', value: eventType },
      ':content-type': { type: 'string', value: 'application/json' },
    },
    body: new TextEncoder().encode(JSON.stringify(body)),
  });
}

function exceptionFrame(exceptionType: string, message: string): Uint8Array {
  return codec.encode({
    headers: {
      ':message-type': { type: 'string', value: 'exception' },
      ':exception-type': { type: 'string', value: exceptionType },
      ':content-type': { type: 'string', value: 'application/json' },
    },
    body: new TextEncoder().encode(JSON.stringify({ message })),
  });
}
