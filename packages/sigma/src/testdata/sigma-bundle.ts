import type { Detector, DetectorBundle } from '@jackwatch/core';
import { testContext } from '@jackwatch/core/testing';
import { createSigmaBundle } from '../detector/factory.ts';
import { sigmaConfigSchema } from '../detector/config.ts';
import { ruleFolder } from './rule-files.ts';

/**
 * The `sigma` detector over rule files given as text (written to a
 * temporary folder, removed once loaded), as the factory builds it.
 */
export function sigmaBundle(files: Readonly<Record<string, string>>, options: Record<string, unknown> = {}): DetectorBundle {
  const folder = ruleFolder(files);
  try {
    return createSigmaBundle(sigmaConfigSchema.parse({ rules: ['.'], ...options }), testContext('sigma', { baseDir: folder.dir }));
  } finally {
    folder.remove();
  }
}

/** One member of {@link sigmaBundle}, by the id its findings carry. */
export function sigmaMember(files: Readonly<Record<string, string>>, id: string): Detector {
  const bundle = sigmaBundle(files);
  const member = bundle.members.find((m) => m.id === id);
  if (member === undefined) throw new Error(`no member "${id}"; members: ${bundle.members.map((m) => m.id).join(', ')}`);
  return member.detector;
}

/** A CloudTrail base rule named `name` that matches `eventName` of `source` (and more, with `extra` detection lines). */
export function baseRule(name: string, eventName: string, source = 'bedrock.amazonaws.com', extra = ''): string {
  return [
    `title: base ${name}`,
    `name: ${name}`,
    'logsource: { product: aws, service: cloudtrail }',
    'detection:',
    '    selection:',
    `        eventSource: ${source}`,
    `        eventName: ${eventName}`,
    extra,
    '    condition: selection',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** A correlation rule named `name` over `rules`, with the `correlation` section's other lines given as YAML. */
export function correlationRule(name: string, type: string, rules: readonly string[], body: string, extra = ''): string {
  return [`title: correlation ${name}`, `name: ${name}`, 'level: high', 'correlation:', `    type: ${type}`, `    rules: [${rules.join(', ')}]`, body, extra].filter((line) => line !== '').join('\n');
}
