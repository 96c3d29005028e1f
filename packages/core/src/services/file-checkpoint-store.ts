import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CheckpointError, CheckpointWriteError } from './checkpoint-error.ts';
import { readCheckpointFile } from './checkpoint-file.ts';
import { checkpointFileName, checkpointFileOf } from './checkpoint-file-name.ts';
import type { CheckpointStore, CheckpointValue } from './checkpoint-store.ts';
import { MemoryCheckpointStore } from './memory-checkpoint-store.ts';

/** Options of a {@link FileCheckpointStore}. */
export interface FileCheckpointStoreOptions {
  /** This scope's name; its file is named after it (see {@link checkpointFileName}). Default `checkpoints`. */
  readonly name?: string;
  /** The config file that names this checkpoint directory: messages then give the `jackwatch checkpoints reset` command that starts a component over. */
  readonly configFile?: string;
}

/** What the scopes of one store share: one instance per scope, and which scope owns which file. */
interface Family {
  readonly stores: Map<string, FileCheckpointStore>;
  readonly owners: Map<string, string>;
}

/**
 * A {@link CheckpointStore} persisted as one JSON file per scope in `dir`,
 * written atomically (write to a temporary file, then rename) so a crash
 * leaves either the old or the new checkpoint, never a torn one.
 *
 * Writes of one scope are serialized; the file holds the whole scope, which
 * stays small because sources keep one position per prefix, log group or
 * file. A write that fails keeps the values in memory and rejects with a
 * `CheckpointWriteError` naming the file; the next write carries them.
 *
 * A file that is not a JSON object of entries is refused with a
 * `CheckpointError` when the scope is first read — never read as empty,
 * which would read everything again — as is a second scope whose file name
 * is already another scope's (`file/a b` and `file/a_b`).
 */
export class FileCheckpointStore implements CheckpointStore {
  readonly #dir: string;
  readonly #scope: string;
  readonly #file: string;
  readonly #configFile: string | undefined;
  #family: Family;
  #loaded: Promise<MemoryCheckpointStore> | undefined;
  #writing: Promise<void> = Promise.resolve();

  /** @param dir directory of the checkpoint files; @param options this scope's name (a string is the name), and the config file for messages. */
  constructor(dir: string, options: string | FileCheckpointStoreOptions = {}) {
    const { name = 'checkpoints', configFile } = typeof options === 'string' ? { name: options } : options;
    this.#dir = dir;
    this.#scope = name;
    this.#file = checkpointFileOf(dir, name);
    this.#configFile = configFile;
    this.#family = { stores: new Map([[name, this]]), owners: new Map() };
  }

  /** The file this scope is kept in. */
  get file(): string {
    return this.#file;
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

  /** Each scope is its own file, so components never rewrite each other's checkpoints; asking twice gives the same store. */
  scope(scope: string): CheckpointStore {
    const known = this.#family.stores.get(scope);
    if (known !== undefined) return known;
    const store = new FileCheckpointStore(this.#dir, { name: scope, configFile: this.#configFile });
    store.#family = this.#family;
    this.#family.stores.set(scope, store);
    return store;
  }

  refuse(key: string, problem: string): CheckpointError {
    return this.#refusal(`: entry ${JSON.stringify(key)} ${problem}`);
  }

  #memory(): Promise<MemoryCheckpointStore> {
    this.#loaded ??= this.#load();
    return this.#loaded;
  }

  async #load(): Promise<MemoryCheckpointStore> {
    const name = checkpointFileName(this.#scope);
    const owner = this.#family.owners.get(name);
    if (owner !== undefined && owner !== this.#scope) {
      throw new CheckpointError(
        `components "${owner}" and "${this.#scope}" would keep their checkpoints in the same file, ${this.#file}, and overwrite each other's: rename one of them`,
        { location: this.#file, scope: this.#scope },
      );
    }
    this.#family.owners.set(name, this.#scope);
    const content = await readCheckpointFile(this.#file);
    if (content.kind === 'refused') throw this.#refusal(` ${content.problem}`, content.cause);
    return new MemoryCheckpointStore(content.kind === 'entries' ? content.entries : new Map());
  }

  #refusal(problem: string, cause?: unknown): CheckpointError {
    const scope = this.#scope;
    const startOver = this.#configFile === undefined
      ? `remove the file`
      : `run:\n  jackwatch checkpoints reset --config ${shellWord(this.#configFile)} --source ${shellWord(scope)}`;
    return new CheckpointError(
      `checkpoint file ${this.#file} (component "${scope}")${problem}.\n` +
        `It records how far "${scope}" has read; jackwatch stops rather than guess, which would read input again or skip it.\n` +
        `To resume where it was, repair or restore the file; to start "${scope}" over as on its first run, ${startOver}`,
      { location: this.#file, scope, cause },
    );
  }

  #persist(): Promise<void> {
    const write = async (): Promise<void> => {
      const values = Object.fromEntries(await (await this.#memory()).entries());
      // Unique per write, not per pid: two agents in two containers on one volume are both pid 1, and a shared name tears the file.
      const temporary = `${this.#file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await mkdir(dirname(this.#file), { recursive: true });
        await writeFile(temporary, JSON.stringify(values));
        await rename(temporary, this.#file);
      } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined);
        throw new CheckpointWriteError(
          `cannot write checkpoint file ${this.#file} (component "${this.#scope}"): ${error instanceof Error ? error.message : String(error)}. ` +
            'Reading goes on and the next commit writes it again; until one succeeds, a restart reads again what was read since the last checkpoint written',
          { location: this.#file, scope: this.#scope, cause: error },
        );
      }
    };
    this.#writing = this.#writing.then(write, write);
    return this.#writing;
  }
}

// A word the shell reads back unchanged: quoted when it holds anything but safe characters.
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
