import type { Finding } from '@jackwatch/core';

/** The outcome of one delivery attempt of a batch. */
export type DeliveryResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** Whether another attempt may succeed (5xx, 429, timeouts, network errors); other 4xx are final. */
      readonly retryable: boolean;
      /** A short reason for logs and the dead-letter file. Never contains secrets. */
      readonly reason: string;
      /** The receiver's `Retry-After`, in milliseconds. */
      readonly retryAfterMs?: number;
    };

/**
 * How a batching sink puts one batch on the wire. The delivery engine owns
 * queueing, retries and dead-lettering; a transport only makes one attempt.
 */
export interface BatchTransport {
  /** Opens what the transport needs (agents, clients, TLS files); throws on bad configuration. */
  start(): Promise<void>;
  /** One attempt. Never throws: every failure is a {@link DeliveryResult}. `signal` aborts at the shutdown deadline. */
  send(findings: readonly Finding[], signal: AbortSignal): Promise<DeliveryResult>;
  /** Releases connections. Idempotent. */
  shutdown(): Promise<void>;
}
