import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { link, mkdir, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from './file-kind.ts';
import type { DirectoryStamp } from './directory-seal.ts';
import { discoverFiles, type Listing } from './discover-files.ts';
import { resolvePathRoots } from './path-roots.ts';
import { tempDir } from './testdata/harness.ts';

const filters = { include: DEFAULT_INCLUDE, exclude: DEFAULT_EXCLUDE };
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function list(dir: string, paths: readonly string[] = ['.'], seals?: ReadonlyMap<string, DirectoryStamp>): Promise<Listing & { errors: unknown[] }> {
  const errors: unknown[] = [];
  const listing = await discoverFiles(await resolvePathRoots(paths, dir, 'file'), filters, new AbortController().signal, (error) => errors.push(error), seals);
  return { ...listing, errors };
}

async function touch(dir: string, relative: string, content = '{}'): Promise<string> {
  const path = join(dir, relative);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, content);
  return path;
}

function listenOn(path: string): Promise<void> {
  const server = createServer();
  servers.push(server);
  return new Promise((resolve) => server.listen(path, resolve));
}

describe('discoverFiles', () => {
  it('skips named pipes, sockets, devices, broken and looping links that match, each once, and never opens them', async () => {
    const dir = await tempDir();
    const good = await touch(dir, 'a/good.json');
    execFileSync('mkfifo', [join(dir, 'a/pipe.json')]);
    await listenOn(join(dir, 'a/socket.json'));
    await symlink('/dev/null', join(dir, 'a/device.json'));
    await symlink(join(dir, 'a/nowhere.json'), join(dir, 'a/broken.json'));
    await symlink(join(dir, 'a/self.json'), join(dir, 'a/self.json'));
    execFileSync('mkfifo', [join(dir, 'a/pipe.txt')]); // matches no pattern: not read, not reported
    const listing = await list(dir);
    expect(listing.paths).toEqual([good]);
    expect(listing.skipped).toEqual([
      { path: join(dir, 'a/broken.json'), reason: 'broken-link', detail: `to ${join(dir, 'a/nowhere.json')}` },
      { path: join(dir, 'a/device.json'), reason: 'device' },
      { path: join(dir, 'a/pipe.json'), reason: 'fifo' },
      { path: join(dir, 'a/self.json'), reason: 'link-loop' },
      { path: join(dir, 'a/socket.json'), reason: 'socket' },
    ]);
    expect(listing.complete).toBe(true);
    expect(listing.errors).toEqual([]);
  });

  it('lists a file reached through links, a looping directory link or a second entry of paths once, under its most direct path', async () => {
    // The link sorts before the directory holding the file, and the linked tree before the real one: neither may win.
    const dir = await tempDir();
    const real = await touch(dir, 'logs/AWSLogs/1/CloudTrail/x.json');
    await symlink(join(dir, 'logs/AWSLogs/1/CloudTrail/x.json'), join(dir, 'logs/AWSLogs/0-link.json')); // found before the file, by name
    await symlink(join(dir, 'logs/AWSLogs'), join(dir, 'logs/0-mirror'));
    await symlink('..', join(dir, 'logs/AWSLogs/1/loop'));
    await symlink('.', join(dir, 'logs/self'));
    const listing = await list(dir, ['logs', 'logs/', './logs/AWSLogs', 'logs/**/*.json', 'logs/AWSLogs/1/CloudTrail/x.json']);
    expect(listing.paths).toEqual([real]);
    expect(listing.aliases).toBeGreaterThan(0);
    expect(listing.skipped).toEqual([]);
    expect(listing.complete).toBe(true);
  });

  it('reads through a link to a directory that is reached no other way, and through a linked `paths` entry', async () => {
    const dir = await tempDir();
    const outside = await tempDir();
    await touch(outside, 'trail/x.json.gz', 'gz');
    await symlink(join(outside, 'trail'), join(dir, 'linked'));
    expect((await list(dir)).paths).toEqual([join(dir, 'linked/x.json.gz')]);
    expect((await list(dir, ['linked'])).paths).toEqual([join(dir, 'linked/x.json.gz')]);
  });

  it('lists each hard link of a file: they are distinct names', async () => {
    const dir = await tempDir();
    const first = await touch(dir, 'a.json');
    await link(first, join(dir, 'b.json'));
    expect((await list(dir)).paths.sort()).toEqual([first, join(dir, 'b.json')]);
  });

  it('skips a named pipe, a socket or a device named in paths, or matched by a glob', async () => {
    const dir = await tempDir();
    execFileSync('mkfifo', [join(dir, 'pipe.json')]);
    await listenOn(join(dir, 'socket'));
    await touch(dir, 'good.json');
    const named = await list(dir, ['pipe.json', 'socket', '/dev/null']);
    expect(named.paths).toEqual([]);
    expect(named.skipped).toEqual([
      { path: '/dev/null', reason: 'device' },
      { path: join(dir, 'pipe.json'), reason: 'fifo' },
      { path: join(dir, 'socket'), reason: 'socket' },
    ]);
    const globbed = await list(dir, ['*.json']);
    expect(globbed.paths).toEqual([join(dir, 'good.json')]);
    expect(globbed.skipped).toEqual([{ path: join(dir, 'pipe.json'), reason: 'fifo' }]);
  });

  it('ends a walk through a deep chain of links, each level walked once', async () => {
    const dir = await tempDir();
    await touch(dir, 'data/x.json');
    for (let i = 0; i < 30; i++) await symlink(i === 0 ? join(dir, 'data') : join(dir, `l${i - 1}`), join(dir, `l${i}`));
    await symlink(dir, join(dir, 'data/back-to-top'));
    const listing = await list(dir);
    expect(listing.paths).toEqual([join(dir, 'data/x.json')]);
    expect(listing.complete).toBe(true);
  });

  it('skips a directory it cannot list as unreadable, and says the listing is incomplete', async () => {
    const dir = await tempDir();
    await touch(dir, 'good.json');
    // Nested deeper than a path can name: listing it fails even for root (where permissions would not).
    const name = 'd'.repeat(200);
    const home = process.cwd();
    process.chdir(dir);
    try {
      for (let depth = 0; depth < 24; depth++) {
        mkdirSync(name);
        process.chdir(name);
      }
    } finally {
      process.chdir(home);
    }
    const listing = await list(dir);
    expect(listing.paths).toEqual([join(dir, 'good.json')]);
    expect(listing.skipped).toHaveLength(1);
    expect(listing.skipped[0]).toMatchObject({ reason: 'unreadable', detail: 'ENAMETOOLONG: name too long' });
    expect(listing.skipped[0]!.path.startsWith(join(dir, name, name))).toBe(true);
    expect(listing.complete).toBe(false);
  });
});

describe('discoverFiles with sealed directories', () => {
  it('stamps directories of files only, does not list a sealed one while its stamp holds, and lists it again once an entry is added', async () => {
    const dir = await tempDir();
    const a = await touch(dir, 'day1/a.json');
    const b = await touch(dir, 'day2/b.json');
    await symlink(a, join(dir, 'day2/link-to-a.json'));
    const first = await list(dir);
    expect([...first.leaves.keys()]).toEqual([join(dir, 'day1')]); // day2 holds a link, the root a directory
    expect([...first.reached].sort()).toEqual([dir, join(dir, 'day1'), join(dir, 'day2')]);

    const seals = new Map([[join(dir, 'day1'), first.leaves.get(join(dir, 'day1'))!]]);
    const sealed = await list(dir, ['.'], seals);
    expect(sealed.paths).toEqual([b]); // a, also through the link, is the sealed directory's
    expect([...sealed.sealed]).toEqual([join(dir, 'day1')]);
    expect(sealed.reopened.size).toBe(0);

    const late = await touch(dir, 'day1/late.json');
    const reopened = await list(dir, ['.'], seals);
    expect(reopened.paths.sort()).toEqual([a, late, b].sort());
    expect([...reopened.reopened.keys()]).toEqual([join(dir, 'day1')]);
    expect(reopened.sealed.size).toBe(0);
  });
});

describe('discoverFiles with globs', () => {
  // Nested deeper than a path can name: walking into it is reported as unreadable, so a listing without
  // that report proves the directory was never walked.
  function unwalkable(dir: string): void {
    const name = 'd'.repeat(200);
    const home = process.cwd();
    process.chdir(dir);
    try {
      for (let depth = 0; depth < 24; depth++) {
        mkdirSync(name, { recursive: true });
        process.chdir(name);
      }
    } finally {
      process.chdir(home);
    }
  }

  it('walks only the directories a glob can match, braces spanning segments included', async () => {
    const dir = await tempDir();
    const wanted = [await touch(dir, 'logs/2024/a.json'), await touch(dir, 'logs/2025/03/b.json')];
    await touch(dir, 'logs/2025/c.json');
    await touch(dir, 'logs/2025/07/d.json');
    await mkdir(join(dir, 'logs/2023'), { recursive: true });
    unwalkable(join(dir, 'logs/2023'));
    unwalkable(join(dir, 'logs/2025/07'));
    const listing = await list(dir, ['logs/{2024,2025/0[1-6]}/*.json']);
    expect(listing.paths.sort()).toEqual(wanted);
    expect(listing.skipped).toEqual([]);
    expect(listing.complete).toBe(true);
  });

  it('matches case-sensitively, leaves dot directories to globs that name them, and reads escaped glob characters literally', async () => {
    const dir = await tempDir();
    const upper = await touch(dir, 'X.JSON');
    await touch(dir, 'x.json');
    await touch(dir, '.cache/x.json');
    const hidden = await touch(dir, '.cache/y.json');
    const bracketed = await touch(dir, 'a[1].json');
    expect((await list(dir, ['*.JSON'])).paths).toEqual([upper]);
    expect((await list(dir, ['**/y.json'])).paths).toEqual([]);
    expect((await list(dir, ['.cache/y.*'])).paths).toEqual([hidden]);
    expect((await list(dir, ['a\\[1].json'])).paths).toEqual([bracketed]);
  });

  it('answers for 255-character names against globs with many stars', async () => {
    const dir = await tempDir();
    await touch(dir, `logs/${'a'.repeat(250)}.json`);
    const ending = await touch(dir, `logs/${'a'.repeat(249)}b.json`);
    const listing = await list(dir, ['logs/**/*a*a*a*a*a*a*a*b.json']);
    expect(listing.paths).toEqual([ending]);
  });

  it('refuses a glob entry past the glob limits, naming it', async () => {
    const dir = await tempDir();
    await expect(resolvePathRoots([`logs/*${'a'.repeat(3000)}`], dir, 'file')).rejects.toThrow(/^file: paths\[0\] "logs\/\*a+" is not a usable glob: a glob may be at most 2048 characters long/);
    await expect(resolvePathRoots(['{a,b}/'.repeat(7)], dir, 'file')).rejects.toThrow(/at most 64 patterns/);
  });
});
