import { METRICS, type Telemetry } from '@jackwatch/core';

/**
 * A one-line progress display on stderr during long replays, redrawn every
 * second, only when stderr is a terminal (never in logs or pipes).
 */
export class ProgressLine {
  readonly #telemetry: Telemetry;
  readonly #out: NodeJS.WriteStream;
  readonly #startedAt = Date.now();
  #timer: NodeJS.Timeout | undefined;

  constructor(telemetry: Telemetry, out: NodeJS.WriteStream = process.stderr) {
    this.#telemetry = telemetry;
    this.#out = out;
  }

  start(): void {
    if (!this.#out.isTTY) return;
    this.#timer = setInterval(() => this.#draw(), 1000);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer === undefined) return;
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#out.write('\r\u001b[2K');
  }

  #draw(): void {
    const read = this.#telemetry.total(METRICS.eventsRead.name);
    const seconds = Math.max(1, (Date.now() - this.#startedAt) / 1000);
    const line = `read ${read} events (${Math.round(read / seconds)}/s) · rejected ${this.#telemetry.total(METRICS.eventsRejected.name)} · findings ${this.#telemetry.total(METRICS.findings.name)}`;
    this.#out.write(`\r\u001b[2K${line}`);
  }
}
