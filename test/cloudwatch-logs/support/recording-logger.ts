import type { LogAttributes, Logger } from '@jackwatch/core';

/** One line a {@link RecordingLogger} was given. */
export interface LogLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly message: string;
  readonly attributes: LogAttributes | undefined;
}

/** A logger that keeps every line, at every level, for assertions (its children write to the same list). */
export class RecordingLogger implements Logger {
  readonly lines: LogLine[];

  constructor(lines: LogLine[] = []) {
    this.lines = lines;
  }

  debug(message: string, attributes?: LogAttributes): void {
    this.lines.push({ level: 'debug', message, attributes });
  }
  info(message: string, attributes?: LogAttributes): void {
    this.lines.push({ level: 'info', message, attributes });
  }
  warn(message: string, attributes?: LogAttributes): void {
    this.lines.push({ level: 'warn', message, attributes });
  }
  error(message: string, attributes?: LogAttributes): void {
    this.lines.push({ level: 'error', message, attributes });
  }
  child(): Logger {
    return new RecordingLogger(this.lines);
  }

  /** The lines at `level`. */
  at(level: LogLine['level']): LogLine[] {
    return this.lines.filter((line) => line.level === level);
  }
}
