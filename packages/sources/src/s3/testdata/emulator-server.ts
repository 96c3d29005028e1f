// Runs fauxqs on a free loopback port in its own process (so benchmarks do not
// share an event loop with it) and prints its endpoint on stdout.
import { startEmulator } from './emulator.ts';

const emulator = await startEmulator();
process.stdout.write(`${emulator.endpoint}\n`);
process.on('SIGTERM', () => {
  void emulator.stop().then(() => process.exit(0));
});
