import type { IssueList, RulePath } from '../rules/rule-issue.ts';
import { TIME_PARTS, type TimePart } from './time-part.ts';

/** Where a value must sit in the field's text. */
export type Position = 'contains' | 'startswith' | 'endswith';
/** A numeric comparison. */
export type Comparison = 'gt' | 'gte' | 'lt' | 'lte';

/** The modifiers of one field item (`field|mod1|mod2`), checked for consistency. */
export interface Modifiers {
  readonly position: Position | undefined;
  /** Every value must match (`all`), instead of any. */
  readonly all: boolean;
  readonly cased: boolean;
  readonly exists: boolean;
  /** `re` with its flags, when the values are regular expressions. */
  readonly re: { readonly i: boolean; readonly m: boolean; readonly s: boolean } | undefined;
  readonly cidr: boolean;
  readonly encoding: 'base64' | 'base64offset' | undefined;
  readonly compare: Comparison | undefined;
  readonly fieldref: boolean;
  /** `windash` at match time, on the text as the record holds it (encoded, with an encoding before it). */
  readonly windash: boolean;
  /** `windash` written before an encoding: each dash form of the value is encoded. */
  readonly windashEncoded: boolean;
  /** `neq`: the field has a value, and the item without `neq` does not hold for it. */
  readonly neq: boolean;
  /** A time modifier (`hour`, …): the values are that part of a timestamp in the field. */
  readonly timePart: TimePart | undefined;
}

/** Modifiers jackwatch runs. */
export const SUPPORTED_MODIFIERS = [
  'contains', 'startswith', 'endswith', 'all', 'cased', 'exists', 're', 'i', 'm', 's', 'ignorecase', 'multiline', 'dotall',
  'cidr', 'base64', 'base64offset', 'gt', 'gte', 'lt', 'lte', 'fieldref', 'windash', 'neq', ...TIME_PARTS,
] as const;

/** Modifiers of the Sigma specification that jackwatch does not run: a rule using one is skipped, naming it. */
export const UNSUPPORTED_MODIFIERS: Readonly<Record<string, string>> = {
  expand: 'placeholders need values from your environment, which jackwatch does not define',
  utf16: 'UTF-16 encodings only make sense on binary fields, which CloudTrail records do not carry',
  utf16le: 'UTF-16 encodings only make sense on binary fields, which CloudTrail records do not carry',
  utf16be: 'UTF-16 encodings only make sense on binary fields, which CloudTrail records do not carry',
  wide: 'UTF-16 encodings only make sense on binary fields, which CloudTrail records do not carry',
};

const REGEX_FLAGS: Readonly<Record<string, 'i' | 'm' | 's'>> = { i: 'i', ignorecase: 'i', m: 'm', multiline: 'm', s: 's', dotall: 's' };

/**
 * Reads a modifier chain and checks that it makes sense: known modifiers,
 * each at most once, one value kind (`re`, `cidr`, a comparison, `exists`,
 * `fieldref`, a time part or plain strings), regex flags only with `re`, an encoding
 * before `contains`/`startswith`/`endswith`, `neq` only on an equality; a
 * position after `re` is accepted and changes nothing (`re` searches anywhere). Records every problem in
 * `issues` and returns `undefined` when there is one.
 */
export function parseModifiers(names: readonly string[], path: RulePath, issues: IssueList): Modifiers | undefined {
  const before = issues.count;
  const seen = new Set<string>();
  const flags = { i: false, m: false, s: false };
  let position: Position | undefined;
  let encoding: Modifiers['encoding'];
  let compare: Comparison | undefined;
  const has = (name: string): boolean => seen.has(name);
  for (const raw of names) {
    const name = raw.toLowerCase();
    if (name === '') {
      issues.invalid(path, 'empty modifier (two "|" in a row)');
      continue;
    }
    if (Object.hasOwn(UNSUPPORTED_MODIFIERS, name)) {
      issues.unsupported(path, `unsupported modifier "${raw}": ${UNSUPPORTED_MODIFIERS[name]}`);
      continue;
    }
    if (!(SUPPORTED_MODIFIERS as readonly string[]).includes(name)) {
      issues.invalid(path, `unknown modifier "${raw}"`);
      continue;
    }
    if (seen.has(name)) issues.invalid(path, `modifier "${raw}" is given twice`);
    seen.add(name);
    if (name === 'contains' || name === 'startswith' || name === 'endswith') {
      if (position !== undefined) issues.invalid(path, `"${name}" and "${position}" cannot be combined`);
      position = name;
    } else if (name === 'base64' || name === 'base64offset') {
      if (encoding !== undefined) issues.invalid(path, `"${name}" and "${encoding}" cannot be combined`);
      if (position !== undefined) issues.invalid(path, `"${name}" must come before "${position}": the value is encoded first, then searched for`);
      encoding = name;
    } else if (name === 'gt' || name === 'gte' || name === 'lt' || name === 'lte') {
      if (compare !== undefined) issues.invalid(path, `"${name}" and "${compare}" cannot be combined`);
      compare = name;
    } else if (Object.hasOwn(REGEX_FLAGS, name)) {
      flags[REGEX_FLAGS[name]!] = true;
    }
  }
  const re = has('re');
  const timeParts = [...seen].filter((name): name is TimePart => (TIME_PARTS as readonly string[]).includes(name));
  if (timeParts.length > 1) issues.invalid(path, `"${timeParts.join('" and "')}" cannot be combined: a value is one part of a timestamp`);
  const timePart = timeParts[0];
  const kinds = [re && 're', has('cidr') && 'cidr', compare, has('exists') && 'exists', has('fieldref') && 'fieldref', timePart].filter((k): k is string => typeof k === 'string');
  if (kinds.length > 1) issues.invalid(path, `"${kinds.join('" and "')}" cannot be combined`);
  if ((flags.i || flags.m || flags.s) && !re) issues.invalid(path, 'the regular expression flags i, m and s need the "re" modifier');
  // pySigma lets `contains`/`startswith`/`endswith` follow `re` (it pads the expression with `.*`): on a
  // search anywhere that changes nothing, so the position is dropped. Before `re` it would wildcard the text.
  const at = (name: string): number => names.findIndex((n) => n.toLowerCase() === name);
  const positionAfterRe = re && position !== undefined && at(position) > at('re');
  const transforms = [positionAfterRe ? undefined : position, encoding, has('windash') && 'windash'].filter((k): k is string => typeof k === 'string');
  if (kinds.length === 1 && kinds[0] !== 'fieldref' && transforms.length > 0) {
    issues.invalid(path, `"${kinds[0]}" cannot be combined with "${transforms.join('", "')}"`);
  }
  if (has('fieldref') && (encoding !== undefined || has('windash'))) issues.invalid(path, `"fieldref" cannot be combined with "${encoding ?? 'windash'}"`);
  if (has('exists') && (has('all') || has('cased'))) issues.invalid(path, '"exists" takes no other modifier');
  if (timePart !== undefined && has('cased')) issues.invalid(path, `"${timePart}" compares a number with a part of a timestamp: it takes no "cased"`);
  if (has('neq') && kinds.length === 1 && kinds[0] !== 'fieldref') issues.invalid(path, `"neq" cannot be combined with "${kinds[0]}": it negates an equality (of a string, a number or a field reference)`);
  const windashEncoded = has('windash') && encoding !== undefined && at('windash') < at(encoding);
  if (issues.count > before) return undefined;
  return {
    position: positionAfterRe ? undefined : position,
    all: has('all'),
    cased: has('cased'),
    exists: has('exists'),
    re: re ? flags : undefined,
    cidr: has('cidr'),
    encoding,
    compare,
    fieldref: has('fieldref'),
    windash: has('windash') && !windashEncoded,
    windashEncoded,
    neq: has('neq'),
    timePart,
  };
}
