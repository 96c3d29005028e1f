import type { TrailEvent } from '@jackwatch/core';
import { assumedRole, EventFactory, iamUser, iamUserConsoleSession, seededRandom, type RecordSpec, type TestIdentity } from '@jackwatch/core/testing';

const START = Date.parse('2026-11-20T00:00:00Z');
const SECOND = 1000;

/** Who calls Bedrock in the generated stream: long-term keys, console sessions (ASIA), role sessions, administrators among them. */
const CALLERS: readonly TestIdentity[] = [
  iamUser({ userName: 'svc-reporting' }),
  iamUser({ userName: 'data-scientist' }),
  iamUser({ userName: 'ops-admin' }),
  iamUser({ userName: 'intern' }),
  iamUserConsoleSession({ userName: 'analyst' }),
  assumedRole({ roleName: 'bedrock-app', sessionName: 'worker-1' }),
  assumedRole({ roleName: 'PlatformAdmin', sessionName: 'alice' }),
  assumedRole({ roleName: 'etl', sessionName: 'admin-session' }),
];
const INVOCATIONS = ['InvokeModel', 'InvokeModelWithResponseStream', 'Converse', 'ConverseStream'];
const REFUSALS = ['AccessDenied', 'AccessDeniedException', 'accessdenied', 'ThrottlingException'];

/**
 * A reproducible stream of Bedrock calls over six hours that exercises rules
 * A, B and C and their near misses: listings then invocations within and
 * beyond 15 minutes, by long-term and temporary keys, refused listings in
 * bursts (some across an hour boundary, some of nine only), other error
 * codes, deletions of the logging configuration by administrators and
 * others, with and without success. Each caller keeps its own source IP and
 * user agent, so no two principals share a rule C group.
 */
export function bedrockStream(seed: string, events = 3000): TrailEvent[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const factory = new EventFactory(seed);
  const specs: RecordSpec[] = [];
  const call = (second: number, identity: TestIdentity, action: string, extra: Partial<RecordSpec> = {}): void => {
    const index = CALLERS.indexOf(identity);
    specs.push({ time: START + Math.floor(second) * SECOND, identity, action, sourceIp: `203.0.113.${10 + index}`, userAgent: `agent-${index}/1.0`, ...extra });
  };
  while (specs.length < events) {
    const second = random() * 6 * 3600;
    const caller = pick(CALLERS);
    const roll = random();
    if (roll < 0.3) {
      call(second, caller, pick(INVOCATIONS), random() < 0.1 ? { errorCode: 'ValidationException' } : {});
    } else if (roll < 0.45) {
      call(second, caller, 'ListFoundationModels');
      // A listing followed by an invocation a few seconds to 20 minutes later (beyond 15 minutes: a near miss).
      if (random() < 0.5) call(second + random() * 1200, caller, pick(INVOCATIONS));
    } else if (roll < 0.55) {
      // A burst of refused listings: 7 to 14 within 50 to 80 minutes.
      const count = 7 + Math.floor(random() * 8);
      const span = (50 + random() * 30) * 60;
      for (let i = 0; i < count; i++) call(second + random() * span, caller, 'ListFoundationModels', { errorCode: pick(REFUSALS) });
    } else if (roll < 0.57) {
      call(second, caller, 'DeleteModelInvocationLoggingConfiguration', random() < 0.4 ? { errorCode: 'AccessDenied' } : {});
    } else {
      call(second, caller, pick(['GetFoundationModel', 'ListCustomModels', 'GetModelInvocationLoggingConfiguration', 'PutModelInvocationLoggingConfiguration']));
    }
  }
  return specs.map((spec) => factory.event(spec));
}
