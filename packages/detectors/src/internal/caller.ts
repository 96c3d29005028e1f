import { orUnknown, type TrailEvent } from '@jackwatch/core';

/**
 * Who made a call and where, as the single-event rules group their findings:
 * `userName`, `principalArn`, `account`, `region`, `sourceIp` (`unknown` when missing).
 */
export function callerGroup(event: TrailEvent): Record<string, string> {
  return {
    userName: orUnknown(event.userName),
    principalArn: orUnknown(event.principalArn),
    account: orUnknown(event.account),
    region: orUnknown(event.region),
    sourceIp: orUnknown(event.sourceIp),
  };
}

/** The facts about one call that every single-event finding's `details` carries. */
export function callFacts(event: TrailEvent): Record<string, string | null> {
  return {
    action: event.action,
    outcome: event.outcome,
    errorCode: event.errorCode ?? null,
    errorMessage: event.errorMessage ?? null,
    principalType: event.principalType ?? null,
    accessKeyId: event.accessKeyId ?? null,
    userAgent: event.userAgent ?? null,
  };
}

/** ` and was refused (<errorCode>)` for a failed call, `''` for a successful one: the end of a summary. */
export function refusal(event: TrailEvent): string {
  return event.outcome === 'success' ? '' : ` and was refused (${event.errorCode})`;
}

/** A readable facts line about one event of a windowed rule's evidence. */
export function stepFacts(event: TrailEvent): Record<string, string | null> {
  return {
    time: new Date(event.time).toISOString(),
    eventId: event.eventId,
    action: event.action,
    sourceIp: event.sourceIp ?? null,
    userAgent: event.userAgent ?? null,
    principalArn: event.principalArn ?? null,
    region: event.region ?? null,
  };
}

/** The first `limit` distinct values read from `events`, sorted, and how many distinct values there were. */
export function distinctValues(events: readonly TrailEvent[], read: (event: TrailEvent) => string | undefined, limit = 20): { values: string[]; total: number } {
  const values = new Set<string>();
  for (const event of events) {
    const value = read(event);
    if (value !== undefined && value !== '') values.add(value);
  }
  const sorted = [...values].sort();
  return { values: sorted.slice(0, limit), total: sorted.length };
}
