import type { SourceFactory } from '@jackwatch/core';
import { fileSourceConfigSchema, type FileSourceConfig } from './config.ts';
import { FileSource } from './file-source.ts';
import { probeFileSource } from '../probe/file-probe.ts';

/** The `file` source: CloudTrail delivery files and NDJSON from files, directories and globs, optionally followed. */
export const fileSourceFactory: SourceFactory<FileSourceConfig> = {
  kind: 'source',
  type: 'file',
  stability: 'beta',
  description: 'Reads CloudTrail files (.json, .json.gz, NDJSON) from paths, directories and globs; can follow new files',
  configSchema: fileSourceConfigSchema,
  create: (config, context) => new FileSource(config, context),
  probe: probeFileSource,
};
