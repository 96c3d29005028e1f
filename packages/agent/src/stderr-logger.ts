import type { Writable } from 'node:stream';
import { printable, type LogAttributes, type Logger } from '@jackwatch/core';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;

/** A level of the agent's logs. */
export type LogLevelName = keyof typeof LEVELS;

/**
 * The agent's logger: writes to stderr (stdout belongs to the stdout sink),
 * as `text` for people or `json` lines for log shippers. Text shows
 * controls in messages and fields as escapes (see {@link printable}): they
 * often come from input, and must not start a line of their own.
 */
export class StderrLogger implements Logger {
  readonly #level: number;
  readonly #format: 'text' | 'json';
  readonly #bindings: LogAttributes;
  readonly #out: Writable;

  constructor(level: LogLevelName = 'info', format: 'text' | 'json' = 'text', out: Writable = process.stderr, bindings: LogAttributes = {}) {
    this.#level = LEVELS[level];
    this.#format = format;
    this.#out = out;
    this.#bindings = bindings;
  }

  debug(message: string, attributes?: LogAttributes): void {
    this.#write('debug', message, attributes);
  }
  info(message: string, attributes?: LogAttributes): void {
    this.#write('info', message, attributes);
  }
  warn(message: string, attributes?: LogAttributes): void {
    this.#write('warn', message, attributes);
  }
  error(message: string, attributes?: LogAttributes): void {
    this.#write('error', message, attributes);
  }

  child(attributes: LogAttributes): Logger {
    const level = (Object.keys(LEVELS) as LogLevelName[]).find((name) => LEVELS[name] === this.#level) ?? 'info';
    return new StderrLogger(level, this.#format, this.#out, { ...this.#bindings, ...attributes });
  }

  #write(level: LogLevelName, message: string, attributes: LogAttributes = {}): void {
    if (LEVELS[level] < this.#level) return;
    const fields = { ...this.#bindings, ...attributes };
    if (this.#format === 'json') {
      this.#out.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`);
      return;
    }
    const context = Object.entries(fields)
      .map(([key, value]) => `${printable(key)}=${printable(typeof value === 'string' ? value : String(JSON.stringify(value)))}`)
      .join(' ');
    this.#out.write(`jackwatch ${level}: ${printable(message)}${context ? `  (${context})` : ''}\n`);
  }
}
