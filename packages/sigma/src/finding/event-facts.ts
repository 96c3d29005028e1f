import { orUnknown, type TrailEvent } from '@jackwatch/core';

/** Who did what, where: the group of a single-event Sigma finding (fields a `suppress.by` or an exception can name). */
export function eventGroup(event: TrailEvent): Record<string, string> {
  return {
    userName: orUnknown(event.userName),
    principalArn: orUnknown(event.principalArn),
    accessKeyId: orUnknown(event.accessKeyId),
    account: orUnknown(event.account),
    region: orUnknown(event.region),
    sourceIp: orUnknown(event.sourceIp),
  };
}

/** One sentence about an event: `DeleteTrail by alice in 111122223333 us-east-1 from 203.0.113.9 (refused: AccessDenied)`. */
export function describeEvent(event: TrailEvent): string {
  const refused = event.outcome === 'failure' ? ` (refused: ${event.errorCode})` : '';
  return `${event.action} by ${orUnknown(event.userName)} in ${orUnknown(event.account)} ${orUnknown(event.region)} from ${orUnknown(event.sourceIp)}${refused}`;
}

/** The facts of an event a finding's details carry (its time is the finding's, or in its evidence). */
export function eventFacts(event: TrailEvent): Record<string, string | null> {
  return {
    eventId: event.eventId,
    eventSource: event.source,
    eventName: event.action,
    outcome: event.outcome,
    errorCode: event.errorCode ?? null,
    principalArn: event.principalArn ?? null,
    sourceIp: event.sourceIp ?? null,
  };
}
