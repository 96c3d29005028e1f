import type { Writable } from 'node:stream';
import type { ComponentContext, Finding, Sink, SinkStats } from '@jackwatch/core';
import { EvidenceGuard } from '../internal/evidence-guard.ts';
import type { StdoutConfig } from './config.ts';
import { renderFinding } from './render-finding.ts';

/**
 * Writes findings to standard output: one JSON object per line (nothing else
 * goes to stdout — logs go to stderr), or a readable block per finding.
 * Each finding is rendered on its own, through `safeFinding`, so one whose
 * evidence cannot be serialised is still printed (markers in place) and
 * never costs the others. Honours the stream's backpressure: `export` waits
 * until a write the stream could not buffer is flushed.
 *
 * Accounting: a finding is `accepted` when `export` is called, `delivered`
 * once the stream has flushed it, `lost` when the write fails (a closed
 * pipe), `queued` in between.
 */
export class StdoutSink implements Sink {
  readonly #config: StdoutConfig;
  readonly #out: Writable & { isTTY?: boolean };
  readonly #context: ComponentContext;
  readonly #guard: EvidenceGuard;
  readonly #reported = new Set<string>();
  readonly #flushWaiters: Array<() => void> = [];
  #accepted = 0;
  #delivered = 0;
  #lost = 0;
  readonly #noColor: boolean;

  /** @param env where `NO_COLOR` is read (the process's environment by default). */
  constructor(config: StdoutConfig, context: ComponentContext, out: Writable = process.stdout, env: NodeJS.ProcessEnv = process.env) {
    this.#config = config;
    this.#context = context;
    this.#out = out;
    this.#guard = new EvidenceGuard(context, config.maxEvidenceSize);
    // https://no-color.org: present and not empty turns colour off wherever it is only the default.
    this.#noColor = (env['NO_COLOR'] ?? '') !== '';
  }

  /** Listens for stream errors, so a closed pipe is counted as lost findings instead of ending the process. */
  #shutDown = false;

  async start(): Promise<void> {
    this.#out.on('error', this.#onStreamError);
  }

  async export(findings: readonly Finding[]): Promise<void> {
    if (this.#shutDown) throw new Error(`sink ${this.#context.id} is shut down`);
    const count = findings.length;
    if (count === 0) return;
    this.#accepted += count;
    const color = this.#config.color === 'always' || (this.#config.color === 'auto' && this.#out.isTTY === true && !this.#noColor);
    const text = this.#guard
      .bound(findings)
      .map((finding) => renderFinding(finding, this.#config, color))
      .join(this.#config.format === 'json' ? '' : '\n');
    const written = new Promise<void>((resolve) => {
      const buffered = this.#out.write(text, (error) => {
        this.#settle(count, error ?? undefined);
        resolve();
      });
      if (buffered) resolve();
    });
    await written;
  }

  /** Resolves once every finding accepted so far was flushed or counted lost. */
  forceFlush(): Promise<void> {
    if (this.#queued() === 0) return Promise.resolve();
    return new Promise((resolve) => this.#flushWaiters.push(resolve));
  }

  async shutdown(): Promise<void> {
    this.#shutDown = true;
    await this.forceFlush();
    this.#out.off('error', this.#onStreamError);
  }

  stats(): SinkStats {
    return { accepted: this.#accepted, delivered: this.#delivered, retried: 0, deadLettered: 0, queued: this.#queued(), lost: this.#lost };
  }

  #queued(): number {
    return this.#accepted - this.#delivered - this.#lost;
  }

  #settle(count: number, error: Error | undefined): void {
    if (error === undefined) {
      this.#delivered += count;
    } else {
      this.#lost += count;
      // Reported once per distinct error: after a pipe closes, every later write fails the same way.
      if (!this.#reported.has(error.message)) {
        this.#reported.add(error.message);
        this.#context.errors.error(this.#context.id, error, { findings: count, outcome: 'findings lost' });
      } else {
        this.#context.logger.debug('cannot write findings to stdout: findings lost', { findings: count, reason: error.message });
      }
    }
    if (this.#queued() === 0) for (const resolve of this.#flushWaiters.splice(0)) resolve();
  }

  readonly #onStreamError = (): void => {
    // Each failed write reports its own error through its callback; this listener only keeps the error from ending the process.
  };
}
