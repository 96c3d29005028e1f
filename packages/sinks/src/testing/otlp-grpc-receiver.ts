import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { flattenLogRecords, OTLP_LOGS_SERVICE_PROTO, OTLP_OBJECT_OPTIONS, OTLP_PROTO_DIR, type DecodedLogRecord } from './otlp-logs-decoder.ts';

/** One Export call as received. */
export interface ReceivedOtlpCall {
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly status: grpc.status;
  readonly records: readonly DecodedLogRecord[];
}

type ServiceConstructor = { service: grpc.ServiceDefinition };

function logsService(): grpc.ServiceDefinition {
  const definition = loadSync(OTLP_LOGS_SERVICE_PROTO, { includeDirs: [OTLP_PROTO_DIR], keepCase: false, ...OTLP_OBJECT_OPTIONS });
  const loaded = grpc.loadPackageDefinition(definition) as unknown as {
    opentelemetry: { proto: { collector: { logs: { v1: { LogsService: ServiceConstructor } } } } };
  };
  return loaded.opentelemetry.proto.collector.logs.v1.LogsService.service;
}

/**
 * A real OTLP/gRPC logs receiver (`@grpc/grpc-js` + `@grpc/proto-loader` and
 * the OTLP proto subset) on 127.0.0.1, plaintext or TLS.
 */
export class OtlpGrpcReceiver {
  readonly calls: ReceivedOtlpCall[] = [];
  readonly #server = new grpc.Server();
  readonly #failures: grpc.status[] = [];
  #port = 0;
  #scheme: 'http' | 'https' = 'http';

  private constructor() {
    this.#server.addService(logsService(), {
      Export: (call: grpc.ServerUnaryCall<Record<string, unknown>, unknown>, callback: grpc.sendUnaryData<unknown>) => {
        const failure = this.#failures.shift();
        this.calls.push({
          metadata: call.metadata.getMap(),
          status: failure ?? grpc.status.OK,
          records: flattenLogRecords(call.request),
        });
        if (failure !== undefined) callback({ code: failure, details: 'scripted failure' });
        else callback(null, {});
      },
    });
  }

  /** Starts a receiver on an ephemeral port; with `tls`, it requires TLS with that certificate and key. */
  static async start(tls?: { readonly cert: Buffer; readonly key: Buffer }): Promise<OtlpGrpcReceiver> {
    const receiver = new OtlpGrpcReceiver();
    const credentials = tls
      ? grpc.ServerCredentials.createSsl(null, [{ cert_chain: tls.cert, private_key: tls.key }])
      : grpc.ServerCredentials.createInsecure();
    receiver.#scheme = tls ? 'https' : 'http';
    receiver.#port = await new Promise<number>((resolve, reject) =>
      receiver.#server.bindAsync('127.0.0.1:0', credentials, (error, port) => (error ? reject(error) : resolve(port))),
    );
    return receiver;
  }

  /** The endpoint to configure: `https://` when serving TLS, else `http://` (plaintext). */
  get endpoint(): string {
    return `${this.#scheme}://127.0.0.1:${this.#port}`;
  }

  /** Fails the next calls with these status codes, in order. */
  failNext(...codes: grpc.status[]): void {
    this.#failures.push(...codes);
  }

  /** Log records of the accepted calls. */
  acceptedRecords(): DecodedLogRecord[] {
    return this.calls.filter((c) => c.status === grpc.status.OK).flatMap((c) => c.records);
  }

  async close(): Promise<void> {
    this.#server.forceShutdown();
  }
}
