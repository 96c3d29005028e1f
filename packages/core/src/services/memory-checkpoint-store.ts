import { CheckpointError } from './checkpoint-error.ts';
import type { CheckpointStore, CheckpointValue } from './checkpoint-store.ts';

/**
 * A {@link CheckpointStore} held in memory: for embedders that restart from
 * scratch on purpose, and for tests.
 */
export class MemoryCheckpointStore implements CheckpointStore {
  readonly #values: Map<string, CheckpointValue>;
  readonly #prefix: string;

  constructor(values: Map<string, CheckpointValue> = new Map(), prefix = '') {
    this.#values = values;
    this.#prefix = prefix;
  }

  async get(key: string): Promise<CheckpointValue | undefined> {
    return this.#values.get(this.#prefix + key);
  }

  async set(key: string, value: CheckpointValue): Promise<void> {
    this.#values.set(this.#prefix + key, value);
  }

  async delete(key: string): Promise<void> {
    this.#values.delete(this.#prefix + key);
  }

  async entries(): Promise<ReadonlyMap<string, CheckpointValue>> {
    const scoped = new Map<string, CheckpointValue>();
    for (const [key, value] of this.#values) {
      if (key.startsWith(this.#prefix)) scoped.set(key.slice(this.#prefix.length), value);
    }
    return scoped;
  }

  scope(scope: string): CheckpointStore {
    return new MemoryCheckpointStore(this.#values, `${this.#prefix}${scope}\u0000`);
  }

  refuse(key: string, problem: string): CheckpointError {
    const scope = this.#prefix.split('\u0000').filter((part) => part !== '').join('/');
    return new CheckpointError(`in-memory checkpoint of "${scope}": entry ${JSON.stringify(key)} ${problem}`, { location: 'memory', scope });
  }
}
