import type { CheckpointValue } from '@jackwatch/core';
import { z } from 'zod';

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

/** A stored position: `{ timestamp, eventIds }` (`eventIds` may be absent: none). */
export const logGroupPositionSchema: z.ZodType<LogGroupPosition> = z.object({ timestamp: z.number(), eventIds: z.array(z.string()).default([]) });

/** True when `a` is further on than `b` (a later timestamp, or more ids seen at the same one). */
export function isAhead(a: LogGroupPosition, b: LogGroupPosition): boolean {
  return a.timestamp > b.timestamp || (a.timestamp === b.timestamp && a.eventIds.length > b.eventIds.length);
}
