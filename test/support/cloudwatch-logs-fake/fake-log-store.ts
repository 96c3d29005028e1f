/** One stored log event, as CloudWatch Logs returns it from FilterLogEvents. */
export interface StoredLogEvent {
  readonly eventId: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly timestamp: number;
  readonly ingestionTime: number;
  readonly message: string;
}

/** A log group of the fake. */
export interface FakeLogGroup {
  readonly name: string;
  /** `arn:aws:logs:<region>:<account>:log-group:<name>` (no trailing `:*`). */
  readonly arn: string;
  readonly accountId: string;
  /** Every event, in ingestion order. */
  readonly events: StoredLogEvent[];
  /** Actions (`logs:FilterLogEvents`, `logs:StartLiveTail`…) this caller is denied on the group. */
  readonly denied: Set<string>;
}

/** What a test writes: a message, its timestamp, and optionally its stream. */
export interface LogEventInput {
  readonly timestamp: number;
  readonly message: string;
  readonly logStreamName?: string;
}

type Listener = (events: readonly StoredLogEvent[]) => void;

/**
 * The log groups, streams and events behind the fake. `put` stamps each event
 * with an ingestion time from the fake's clock, so a test ingests "late" simply
 * by putting an event with an old timestamp after newer ones.
 */
export class FakeLogStore {
  readonly #groups = new Map<string, FakeLogGroup>();
  readonly #listeners = new Set<Listener>();
  readonly #now: () => number;
  readonly #region: string;
  #sequence = 0;

  constructor(region: string, now: () => number) {
    this.#region = region;
    this.#now = now;
  }

  /** Creates a log group (idempotent) in `accountId` (default `123456789012`). */
  createLogGroup(name: string, accountId = '123456789012'): FakeLogGroup {
    const existing = this.#groups.get(name);
    if (existing) return existing;
    const group = { name, arn: `arn:aws:logs:${this.#region}:${accountId}:log-group:${name}`, accountId, events: [], denied: new Set<string>() };
    this.#groups.set(name, group);
    return group;
  }

  /** Stores events in `groupName` (stream `default` unless given) and tells live sessions. */
  put(groupName: string, events: readonly LogEventInput[], logStreamName = 'default'): StoredLogEvent[] {
    const group = this.#groups.get(groupName);
    if (!group) throw new Error(`fake: no log group ${groupName}`);
    const ingestionTime = this.#now();
    const stored = events.map((input) => ({
      eventId: String(++this.#sequence).padStart(56, '0'),
      logGroupName: groupName,
      logStreamName: input.logStreamName ?? logStreamName,
      timestamp: input.timestamp,
      ingestionTime,
      message: input.message,
    }));
    group.events.push(...stored);
    for (const listener of this.#listeners) listener(stored);
    return stored;
  }

  /** Denies `action` (e.g. `logs:FilterLogEvents`) on the group: requests get `AccessDeniedException`. */
  deny(groupName: string, action: string): void {
    this.#groups.get(groupName)?.denied.add(action);
  }

  /** Finds a group by name or ARN (with or without a trailing `:*`). */
  find(identifier: string): FakeLogGroup | undefined {
    const plain = identifier.endsWith(':*') ? identifier.slice(0, -2) : identifier;
    return this.#groups.get(plain) ?? [...this.#groups.values()].find((group) => group.arn === plain);
  }

  /** Every group, in creation order. */
  groups(): FakeLogGroup[] {
    return [...this.#groups.values()];
  }

  /** Calls `listener` with each put's events until the returned function is called. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
