import { constants, type Stats } from 'node:fs';
import { access, mkdir, open, stat } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { serializeFinding, type EvidenceLimits, type Finding } from '@jackwatch/core';

/** One line of a dead-letter file: a finding that could not be delivered, and why. */
export interface DeadLetterEntry {
  /** ISO-8601 wall-clock time it was dead-lettered. */
  readonly deadLetteredAt: string;
  /** Component id of the sink that gave up, e.g. `webhook/slack`. */
  readonly sink: string;
  readonly reason: string;
  /** Delivery attempts made (0 when the shutdown deadline came first). */
  readonly attempts: number;
  readonly finding: Finding;
}

/**
 * The default dead-letter path of a sink: `.jackwatch/dead-letter/<id>.jsonl`
 * with `/` in the id replaced by `_` (`webhook/slack` → `webhook_slack.jsonl`).
 */
export function defaultDeadLetterPath(componentId: string): string {
  return `.jackwatch/dead-letter/${componentId.replaceAll('/', '_')}.jsonl`;
}

/** Resolves a configured (or the default) dead-letter path against the config's directory. */
export function resolveDeadLetterPath(configured: string | undefined, componentId: string, baseDir: string): string {
  const path = configured ?? defaultDeadLetterPath(componentId);
  return isAbsolute(path) ? path : resolve(baseDir, path);
}

/**
 * Appends undeliverable findings to a JSONL file, one {@link DeadLetterEntry}
 * per line, synced to disk before returning. The file is opened by path for
 * every append, so `redeliver` can move it aside while the agent runs and the
 * next append starts a fresh file.
 */
export class DeadLetterFile {
  /** Absolute path of the file. */
  readonly path: string;
  readonly #limits: Partial<EvidenceLimits>;

  /** `limits` bound the evidence written per finding (see `serializeFinding`). */
  constructor(path: string, limits: Partial<EvidenceLimits> = {}) {
    this.path = path;
    this.#limits = limits;
  }

  /**
   * Creates the directory and checks that the file can be written and is no
   * named pipe, socket or device, so a bad path fails at start.
   */
  async prepare(): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    await access(dirname(this.path), constants.W_OK);
    try {
      await access(this.path, constants.W_OK);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return;
    }
    const info = await stat(this.path);
    if (!info.isDirectory()) refuseIfNotRegular(this.path, info);
  }

  /**
   * Appends one entry per finding. Each finding is serialised on its own
   * with `serializeFinding`, so one that cannot be written whole is written
   * with markers and never costs the others their line.
   */
  async append(sink: string, findings: readonly Finding[], reason: string, attempts: number, now: number): Promise<void> {
    const head = JSON.stringify({ deadLetteredAt: new Date(now).toISOString(), sink, reason, attempts }).slice(0, -1);
    const lines = findings.map((finding) => `${head},"finding":${serializeFinding(finding, this.#limits)}}`);
    await this.appendLines(lines);
  }

  /** Appends lines verbatim (a newline is added to each): used to keep unreadable lines during redelivery. */
  async appendLines(lines: readonly string[]): Promise<void> {
    if (lines.length === 0) return;
    await mkdir(dirname(this.path), { recursive: true });
    // Non-blocking: opening a named pipe put in the file's place would otherwise wait for a reader for good, past SIGTERM.
    const handle = await open(this.path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NONBLOCK, 0o666);
    try {
      refuseIfNotRegular(this.path, await handle.stat());
      await handle.write(lines.join('\n') + '\n');
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }
}

// A named pipe, socket or device would block, swallow or refuse what is written: findings kept there are not kept.
// (A directory fails every append with EISDIR on its own: those findings are counted lost.)
function refuseIfNotRegular(path: string, info: Stats): void {
  if (info.isFile()) return;
  const kind = info.isFIFO() ? 'a named pipe (FIFO)' : info.isDirectory() ? 'a directory' : info.isSocket() ? 'a socket' : 'a device';
  throw new Error(`dead-letter file ${path} is ${kind}, not a regular file`);
}
