import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandHelp, environmentTable, exitCodeTable } from './cli-reference.ts';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

describe('the exit-code and environment reference', () => {
  it('is the README\'s, word for word, so the help and the README cannot drift apart', () => {
    expect(readme).toContain(exitCodeTable());
    expect(readme).toContain(environmentTable());
  });

  it('gives every command an example, its exit codes and its environment in --help', () => {
    const help = commandHelp('validate');
    expect(help).toContain('$ jackwatch validate --config');
    expect(help).toMatch(/Exit codes:\n {2}0 {2}.*\n {2}1 {2}with --probe: a check failed; .*\n {2}2 {2}/);
    expect(help).toMatch(/Environment:\n(.*\n)*.*AWS_REGION/);
    // Markdown quoting is for the README only.
    expect(help).not.toContain('`');
    expect(commandHelp('sigma check')).toMatch(/Environment:\n {2}none\n/);
  });
});
