import { describe, expect, it } from 'vitest';
import { detection, detectionIssues } from '../testdata/compile-rule.ts';

const SELECTIONS = `
a: { f: a }
b: { f: b }
c: { g: c }
_hidden: { h: h }
`;
const when = (condition: string): ((record: unknown) => boolean) => detection(`${SELECTIONS}condition: ${JSON.stringify(condition)}`).matches;
const records = { a: { f: 'a' }, b: { f: 'b' }, ac: { f: 'a', g: 'c' }, c: { g: 'c' }, h: { h: 'h' }, none: {} };

// Conformance of every condition form: operators, precedence, quantifiers,
// parentheses, lists, and what "not" does with missing fields.
describe('conditions', () => {
  it('and, or, not', () => {
    expect(when('a and c')(records.ac)).toBe(true);
    expect(when('a and c')(records.a)).toBe(false);
    expect(when('a or b')(records.b)).toBe(true);
    expect(when('a or b')(records.c)).toBe(false);
    expect(when('not a')(records.b)).toBe(true);
    expect(when('not a')(records.a)).toBe(false);
    expect(when('not not a')(records.a)).toBe(true);
  });

  it('binds not tighter than and, and tighter than or', () => {
    // a or (b and c); a and (not b)
    expect(when('a or b and c')(records.a)).toBe(true);
    expect(when('b and c or a')(records.a)).toBe(true);
    expect(when('a and not b or c')(records.c)).toBe(true);
    expect(when('not a and c')(records.ac)).toBe(false);
    expect(when('not a and c')(records.c)).toBe(true);
  });

  it('groups with parentheses', () => {
    expect(when('(a or b) and c')(records.a)).toBe(false);
    expect(when('(a or b) and c')(records.ac)).toBe(true);
    expect(when('not (a or b)')(records.c)).toBe(true);
    expect(when('((a))')(records.a)).toBe(true);
  });

  it('1 of / any of / all of a pattern, and of them (leaving out _ names)', () => {
    expect(when('1 of a*')(records.a)).toBe(true);
    expect(when('any of a*')(records.a)).toBe(true);
    expect(when('all of them')(records.ac)).toBe(false);
    expect(when('1 of them')(records.c)).toBe(true);
    expect(when('1 of them')(records.h)).toBe(false);
    expect(when('1 of _*')(records.h)).toBe(true);
    expect(when('all of *')({ f: 'a', g: 'c', h: 'h' })).toBe(false);
    expect(detection('sel_1: { f: a }\nsel_2: { g: c }\nfilter: { h: h }\ncondition: all of sel_*').matches(records.ac)).toBe(true);
    expect(detection('sel_1: { f: a }\nsel_2: { g: c }\nfilter: { h: h }\ncondition: all of sel_* and not 1 of filter*').matches({ ...records.ac, h: 'h' })).toBe(false);
  });

  it('spec "1/all of search-identifier-pattern" is "the same as 1/all of them, restricted to matching identifiers": a pattern leaves out _ names too', () => {
    // `*` matches `_hidden`, but a pattern, like `them`, leaves it out: all of a, b, c is false for { f: a, g: c }.
    expect(when('1 of *')(records.h)).toBe(false);
    expect(when('1 of *')(records.c)).toBe(true);
    expect(when('all of *')({ f: 'a', g: 'c' })).toBe(false);
    expect(detection('sel_1: { f: a }\n_sel_2: { g: c }\ncondition: all of *sel*').matches({ f: 'a' })).toBe(true);
    expect(detection('sel: { f: a }\n_filter: { g: c }\ncondition: sel and not 1 of *filter').matches({ f: 'a', g: 'c' })).toBe(true);
    // A pattern that matches only `_` names chooses none: it holds for no record, `all of` included (as pySigma reads it).
    expect(detection('sel: { f: a }\n_filter: { g: c }\ncondition: sel and all of *filter').matches({ f: 'a', g: 'c' })).toBe(false);
    // A pattern that matches no name at all is still a mistake.
    expect(detectionIssues('sel: { f: a }\ncondition: sel and not 1 of filter*').map((i) => i.message)).toEqual(['condition "sel and not 1 of filter*": "filter*" at character 18 ("filter*") matches no search identifier']);
    // A pattern that itself starts with `_` asks for those names.
    expect(when('1 of _*')(records.h)).toBe(true);
    expect(detection('sel: { f: a }\n_filter: { g: c }\ncondition: sel and not 1 of _filter*').matches({ f: 'a', g: 'c' })).toBe(false);
  });

  it('reads keywords in any case, identifiers in theirs', () => {
    expect(when('a AND NOT b')(records.a)).toBe(true);
    expect(() => when('A')).toThrow('unknown search identifier "A"');
    expect(when('1 OF them')(records.a)).toBe(true);
  });

  it('takes a list of conditions as any of them', () => {
    expect(detection(`${SELECTIONS}condition: [a, c]`).matches(records.c)).toBe(true);
    expect(detection(`${SELECTIONS}condition: [a, c]`).matches(records.b)).toBe(false);
  });

  it('makes "not" true for a record that lacks the selection\'s fields', () => {
    const rule = detection('selection: { eventName: ListBuckets }\nfilter: { userIdentity.type: AssumedRole }\ncondition: selection and not filter');
    expect(rule.matches({ eventName: 'ListBuckets' })).toBe(true);
    expect(rule.matches({ eventName: 'ListBuckets', userIdentity: {} })).toBe(true);
    expect(rule.matches({ eventName: 'ListBuckets', userIdentity: { type: 'AssumedRole' } })).toBe(false);
    expect(detection('filter: { errorCode|contains: "*" }\ncondition: not filter').matches({})).toBe(true);
  });

  it('combines a selection map with and, a list of maps with or', () => {
    const map = detection('s: { eventName: A, errorCode: X }\ncondition: s');
    expect(map.matches({ eventName: 'A', errorCode: 'X' })).toBe(true);
    expect(map.matches({ eventName: 'A' })).toBe(false);
    const list = detection('s: [{ eventName: A }, { errorCode: X }]\ncondition: s');
    expect(list.matches({ errorCode: 'X' })).toBe(true);
    expect(list.matches({ eventName: 'B' })).toBe(false);
  });

  it('reports every problem, with where it is', () => {
    const messages = (yaml: string): string[] => detectionIssues(yaml).map((i) => `${i.kind} ${i.path.join('.')}: ${i.message}`);
    expect(messages('a: { f: a }\ncondition: a and b')).toEqual(['invalid detection.condition: condition "a and b": unknown search identifier "b" at character 7 ("b"); the rule defines "a"']);
    expect(messages('a: { f: a }\ncondition: a and')).toEqual(['invalid detection.condition: condition "a and": the condition ends where a search identifier, "(" or "not" was expected']);
    expect(messages('a: { f: a }\ncondition: (a')).toEqual(['invalid detection.condition: condition "(a": missing ")" at the end to close the "(" at character 1']);
    expect(messages('a: { f: a }\ncondition: a b')).toEqual(['invalid detection.condition: condition "a b": unexpected "b" at character 3 ("b"); expected "and", "or" or the end']);
    expect(messages('a: { f: a }\ncondition: 1 of x*')).toEqual(['invalid detection.condition: condition "1 of x*": "x*" at character 6 ("x*") matches no search identifier']);
    expect(messages('a: { f: a }\ncondition: 2 of a*')).toEqual(['invalid detection.condition: condition "2 of a*": "2 of" at character 1 ("2"): only "1 of", "any of" and "all of" are defined']);
    expect(messages('a: { f: a }\ncondition: a*')[0]).toContain('is a pattern: write "1 of a*" or "all of a*"');
    expect(messages('a: { f: a }\ncondition: a | count() > 5')).toEqual(['unsupported detection.condition: condition "a | count() > 5": "|" at character 3 starts a Sigma v1 aggregation (count, near); write a correlation rule instead']);
    expect(messages('a: { f: a }')).toEqual(['invalid detection.condition: detection has no condition']);
    expect(messages('a: { f: a }\ntimeframe: 5m\ncondition: a')).toEqual(['unsupported detection.timeframe: "timeframe" is Sigma v1 aggregation syntax; write a correlation rule with a timespan instead']);
    expect(messages('a: {}\ncondition: a')).toEqual(['invalid detection.a: the selection is empty']);
    expect(messages('a: []\ncondition: a')).toEqual(['invalid detection.a: the search identifier is an empty list']);
  });
});

describe('keywords', () => {
  const record = { eventName: 'PutUserPolicy', requestParameters: { policyDocument: '{"Action":"s3:GetObject"}', tags: ['Team-Red'] }, count: 42 };

  it('search every string value of the record, nested ones too, for text that contains the keyword', () => {
    expect(detection('keywords: [s3:getobject]\ncondition: keywords').matches(record)).toBe(true);
    expect(detection('keywords: [team-red]\ncondition: keywords').matches(record)).toBe(true);
    expect(detection('keywords: [nowhere, putuser]\ncondition: keywords').matches(record)).toBe(true);
    expect(detection('keywords: [nowhere]\ncondition: keywords').matches(record)).toBe(false);
    // Keys are not searched.
    expect(detection('keywords: [policyDocument]\ncondition: keywords').matches(record)).toBe(false);
  });

  it('spec "keywords search across an entire event": numbers and booleans are searched as JSON writes them', () => {
    expect(detection('keywords: ["42"]\ncondition: keywords').matches(record)).toBe(true);
    expect(detection('keywords: [4]\ncondition: keywords').matches(record)).toBe(true);
    expect(detection('keywords: ["43"]\ncondition: keywords').matches(record)).toBe(false);
    expect(detection('keywords: ["true"]\ncondition: keywords').matches({ a: { b: [true] } })).toBe(true);
    expect(detection("keywords: { '|re': ['^4\\d$'] }\ncondition: keywords").matches(record)).toBe(true);
    expect(detection("keywords: { '|all': [putuser, '42'] }\ncondition: keywords").matches(record)).toBe(true);
    expect(detection('keywords: ["null"]\ncondition: keywords').matches({ a: null })).toBe(false);
  });

  it('keep their own wildcards, and take |all, |cased and |re', () => {
    expect(detection('keywords: ["Put*Policy"]\ncondition: keywords').matches(record)).toBe(true);
    expect(detection("keywords: { '|all': [putuser, s3:get] }\ncondition: keywords").matches(record)).toBe(true);
    expect(detection("keywords: { '|all': [putuser, nowhere] }\ncondition: keywords").matches(record)).toBe(false);
    expect(detection("keywords: { '|cased': [putuser] }\ncondition: keywords").matches(record)).toBe(false);
    expect(detection("keywords: { '|re': ['Team-[A-Z]'] }\ncondition: keywords").matches(record)).toBe(true);
  });

  it('combine with field selections', () => {
    const rule = detection('selection: { eventName: PutUserPolicy }\nkeywords: [GetObject]\ncondition: selection and keywords');
    expect(rule.matches(record)).toBe(true);
    expect(rule.matches({ ...record, eventName: 'PutRolePolicy' })).toBe(false);
  });
});
