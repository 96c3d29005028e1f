import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { ComponentContext, Finding, Sink, SinkStats } from '@jackwatch/core';
import type { StdoutConfig } from './config.ts';
import { formatPretty } from './format-pretty.ts';

/**
 * Writes findings to standard output: one JSON object per line (nothing else
 * goes to stdout — logs go to stderr), or a readable block per finding.
 * Honours the stream's backpressure: `export` waits for `drain`.
 */
export class StdoutSink implements Sink {
  readonly #config: StdoutConfig;
  readonly #out: Writable & { isTTY?: boolean };
  readonly #context: ComponentContext;
  #delivered = 0;

  constructor(config: StdoutConfig, context: ComponentContext, out: Writable = process.stdout) {
    this.#config = config;
    this.#context = context;
    this.#out = out;
  }

  async start(): Promise<void> {}

  async export(findings: readonly Finding[]): Promise<void> {
    const color = this.#config.color === 'always' || (this.#config.color === 'auto' && this.#out.isTTY === true);
    const text = findings
      .map((f) => (this.#config.format === 'json' ? `${JSON.stringify(f)}\n` : formatPretty(f, color)))
      .join(this.#config.format === 'json' ? '' : '\n');
    if (!this.#out.write(text)) await once(this.#out, 'drain');
    this.#delivered += findings.length;
    this.#context.telemetry.add('sink.delivered', findings.length, { sink: this.#context.id });
  }

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {}

  stats(): SinkStats {
    return { accepted: this.#delivered, delivered: this.#delivered, retried: 0, deadLettered: 0, queued: 0 };
  }
}
