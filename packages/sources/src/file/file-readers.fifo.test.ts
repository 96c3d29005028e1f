import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from './testdata/harness.ts';

// Both readers run on a named pipe with no writer, in a child process: a plain open() would wait for a
// writer for good (openSync on the thread itself), so the child is killed after a while and the test fails.
const script = `
const [fifo, wholeUrl, streamUrl] = process.argv.slice(1);
const { readWholeBytesSync } = await import(wholeUrl);
const { readInputFile } = await import(streamUrl);
const whole = readWholeBytesSync(fifo, 1024, { buffer: Buffer.alloc(0) });
const rejections = [];
let chunks = 0;
const plan = { source: 'file', reject: (rejection) => rejections.push(rejection) };
for await (const chunk of readInputFile(fifo, plan)) chunks++;
process.stdout.write(JSON.stringify({ whole, rejections, chunks }));
`;

describe('file readers given a named pipe where a file was listed', () => {
  it('open it without blocking, see it is not a regular file, and report it unreadable', async () => {
    const dir = await tempDir();
    const fifo = join(dir, 'swapped.json');
    execFileSync('mkfifo', [fifo]);
    const module = (name: string): string => pathToFileURL(join(import.meta.dirname, name)).href;
    const child = spawnSync(process.execPath, ['--conditions=development', '--input-type=module', '-e', script, fifo, module('read-whole-bytes.ts'), module('read-input-file.ts')], {
      encoding: 'utf8',
      timeout: 20_000,
      killSignal: 'SIGKILL',
    });
    expect(child.signal, `the child was killed: a reader blocked on the pipe. ${child.stderr}`).toBeNull();
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual({
      whole: { kind: 'unreadable', message: `cannot read ${fifo}: not a regular file` },
      rejections: [{ reason: 'unreadable', message: `cannot read ${fifo}: not a regular file`, origin: { source: 'file', location: fifo, index: -1 } }],
      chunks: 0,
    });
  });
});
