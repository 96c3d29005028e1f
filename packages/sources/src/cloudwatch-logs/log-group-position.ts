import type { CheckpointValue } from '@jackwatch/core';

/**
 * How far one log group has been read: every event with a timestamp before
 * `timestamp`, plus the events at exactly `timestamp` whose ids are listed.
 * Reading resumes at `timestamp` (inclusive) and drops those ids, so the
 * boundary is neither skipped nor delivered twice.
 */
export interface LogGroupPosition {
  readonly timestamp: number;
  readonly eventIds: readonly string[];
}

/** The checkpoint value of a position: `{ timestamp, eventIds }`. */
export function positionToCheckpoint(position: LogGroupPosition): CheckpointValue {
  return { timestamp: position.timestamp, eventIds: [...position.eventIds] };
}

/** Reads a stored checkpoint back; `undefined` when absent or not a position (then the source starts at `startTime`). */
export function positionFromCheckpoint(value: CheckpointValue | undefined): LogGroupPosition | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { timestamp, eventIds } = value as { timestamp?: unknown; eventIds?: unknown };
  if (typeof timestamp !== 'number' || !Number.isFinite(timestamp)) return undefined;
  const ids = Array.isArray(eventIds) ? eventIds.filter((id): id is string => typeof id === 'string') : [];
  return { timestamp, eventIds: ids };
}

/** True when `a` is further on than `b` (a later timestamp, or more ids seen at the same one). */
export function isAhead(a: LogGroupPosition, b: LogGroupPosition): boolean {
  return a.timestamp > b.timestamp || (a.timestamp === b.timestamp && a.eventIds.length > b.eventIds.length);
}
