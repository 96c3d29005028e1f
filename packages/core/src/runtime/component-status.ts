import type { LastError } from '../services/telemetry.ts';

/**
 * Where a component of a running pipeline is: `new` before `start`,
 * `running` once started, `ended` for a source whose finite input is read,
 * `failed` for a source that stopped with an error, `stopped` after shutdown.
 */
export type ComponentState = 'new' | 'running' | 'ended' | 'failed' | 'stopped';

/** The kinds of component a pipeline is made of. */
export type PipelineComponentKind = 'source' | 'processor' | 'detector' | 'sink';

/** What a status page shows of one component of one pipeline. */
export interface ComponentStatus {
  readonly pipeline: string;
  readonly id: string;
  readonly kind: PipelineComponentKind;
  readonly state: ComponentState;
  /** The component's last error-level report: message only, masked and bounded. */
  readonly lastError?: LastError;
  /** Sources: seconds from the newest event time of their partition furthest behind to now. */
  readonly lagSeconds?: number;
  /** Sinks: findings accepted and not yet delivered, dead-lettered or lost. */
  readonly queued?: number;
  /** Sinks with a circuit breaker: whether it is open (receiver down). */
  readonly circuitOpen?: boolean;
}
