declare module 'parse-prometheus-text-format' {
  /** One sample of a metric family. */
  export interface PrometheusSample {
    readonly value: string;
    readonly labels?: Readonly<Record<string, string>>;
  }
  /** One metric family of the text exposition format. */
  export interface PrometheusFamily {
    readonly name: string;
    readonly help: string;
    readonly type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
    readonly metrics: readonly PrometheusSample[];
  }
  /** Parses Prometheus text format; throws on malformed input. */
  export default function parsePrometheusTextFormat(text: string): PrometheusFamily[];
}
