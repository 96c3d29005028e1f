import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiEntries, apiReports } from '../../tools/api-report.ts';
import { REPO_ROOT } from '../support/run-cli.ts';

// Every change to what a package exports must be a visible decision: the
// checked-in report under api/ is updated in the same change (npm run api:update).
describe('public API reports', () => {
  it('match what each package exports (run `npm run api:update` after a deliberate change)', () => {
    const reports = apiReports(REPO_ROOT);
    expect([...reports.keys()].sort()).toEqual(apiEntries(REPO_ROOT).map((e) => e.report).sort());
    for (const [file, text] of reports) {
      const path = join(REPO_ROOT, 'api', file);
      expect(existsSync(path), `api/${file} is missing: run npm run api:update`).toBe(true);
      expect(text, `api/${file} is out of date: run npm run api:update and review the diff`).toBe(readFileSync(path, 'utf8'));
    }
  }, 120_000);
});
