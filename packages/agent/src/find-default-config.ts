import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const QUICKSTART = join('examples', 'quickstart', 'config.yaml');

/**
 * The config `jackwatch run` uses without `--config`: the quickstart in the
 * working directory, else the one of the checkout this agent runs from.
 */
export function findDefaultConfig(cwd = process.cwd()): string | undefined {
  const candidates = [resolve(cwd, QUICKSTART), resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', QUICKSTART)];
  return candidates.find((file) => existsSync(file));
}
