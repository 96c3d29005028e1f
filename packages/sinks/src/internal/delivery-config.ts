import { durationSchema } from '@jackwatch/core';
import { z } from 'zod';
import type { CircuitSettings } from './circuit-breaker.ts';
import { maxEvidenceSizeSchema } from './evidence-config.ts';

/** Most findings one request may carry (keeps the finding-id header under common header-size limits). */
export const MAX_BATCH_FINDINGS = 200;

/** `batch`: how findings are grouped into one request. */
export const batchSchema = z
  .strictObject({
    /** Most findings per request. */
    maxFindings: z.number().int().min(1).max(MAX_BATCH_FINDINGS).default(50),
    /** Longest a finding waits for companions before its batch is sent. */
    maxWait: durationSchema.prefault('1s'),
  })
  .prefault({});

/** `backoff`: delays between retries (exponential with jitter). */
export const backoffSchema = z
  .strictObject({
    initial: durationSchema.prefault('500ms'),
    /** Also caps how long a `Retry-After` is honoured. */
    max: durationSchema.prefault('30s'),
  })
  .prefault({})
  .refine((backoff) => backoff.initial <= backoff.max, { message: 'backoff.initial must not be longer than backoff.max' });

/** `circuitBreaker`: when the receiver counts as down (see `CircuitBreaker`). */
export const circuitBreakerSchema = z
  .strictObject({
    /** Batches given up in a row that open the circuit; 0 turns it off. */
    failures: z.number().int().min(0).max(1000).default(3),
    /** While open, one batch is tried (once) this often; the others go to the dead-letter file at once. */
    probeInterval: durationSchema.prefault('30s'),
  })
  .prefault({});

/** The delivery options shared by the webhook and otlp sinks. */
export const deliveryShape = {
  batch: batchSchema,
  /** Retries after the first attempt, on retryable failures only. */
  maxRetries: z.number().int().min(0).max(100).default(5),
  backoff: backoffSchema,
  /** Most findings held by the sink (queued and in flight); a full queue makes `export` wait. */
  queueSize: z.number().int().min(1).max(1_000_000).default(1000),
  /** JSONL file for findings that could not be delivered; default `.jackwatch/dead-letter/<id>.jsonl`. */
  deadLetter: z.string().min(1).optional(),
  /** How long `shutdown` may keep delivering; what is left then goes to the dead-letter file. */
  shutdownTimeout: durationSchema.prefault('30s'),
  circuitBreaker: circuitBreakerSchema,
  /** Most bytes of JSON one finding's evidence may take in a request or a dead-letter line; records past it become markers. */
  maxEvidenceSize: maxEvidenceSizeSchema,
};

/** Delivery settings after parsing (durations in milliseconds). */
export interface DeliverySettings {
  readonly batch: { readonly maxFindings: number; readonly maxWait: number };
  readonly maxRetries: number;
  readonly backoff: { readonly initial: number; readonly max: number };
  readonly queueSize: number;
  readonly shutdownTimeout: number;
  readonly circuitBreaker: CircuitSettings;
  /** Bytes of evidence JSON per finding (see `safeFinding`). */
  readonly maxEvidenceSize: number;
}

/** Cross-field check shared by both sinks: the queue must hold at least one full batch. */
export function checkQueueHoldsBatch(config: DeliverySettings, ctx: z.RefinementCtx): void {
  if (config.queueSize < config.batch.maxFindings) {
    ctx.addIssue({
      code: 'custom',
      path: ['queueSize'],
      message: `queueSize (${config.queueSize}) must be at least batch.maxFindings (${config.batch.maxFindings})`,
    });
  }
}
