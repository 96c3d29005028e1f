import type { ComponentStatus } from '@jackwatch/core';

/** At most this many components are listed in `/status`; the rest are counted. */
export const MAX_STATUS_COMPONENTS = 200;

/** Whether the agent is ready, and why not. */
export interface Readiness {
  readonly ready: boolean;
  /** One line per reason it is not ready. */
  readonly reasons: readonly string[];
}

/**
 * Ready once every source has started (running, or ended after reading its
 * finite input) and no sink's circuit is open; not ready before the
 * pipelines started, after a source failed, or once shutdown began.
 */
export function readiness(statuses: readonly ComponentStatus[] | undefined): Readiness {
  if (statuses === undefined) return { ready: false, reasons: ['starting'] };
  const reasons: string[] = [];
  for (const status of statuses) {
    if (status.kind === 'source' && status.state !== 'running' && status.state !== 'ended') reasons.push(`source ${status.id}: ${status.state}`);
    if (status.kind === 'sink' && status.circuitOpen === true) reasons.push(`sink ${status.id}: circuit open`);
    if (status.kind === 'sink' && status.state === 'stopped') reasons.push(`sink ${status.id}: stopped`);
  }
  return { ready: reasons.length === 0, reasons: reasons.slice(0, MAX_STATUS_COMPONENTS) };
}

/** The `/status` document: readiness and each component's state, last error (masked) and lag or queue. */
export function statusDocument(statuses: readonly ComponentStatus[] | undefined): Record<string, unknown> {
  const { ready, reasons } = readiness(statuses);
  const listed = (statuses ?? []).slice(0, MAX_STATUS_COMPONENTS);
  return {
    status: ready ? 'ready' : 'not ready',
    reasons,
    components: listed.map((status) => ({
      pipeline: status.pipeline,
      id: status.id,
      kind: status.kind,
      state: status.state,
      ...(status.lagSeconds !== undefined && { lagSeconds: Math.round(status.lagSeconds * 1000) / 1000 }),
      ...(status.queued !== undefined && { queued: status.queued }),
      ...(status.circuitOpen !== undefined && { circuitOpen: status.circuitOpen }),
      ...(status.lastError !== undefined && { lastError: { message: status.lastError.message, at: new Date(status.lastError.at).toISOString() } }),
    })),
    ...((statuses?.length ?? 0) > listed.length && { omittedComponents: statuses!.length - listed.length }),
  };
}
