/** Structured attributes attached to a log line. Never put secrets here. */
export type LogAttributes = Readonly<Record<string, unknown>>;

/**
 * The logger every component receives in its context. The library never
 * writes to the console itself; the agent supplies a stderr logger.
 */
export interface Logger {
  debug(message: string, attributes?: LogAttributes): void;
  info(message: string, attributes?: LogAttributes): void;
  warn(message: string, attributes?: LogAttributes): void;
  error(message: string, attributes?: LogAttributes): void;
  /** A logger that adds `attributes` to every line. */
  child(attributes: LogAttributes): Logger;
}

/** A logger that discards everything: the default for embedders. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silentLogger;
  },
};
