import type { Interest } from '@jackwatch/core';

/**
 * An interest in one line: `bedrock.amazonaws.com DeleteGuardrail|UpdateGuardrail; s3.amazonaws.com *; any source DeleteTrail`,
 * or all events. Names of any source keep the prefilter from skipping by bytes: it parses every record.
 */
export function describeInterest(interest: Interest): string {
  if (interest === 'all') return 'all events (turns the prefilter off)';
  if (interest.length === 0) return 'no event (can never match)';
  const anySource = interest.some((s) => s.eventSource === undefined) ? ' (the prefilter parses every record)' : '';
  return `${interest.map((s) => `${s.eventSource ?? 'any source'} ${s.eventNames === undefined ? '*' : s.eventNames.join('|')}`).join('; ')}${anySource}`;
}
