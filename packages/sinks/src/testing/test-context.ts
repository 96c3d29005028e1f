import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CounterSet,
  MemoryCheckpointStore,
  silentLogger,
  systemClock,
  type Clock,
  type ComponentContext,
  type ErrorReporter,
  type Rejection,
} from '@jackwatch/core';

/** An {@link ErrorReporter} that keeps what it was told, for assertions. */
export class RecordingErrorReporter implements ErrorReporter {
  readonly rejections: Rejection[] = [];
  readonly errors: Array<{ componentId: string; error: unknown; attributes: Readonly<Record<string, unknown>> | undefined }> = [];

  reject(rejection: Rejection): void {
    this.rejections.push(rejection);
  }
  error(componentId: string, error: unknown, attributes?: Readonly<Record<string, unknown>>): void {
    this.errors.push({ componentId, error, attributes });
  }
}

/** The real clock, remembering every sleep it was asked for (to check backoff and `Retry-After` without timing). */
export class RecordingClock implements Clock {
  readonly sleeps: number[] = [];
  now(): number {
    return systemClock.now();
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return systemClock.sleep(ms, signal);
  }
}

/** A real {@link ComponentContext} plus handles on its parts. */
export interface TestContext extends ComponentContext {
  readonly telemetry: CounterSet;
  readonly errors: RecordingErrorReporter;
}

/** Builds a context for component `id` whose relative paths resolve in `baseDir`. */
export function createTestContext(id: string, baseDir: string, clock: Clock = systemClock): TestContext {
  return {
    id,
    logger: silentLogger,
    clock,
    checkpoints: new MemoryCheckpointStore(),
    telemetry: new CounterSet(),
    errors: new RecordingErrorReporter(),
    interest: 'all',
    baseDir,
  };
}

/** A fresh temporary directory and a function removing it. */
export async function makeTempDir(prefix = 'jackwatch-sinks-'): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
