/**
 * Summarizes a V8 `.cpuprofile` (from `node --cpu-prof`): self time by
 * function, and by file, largest first — where the time goes. With
 * `--from-first TEXT`, samples before the first one in a file whose path
 * contains TEXT are left out (`--from-first decode-document` leaves out
 * process start and module loading, as the bench's timings do).
 *
 *   node bench/profile-summary.ts <file.cpuprofile> [top] [--from-first TEXT]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const fromAt = process.argv.indexOf('--from-first');
const fromFirst = fromAt < 0 ? undefined : process.argv[fromAt + 1];
const [path, topText] = process.argv.slice(2).filter((_, i) => fromAt < 0 || (i !== fromAt - 2 && i !== fromAt - 1));
const top = Number(topText ?? 25);
const profile = JSON.parse(readFileSync(path!, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
let total = 0;
let started = fromFirst === undefined;
for (let i = 0; i < profile.samples.length; i++) {
  const node = byId.get(profile.samples[i]!)!;
  started ||= node.callFrame.url.includes(fromFirst!);
  if (!started) continue;
  const micros = profile.timeDeltas[i] ?? 0;
  total += micros;
  const file = node.callFrame.url.replace(/^.*\/(packages|bench|node_modules)\//, '$1/') || '(native)';
  const name = `${node.callFrame.functionName || '(anonymous)'}  ${file}:${node.callFrame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  byFile.set(file, (byFile.get(file) ?? 0) + micros);
}
const print = (title: string, map: Map<string, number>): void => {
  process.stdout.write(`\n${title} (self time, ${(total / 1e6).toFixed(2)} s sampled)\n`);
  for (const [name, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${((100 * micros) / total).toFixed(1).padStart(5)}%  ${(micros / 1e3).toFixed(0).padStart(6)} ms  ${name}\n`);
  }
};
print('by function', byFunction);
print('by file', byFile);
