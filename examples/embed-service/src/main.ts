import { createService } from './create-service.ts';

// The service as a process: configuration from the environment, errors to
// stderr (the library parts never log), graceful close on SIGINT/SIGTERM.
const port = Number(process.env['PORT'] ?? 8080);
const service = await createService({
  apiKey: process.env['API_KEY'],
  forwardUrl: process.env['FORWARD_URL'],
  onError: (error) => process.stderr.write(`embed-service: ${error instanceof Error ? error.message : String(error)}\n`),
}).listen(port, process.env['HOST'] ?? '127.0.0.1');
process.stderr.write(`embed-service: listening on ${service.url} (POST /events)\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    service.close().then(
      (last) => process.stderr.write(`embed-service: closed (${last.length} finding(s) at flush)\n`),
      (error: unknown) => {
        process.stderr.write(`embed-service: close failed: ${String(error)}\n`);
        process.exitCode = 1;
      },
    );
  });
}
