import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every `.json.gz` under `dir`, sorted (delivery-name timestamps sort files of one interval together). */
export function listDeliveryFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.json.gz')) files.push(path);
    }
  };
  walk(dir);
  return files.sort();
}
