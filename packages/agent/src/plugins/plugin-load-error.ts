/** One `plugins:` entry that could not be loaded. */
export interface PluginFailure {
  /** Position in the `plugins:` list. */
  readonly index: number;
  /** The entry as written. */
  readonly plugin: string;
  /** Why, naming the plugin. */
  readonly message: string;
}

/** Every plugin of a list that failed to load, each with its reason; the message has one per line. */
export class PluginLoadError extends Error {
  override readonly name = 'PluginLoadError';
  readonly failures: readonly PluginFailure[];

  constructor(failures: readonly PluginFailure[]) {
    super(failures.map((f) => f.message).join('\n'));
    this.failures = failures;
  }
}
