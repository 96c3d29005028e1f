import { describe, expect, it } from 'vitest';
import { METRIC_DEFINITIONS } from '@jackwatch/core';
import { markdownFiles } from './support/markdown-files.ts';

// Names in the exported namespaces; `jackwatch.finding…` attributes and `jackwatch.evidenceOmitted` are not metrics.
const METRIC_NAME = /`(jackwatch\.(?:source|pipeline|s3|sqs|cloudwatch_logs|detector|sink|processor|checkpoint|component|process)\.[a-z_.]*[a-z_])/g;

/** The metric names a document writes out in full that the catalog does not define. */
function unknownMetricNames(text: string, known: ReadonlySet<string>): string[] {
  return [...text.matchAll(METRIC_NAME)].map(([, name]) => name!).filter((name) => !known.has(name));
}

describe('metric names in the documentation', () => {
  const known = new Set(METRIC_DEFINITIONS.map((m) => m.name));

  it.each(markdownFiles().map((f) => [f.path, f.text] as const))('%s names only metrics of METRICS', (_path, text) => {
    expect(unknownMetricNames(text, known)).toEqual([]);
  });

  it('reports a name the catalog does not have, and passes the labelled form of one it has', () => {
    const text = '`jackwatch.sink.evidence_omitted` and `jackwatch.cloudwatch_logs.requests{operation}` and `jackwatch.finding.severity`';
    expect(unknownMetricNames(text, known)).toEqual(['jackwatch.sink.evidence_omitted']);
  });
});
