import type { Interest } from '@jackwatch/core';

/** An interest in one line: `bedrock.amazonaws.com DeleteGuardrail|UpdateGuardrail; s3.amazonaws.com *`, or all events. */
export function describeInterest(interest: Interest): string {
  if (interest === 'all') return 'all events (turns the prefilter off)';
  if (interest.length === 0) return 'no event (can never match)';
  return interest.map((s) => `${s.eventSource} ${s.eventNames === undefined ? '*' : s.eventNames.join('|')}`).join('; ');
}
