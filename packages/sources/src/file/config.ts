import { durationSchema, sizeSchema } from '@jackwatch/core';
import { z } from 'zod';
import { workersSchema } from '../internal/workers-option.ts';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from './file-kind.ts';
import { treePatternProblem } from './tree-pattern.ts';

const patterns = z.array(
  z
    .string()
    .min(1, 'a pattern cannot be empty')
    .superRefine((pattern, ctx) => {
      const problem = treePatternProblem(pattern);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
    }),
);

/** Options of the `file` source. See this folder's README.md. */
export const fileSourceConfigSchema = z
  .strictObject({
    /** Files, directories (read recursively) and globs; relative entries resolve against the config file's directory. A single string is one entry. */
    paths: z.preprocess(
      (value) => (typeof value === 'string' ? [value] : value),
      z.array(z.string().min(1, 'a path cannot be empty'), {
        error: (issue) => (issue.input === undefined ? 'paths is required: list the files, directories or globs to read' : undefined),
      }).min(1, 'paths needs at least one file, directory or glob'),
    ),
    /** File-name patterns read in directories; a pattern with `/` matches the path below the `paths` entry. */
    include: patterns.min(1, 'include needs at least one pattern').default([...DEFAULT_INCLUDE]),
    /** Patterns skipped in directories and globs; same matching as `include`. */
    exclude: patterns.default([...DEFAULT_EXCLUDE]),
    /** Keep polling for new and appended files until the pipeline stops. */
    follow: z.boolean().default(false),
    /** How often `follow` lists the paths again. */
    pollInterval: durationSchema.prefault('500ms'),
    /** Files up to this size once decompressed are read whole (fastest); larger ones are streamed. */
    maxWholeFileSize: sizeSchema.prefault('32MiB'),
    /** A single record or NDJSON line larger than this is rejected instead of buffered. */
    maxRecordSize: sizeSchema.prefault('16MiB'),
    /** Most events per batch handed to the pipeline. */
    batchSize: z.number().int().min(1).max(1_000_000).default(1000),
    /** Skip records that cannot contain an event source the detectors select, before parsing them. */
    prefilter: z.boolean().default(true),
    /** Decode whole files in this many worker threads (`auto`: one per core, none on a single core); 0 decodes on the main thread. */
    workers: workersSchema,
  })
  .superRefine((config, ctx) => {
    if (config.pollInterval < 10) {
      ctx.addIssue({ code: 'custom', path: ['pollInterval'], message: 'pollInterval must be at least 10ms' });
    }
    if (config.maxRecordSize < 1024) {
      ctx.addIssue({ code: 'custom', path: ['maxRecordSize'], message: 'maxRecordSize must be at least 1KiB: CloudTrail records are often several KiB' });
    }
  });

/** Parsed {@link fileSourceConfigSchema}: durations in milliseconds, sizes in bytes. */
export type FileSourceConfig = z.output<typeof fileSourceConfigSchema>;
