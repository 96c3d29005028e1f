import type { TrailEvent } from '@jackwatch/core';
import { assumedRole, EventFactory, iamUser, seededRandom, type RecordSpec, type TestIdentity } from '@jackwatch/core/testing';

/** Options of {@link syntheticBedrockStream}. */
export interface StreamOptions {
  readonly events: number;
  /** Distinct long-term keys active in the stream. */
  readonly keys: number;
  readonly start?: number;
  /** Mean gap between events (ms). */
  readonly gapMs?: number;
}

/**
 * A time-ordered, already-decoded stream that exercises every Bedrock rule:
 * 60% invocations (a third by role sessions), 15% successful model listings,
 * 19% refused listings (each user from its own IP), 1% refused listings by
 * 20 probing keys (enough to cross rule C's threshold), 5% other Bedrock
 * calls, and a logging deletion every 10 000 events.
 */
export function syntheticBedrockStream(options: StreamOptions): TrailEvent[] {
  const start = options.start ?? Date.parse('2024-10-17T00:00:00Z');
  const gap = options.gapMs ?? 20;
  const users: TestIdentity[] = Array.from({ length: options.keys }, (_, i) => iamUser({ userName: `user-${i}` }));
  const probers: TestIdentity[] = Array.from({ length: 20 }, (_, i) => iamUser({ userName: `prober-${i}` }));
  const roles: TestIdentity[] = Array.from({ length: 50 }, (_, i) => assumedRole({ roleName: `app-${i}`, sessionName: 'worker' }));
  const factory = new EventFactory('bench');
  const events: TrailEvent[] = [];
  const next = seededRandom('bench');
  for (let i = 0; i < options.events; i++) {
    const time = start + Math.floor(i * gap / 1000) * 1000;
    const index = Math.floor(next() * users.length);
    const user = users[index]!;
    const roll = next();
    let spec: RecordSpec;
    if (i % 10_000 === 9_999) spec = { time, action: 'DeleteModelInvocationLoggingConfiguration', identity: user };
    else if (roll < 0.4) spec = { time, action: next() < 0.5 ? 'InvokeModel' : 'InvokeModelWithResponseStream', identity: user };
    else if (roll < 0.6) spec = { time, action: 'Converse', identity: roles[Math.floor(next() * roles.length)]! };
    else if (roll < 0.75) spec = { time, action: 'ListFoundationModels', identity: user };
    else if (roll < 0.94) spec = { time, action: 'ListFoundationModels', identity: user, errorCode: 'AccessDenied', sourceIp: `203.0.113.${index % 250}` };
    else if (roll < 0.95) spec = { time, action: 'ListFoundationModels', identity: probers[Math.floor(next() * probers.length)]!, errorCode: 'AccessDenied', sourceIp: '192.0.2.66' };
    else spec = { time, action: 'GetFoundationModelAvailability', identity: user };
    events.push(factory.event(spec));
  }
  return events;
}
