import { describe, expect, it } from 'vitest';
import { otlpConfigSchema } from './config.ts';
import { otlpExporterUrl } from './otlp-endpoint.ts';

const messages = (input: unknown) => otlpConfigSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('otlpConfigSchema', () => {
  it('rejects unknown keys, bad protocols and non-HTTP endpoints', () => {
    expect(messages({ endpiont: 'http://x:4318' }).join()).toMatch(/endpiont/);
    expect(messages({ protocol: 'udp' })[0]).toMatch(/^protocol:/);
    expect(messages({ endpoint: 'collector:4317' })).toEqual(['endpoint: endpoint must be an http:// or https:// URL']);
  });

  it('checks TLS options against the protocol and the endpoint scheme', () => {
    expect(messages({ endpoint: 'https://c:4317', protocol: 'grpc', tls: { insecureSkipVerify: true } })).toEqual([
      'tls.insecureSkipVerify: insecureSkipVerify is not supported with grpc; give the collector CA in tls.ca',
    ]);
    expect(messages({ endpoint: 'http://c:4318', tls: { ca: 'ca.pem' } })).toEqual(['tls: tls files need an https:// endpoint; this one is plaintext']);
    expect(messages({ endpoint: 'https://c:4318', tls: { ca: 'ca.pem' } })).toEqual([]);
    expect(messages({ headers: { 'bad name': 'x' } })).toEqual(['headers.bad name: "bad name" is not a valid header name']);
  });
});

describe('otlpExporterUrl', () => {
  it('appends /v1/logs to a bare origin for http protocols, keeps explicit paths', () => {
    expect(otlpExporterUrl({ protocol: 'http/protobuf', endpoint: undefined })).toBe('http://localhost:4318/v1/logs');
    expect(otlpExporterUrl({ protocol: 'http/json', endpoint: 'https://otel.example.com' })).toBe('https://otel.example.com/v1/logs');
    expect(otlpExporterUrl({ protocol: 'http/protobuf', endpoint: 'https://gw.example.com/otlp/v1/logs' })).toBe('https://gw.example.com/otlp/v1/logs');
  });

  it('uses the endpoint as is for grpc', () => {
    expect(otlpExporterUrl({ protocol: 'grpc', endpoint: undefined })).toBe('http://localhost:4317');
    expect(otlpExporterUrl({ protocol: 'grpc', endpoint: 'https://otel.example.com:4317' })).toBe('https://otel.example.com:4317');
  });
});
