/**
 * How a metric's value behaves: `counter` only grows (a sum since the
 * start), `gauge` is a value at the moment it is read (a lag, a depth).
 */
export type MetricKind = 'counter' | 'gauge';

/**
 * One self-telemetry metric: the name every counter, observation, the run
 * summary and the exported OpenTelemetry instrument share.
 */
export interface MetricDefinition {
  /** OpenTelemetry style: dotted, lower-case, component first (`jackwatch.source.events.read`). */
  readonly name: string;
  readonly kind: MetricKind;
  /** UCUM unit: `s`, `By`, `1`, or a `{thing}` annotation for counts. */
  readonly unit: string;
  readonly description: string;
  /**
   * The labels exported, each of bounded cardinality (component ids,
   * reasons, severities). Labels a counter carries beyond these (a skipped
   * file's path) stay internal: exporters sum over them.
   */
  readonly labels: readonly string[];
}

const counter = (name: string, unit: string, labels: readonly string[], description: string): MetricDefinition => ({ name, kind: 'counter', unit, labels, description });
const gauge = (name: string, unit: string, labels: readonly string[], description: string): MetricDefinition => ({ name, kind: 'gauge', unit, labels, description });

/**
 * Every metric of jackwatch, in one place. Components count and observe
 * under these names; the run summary reads them; the agent exports them.
 */
export const METRICS = {
  eventsRead: counter('jackwatch.source.events.read', '{event}', ['pipeline', 'source'], 'Events a source handed to the pipeline.'),
  eventsRejected: counter('jackwatch.source.events.rejected', '{event}', ['source', 'reason'], 'Input records refused, by reason (malformed, no eventTime, too large, …).'),
  filesRead: counter('jackwatch.source.files.read', '{file}', ['source'], 'Files the file source read.'),
  filesUnchanged: counter('jackwatch.source.files.unchanged', '{file}', ['source'], 'Files skipped at start because the checkpoint says they were read whole.'),
  filesPrefiltered: counter('jackwatch.source.files.prefiltered', '{file}', ['source'], 'Files or objects skipped unparsed: no detector can match their event sources.'),
  recordsPrefiltered: counter('jackwatch.source.records.prefiltered', '{record}', ['source'], 'Records skipped unparsed: no detector can match them.'),
  recordsUnmatched: counter('jackwatch.source.records.unmatched', '{record}', ['source'], 'Records parsed but not made events: no detector can match them.'),
  entriesSkipped: counter('jackwatch.source.entries.skipped', '{entry}', ['source', 'reason'], 'Entries under the file source paths that are not CloudTrail files (pipes, sockets, broken links, …).'),
  eventTimeLag: gauge('jackwatch.source.event_time.lag', 's', ['pipeline', 'source'], 'Now minus the newest event time of the source partition that is furthest behind.'),
  partitionEventTimeLag: gauge('jackwatch.source.partition.event_time.lag', 's', ['pipeline', 'source', 'account', 'region'], 'Now minus the newest event time of one (source, account, region) partition; partitions past the cap are folded into account and region "_other".'),
  watermarkLag: gauge('jackwatch.pipeline.watermark.lag', 's', ['pipeline'], 'Now minus the pipeline watermark (event time up to which it has seen everything).'),
  eventsLate: counter('jackwatch.pipeline.events.late', '{event}', ['pipeline', 'source'], 'Events older than their partition watermark when they arrived.'),
  s3ObjectsListed: counter('jackwatch.s3.objects.listed', '{object}', ['source'], 'Objects the s3 source listed as new.'),
  s3ObjectsRead: counter('jackwatch.s3.objects.read', '{object}', ['source'], 'Objects the s3 source downloaded and decoded.'),
  s3BytesRead: counter('jackwatch.s3.bytes.read', 'By', ['source'], 'Bytes of objects the s3 source read (decompressed).'),
  s3ObjectsRejected: counter('jackwatch.s3.objects.rejected', '{object}', ['source'], 'Objects that could not be read or held nothing valid.'),
  s3Polls: counter('jackwatch.s3.polls', '{poll}', ['source'], 'Listing rounds of the s3 source in poll mode.'),
  sqsMessagesReceived: counter('jackwatch.sqs.messages.received', '{message}', ['source'], 'SQS notifications received.'),
  sqsMessagesInvalid: counter('jackwatch.sqs.messages.invalid', '{message}', ['source'], 'SQS messages that were no S3 notification.'),
  sqsMessagesDeleted: counter('jackwatch.sqs.messages.deleted', '{message}', ['source'], 'SQS messages deleted after their objects were delivered.'),
  sqsMessagesInFlight: gauge('jackwatch.sqs.messages.in_flight', '{message}', ['source'], 'SQS messages received and not yet deleted.'),
  sqsVisibilityExtended: counter('jackwatch.sqs.visibility.extended', '{message}', ['source'], 'Visibility timeouts extended for messages still in work.'),
  cloudwatchLogsRequests: counter('jackwatch.cloudwatch_logs.requests', '{request}', ['source', 'operation'], 'CloudWatch Logs API requests.'),
  cloudwatchLogsRequestFailures: counter('jackwatch.cloudwatch_logs.request.failures', '{request}', ['source', 'code'], 'CloudWatch Logs requests that failed, by error code.'),
  cloudwatchLogsEventsRead: counter('jackwatch.cloudwatch_logs.events.read', '{event}', ['source'], 'Log events received from CloudWatch Logs.'),
  cloudwatchLogsDuplicatesDropped: counter('jackwatch.cloudwatch_logs.duplicates.dropped', '{event}', ['source'], 'Log events received twice and dropped.'),
  cloudwatchLogsTailSessions: counter('jackwatch.cloudwatch_logs.tail.sessions', '{session}', ['source'], 'Live Tail sessions started.'),
  cloudwatchLogsTailSampled: counter('jackwatch.cloudwatch_logs.tail.sampled', '{session}', ['source'], 'Live Tail updates that said the stream was sampled.'),
  cloudwatchLogsReadLag: gauge('jackwatch.cloudwatch_logs.read.lag', 's', ['source'], 'Now minus the end of the time window the pull mode has read up to.'),
  processorDropped: counter('jackwatch.processor.events.dropped', '{event}', ['processor'], 'Events a processor dropped.'),
  findings: counter('jackwatch.detector.findings', '{finding}', ['pipeline', 'detector', 'severity'], 'Findings emitted, by detector and severity.'),
  detectorState: gauge('jackwatch.detector.state.entries', '{entry}', ['pipeline', 'detector'], 'Live state a detector holds (keys, pending steps, window entries).'),
  findingsSuppressed: counter('jackwatch.detector.findings.suppressed', '{finding}', ['detector'], 'Findings dropped by suppression (one kept per group per period).'),
  findingsExcepted: counter('jackwatch.detector.findings.excepted', '{finding}', ['detector'], 'Findings dropped by an exception.'),
  eventsAbsorbed: counter('jackwatch.detector.events.absorbed', '{event}', ['detector'], 'Events that fell into a re-arming group and count toward no finding.'),
  stateOverflow: counter('jackwatch.detector.state.overflow', '{entry}', ['detector'], 'State a detector dropped at its per-key cap: a match may have been missed.'),
  sinkAccepted: counter('jackwatch.sink.findings.accepted', '{finding}', ['sink'], 'Findings a sink took into its queue.'),
  sinkDelivered: counter('jackwatch.sink.findings.delivered', '{finding}', ['sink'], 'Findings the receiver acknowledged.'),
  sinkRetried: counter('jackwatch.sink.deliveries.retried', '{attempt}', ['sink'], 'Delivery attempts that were retried.'),
  sinkDeadLettered: counter('jackwatch.sink.findings.dead_lettered', '{finding}', ['sink'], 'Findings written to the dead-letter file.'),
  sinkLost: counter('jackwatch.sink.findings.lost', '{finding}', ['sink'], 'Findings neither delivered nor dead-lettered.'),
  sinkQueued: gauge('jackwatch.sink.queue.depth', '{finding}', ['sink'], 'Findings accepted and not yet delivered, dead-lettered or lost.'),
  sinkCircuitOpen: gauge('jackwatch.sink.circuit.open', '1', ['sink'], '1 while the sink circuit breaker is open (receiver down), else 0.'),
  sinkCircuitOpened: counter('jackwatch.sink.circuit.opened', '{event}', ['sink'], 'Times the circuit breaker opened.'),
  sinkEvidenceOmitted: counter('jackwatch.sink.evidence.omitted', '{record}', ['sink'], 'Evidence records replaced by a marker (too deep, too large, unserialisable).'),
  sinkExportFailed: counter('jackwatch.sink.export.failed', '{finding}', ['sink'], 'Findings whose export call the sink rejected.'),
  checkpointAge: gauge('jackwatch.checkpoint.commit.age', 's', ['component'], 'Time since a component last wrote its checkpoint.'),
  componentErrors: counter('jackwatch.component.errors', '{error}', ['component'], 'Error-level failures reported by a component.'),
  componentUp: gauge('jackwatch.component.up', '1', ['pipeline', 'component'], '1 while a component is started and has not failed or stopped.'),
  processMemory: gauge('jackwatch.process.memory.usage', 'By', ['type'], 'Memory of the agent process (rss, heap_used, heap_total, external).'),
} as const satisfies Record<string, MetricDefinition>;

/** Every metric definition, for exporters. */
export const METRIC_DEFINITIONS: readonly MetricDefinition[] = Object.values(METRICS);
