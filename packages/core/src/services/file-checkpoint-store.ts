import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CheckpointStore, CheckpointValue } from './checkpoint-store.ts';
import { MemoryCheckpointStore } from './memory-checkpoint-store.ts';

/**
 * A {@link CheckpointStore} persisted as one JSON file per scope in `dir`,
 * written atomically (write to a temporary file, then rename) so a crash
 * leaves either the old or the new checkpoint, never a torn one.
 *
 * Writes of one scope are serialized; the file holds the whole scope, which
 * stays small because sources keep one position per prefix, log group or file.
 */
export class FileCheckpointStore implements CheckpointStore {
  readonly #dir: string;
  readonly #file: string;
  #loaded: Promise<MemoryCheckpointStore> | undefined;
  #writing: Promise<void> = Promise.resolve();

  /** @param dir directory of the checkpoint files; @param name this scope's file name (without `.json`). */
  constructor(dir: string, name = 'checkpoints') {
    this.#dir = dir;
    this.#file = join(dir, `${safeFileName(name)}.json`);
  }

  async get(key: string): Promise<CheckpointValue | undefined> {
    return (await this.#memory()).get(key);
  }

  async set(key: string, value: CheckpointValue): Promise<void> {
    await (await this.#memory()).set(key, value);
    await this.#persist();
  }

  async delete(key: string): Promise<void> {
    await (await this.#memory()).delete(key);
    await this.#persist();
  }

  async entries(): Promise<ReadonlyMap<string, CheckpointValue>> {
    return (await this.#memory()).entries();
  }

  /** Each scope is its own file, so components never rewrite each other's checkpoints. */
  scope(scope: string): CheckpointStore {
    return new FileCheckpointStore(this.#dir, scope);
  }

  #memory(): Promise<MemoryCheckpointStore> {
    this.#loaded ??= readFile(this.#file, 'utf8').then(
      (text) => new MemoryCheckpointStore(new Map(Object.entries(JSON.parse(text) as Record<string, CheckpointValue>))),
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return new MemoryCheckpointStore();
        throw new Error(`cannot read checkpoint file ${this.#file}: ${error.message}`);
      },
    );
    return this.#loaded;
  }

  #persist(): Promise<void> {
    const write = async (): Promise<void> => {
      const values = Object.fromEntries(await (await this.#memory()).entries());
      const temporary = `${this.#file}.${process.pid}.tmp`;
      await mkdir(dirname(this.#file), { recursive: true });
      await writeFile(temporary, JSON.stringify(values));
      await rename(temporary, this.#file);
    };
    this.#writing = this.#writing.then(write, write);
    return this.#writing;
  }
}

function safeFileName(name: string): string {
  return name.replace(/[^a-zA-Z0-9._-]/g, '_');
}
