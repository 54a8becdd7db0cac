import {
  compileEventPattern,
  EventPatternError,
  matchesEventPattern,
  parseEventPattern,
} from '../helpers/events/event-pattern';

const event = {
  source: 'aws.ecs',
  'detail-type': 'ECS Container Instance State Change',
  region: 'us-east-1',
  resources: ['arn:aws:ecs:us-east-1:123456789012:container-instance/web/abc'],
  detail: {
    clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/web',
    status: 'ACTIVE',
    agentConnected: true,
    version: 7,
    runningTasksCount: 3,
    note: null,
    attributes: [
      { name: 'ecs.cpu-architecture', value: 'arm64' },
      { name: 'ecs.os-type', value: 'linux' },
    ],
    tags: ['blue', 'canary'],
    empty: [],
  },
};

const matches = (pattern: unknown, e: unknown = event) => matchesEventPattern(pattern, e);

describe('event pattern: literals, nesting and arrays', () => {
  it('matches exact values, a list of values being OR', () => {
    expect(matches({ source: ['aws.ecs'] })).toBe(true);
    expect(matches({ source: ['aws.ec2', 'aws.ecs'] })).toBe(true);
    expect(matches({ source: ['aws.ec2'] })).toBe(false);
    expect(matches({ source: ['AWS.ECS'] })).toBe(false);
  });

  it('requires every field (AND) and matches nested objects', () => {
    expect(matches({ source: ['aws.ecs'], detail: { status: ['ACTIVE'], agentConnected: [true] } })).toBe(true);
    expect(matches({ source: ['aws.ecs'], detail: { status: ['DRAINING'] } })).toBe(false);
    expect(matches({ detail: { missing: ['x'] } })).toBe(false);
    expect(matches({ source: { nested: ['x'] } })).toBe(false);
  });

  it('compares types exactly: numbers, booleans and null are not strings', () => {
    expect(matches({ detail: { version: [7] } })).toBe(true);
    expect(matches({ detail: { version: ['7'] } })).toBe(false);
    expect(matches({ detail: { agentConnected: ['true'] } })).toBe(false);
    expect(matches({ detail: { note: [null] } })).toBe(true);
    expect(matches({ detail: { missing: [null] } })).toBe(false);
  });

  it('matches an array in the event when any element matches, including arrays of objects', () => {
    expect(matches({ resources: ['arn:aws:ecs:us-east-1:123456789012:container-instance/web/abc'] })).toBe(true);
    expect(matches({ detail: { tags: ['canary'] } })).toBe(true);
    expect(matches({ detail: { tags: ['green'] } })).toBe(false);
    expect(matches({ detail: { attributes: { value: ['arm64'] } } })).toBe(true);
    expect(matches({ detail: { attributes: { value: ['x86_64'] } } })).toBe(false);
    expect(matches({ a: ['x'] }, { a: [['y'], ['x']] })).toBe(true);
  });

  it('does not treat an object in the event as a value', () => {
    expect(matches({ detail: ['x'] })).toBe(false);
    expect(matches({ detail: [{ exists: true }] })).toBe(false);
  });

  it('does not match a non-object event', () => {
    expect(matches({ source: ['aws.ecs'] }, 'aws.ecs')).toBe(false);
    expect(matches({ source: ['aws.ecs'] }, null)).toBe(false);
  });
});

describe('event pattern: content filters', () => {
  it('prefix and suffix, case-sensitive or with equals-ignore-case', () => {
    expect(matches({ region: [{ prefix: 'us-' }] })).toBe(true);
    expect(matches({ region: [{ prefix: 'eu-' }] })).toBe(false);
    expect(matches({ region: [{ prefix: { 'equals-ignore-case': 'US-' } }] })).toBe(true);
    expect(matches({ detail: { clusterArn: [{ suffix: 'cluster/web' }] } })).toBe(true);
    expect(matches({ detail: { clusterArn: [{ suffix: 'cluster/WEB' }] } })).toBe(false);
    expect(matches({ detail: { clusterArn: [{ suffix: { 'equals-ignore-case': 'cluster/WEB' } }] } })).toBe(true);
    expect(matches({ detail: { version: [{ prefix: '7' }] } })).toBe(false);
  });

  it('equals-ignore-case', () => {
    expect(matches({ detail: { status: [{ 'equals-ignore-case': 'active' }] } })).toBe(true);
    expect(matches({ detail: { status: [{ 'equals-ignore-case': 'draining' }] } })).toBe(false);
    expect(matches({ detail: { version: [{ 'equals-ignore-case': '7' }] } })).toBe(false);
  });

  it('wildcard, with escaped stars and backslashes', () => {
    expect(matches({ detail: { clusterArn: [{ wildcard: 'arn:aws:ecs:*:cluster/web' }] } })).toBe(true);
    expect(matches({ detail: { clusterArn: [{ wildcard: 'arn:aws:ecs:*:cluster/api' }] } })).toBe(false);
    expect(matches({ a: [{ wildcard: 'a\\*b' }] }, { a: 'a*b' })).toBe(true);
    expect(matches({ a: [{ wildcard: 'a\\*b' }] }, { a: 'axxb' })).toBe(false);
    expect(matches({ a: [{ wildcard: 'a\\\\b' }] }, { a: 'a\\b' })).toBe(true);
    expect(matches({ a: [{ wildcard: 'a.b(c)' }] }, { a: 'axb(c)' })).toBe(false);
    expect(matches({ a: [{ wildcard: '*' }] }, { a: 'multi\nline' })).toBe(true);
    expect(matches({ a: [{ wildcard: '*' }] }, { a: 1 })).toBe(false);
  });

  it('exists true and false, on leaves only', () => {
    expect(matches({ detail: { status: [{ exists: true }] } })).toBe(true);
    expect(matches({ detail: { missing: [{ exists: true }] } })).toBe(false);
    expect(matches({ detail: { missing: [{ exists: false }] } })).toBe(true);
    expect(matches({ detail: { status: [{ exists: false }] } })).toBe(false);
    expect(matches({ detail: { note: [{ exists: true }] } })).toBe(true);
    expect(matches({ detail: { empty: [{ exists: false }] } })).toBe(true);
    expect(matches({ detail: { attributes: [{ exists: false }] } })).toBe(true);
  });

  it('numeric ranges, on numbers only', () => {
    expect(matches({ detail: { runningTasksCount: [{ numeric: ['>', 0, '<=', 3] }] } })).toBe(true);
    expect(matches({ detail: { runningTasksCount: [{ numeric: ['<', 3] }] } })).toBe(false);
    expect(matches({ detail: { runningTasksCount: [{ numeric: ['=', 3] }] } })).toBe(true);
    expect(matches({ detail: { runningTasksCount: [{ numeric: ['>=', 3.5] }] } })).toBe(false);
    expect(matches({ detail: { status: [{ numeric: ['>', 0] }] } })).toBe(false);
  });

  it('anything-but with literals, lists and filters; never on a missing field', () => {
    expect(matches({ detail: { status: [{ 'anything-but': 'DRAINING' }] } })).toBe(true);
    expect(matches({ detail: { status: [{ 'anything-but': ['ACTIVE', 'DRAINING'] }] } })).toBe(false);
    expect(matches({ detail: { version: [{ 'anything-but': [1, 2] }] } })).toBe(true);
    expect(matches({ detail: { version: [{ 'anything-but': 7 }] } })).toBe(false);
    expect(matches({ detail: { missing: [{ 'anything-but': 'x' }] } })).toBe(false);
    expect(matches({ region: [{ 'anything-but': { prefix: 'us-' } }] })).toBe(false);
    expect(matches({ region: [{ 'anything-but': { prefix: 'eu-' } }] })).toBe(true);
    expect(matches({ region: [{ 'anything-but': { suffix: '-1' } }] })).toBe(false);
    expect(matches({ region: [{ 'anything-but': { suffix: '-2' } }] })).toBe(true);
    expect(matches({ detail: { status: [{ 'anything-but': { 'equals-ignore-case': ['active', 'x'] } }] } })).toBe(
      false,
    );
    expect(matches({ detail: { status: [{ 'anything-but': { 'equals-ignore-case': 'draining' } }] } })).toBe(true);
    expect(matches({ region: [{ 'anything-but': { wildcard: 'us-*' } }] })).toBe(false);
    expect(matches({ region: [{ 'anything-but': { wildcard: 'eu-*' } }] })).toBe(true);
    expect(matches({ detail: { tags: [{ 'anything-but': 'blue' }] } })).toBe(true);
  });

  it('ORs the elements of a leaf, mixing literals and filters', () => {
    expect(matches({ detail: { status: ['DRAINING', { prefix: 'ACT' }] } })).toBe(true);
    expect(matches({ detail: { missing: ['x', { exists: false }] } })).toBe(true);
  });
});

describe('event pattern: $or', () => {
  it('matches when any alternative matches, ANDed with sibling fields', () => {
    const pattern = {
      source: ['aws.ecs'],
      $or: [{ detail: { status: ['DRAINING'] } }, { detail: { version: [{ numeric: ['>', 5] }] } }],
    };
    expect(matches(pattern)).toBe(true);
    expect(matches({ ...pattern, source: ['aws.ec2'] })).toBe(false);
    expect(matches({ $or: [{ region: ['eu-west-1'] }, { detail: { status: ['DRAINING'] } }] })).toBe(false);
  });

  it('works nested inside an object', () => {
    expect(matches({ detail: { $or: [{ status: ['DRAINING'] }, { agentConnected: [true] }] } })).toBe(true);
  });
});

describe('event pattern: validation', () => {
  const invalid: [string, unknown, RegExp][] = [
    ['a non-object pattern', ['aws.ecs'], /a pattern is a JSON object/],
    ['an empty pattern', {}, /at least one field/],
    ['a scalar leaf', { source: 'aws.ecs' }, /non-empty array/],
    ['an empty leaf', { source: [] }, /non-empty array/],
    ['an empty nested object', { detail: {} }, /nested pattern needs at least one field/],
    ['a nested array element', { source: [['x']] }, /strings, numbers, booleans, null or filter/],
    ['an empty filter', { a: [{}] }, /exactly one key, got none/],
    ['a filter with two keys', { a: [{ prefix: 'x', suffix: 'y' }] }, /exactly one key/],
    ['an unknown filter', { a: [{ cidr: '10.0.0.0/8' }] }, /unsupported filter 'cidr'/],
    ['a bad prefix', { a: [{ prefix: 1 }] }, /prefix takes a string/],
    ['a bad ignore-case prefix', { a: [{ prefix: { 'equals-ignore-case': 1 } }] }, /prefix takes a string/],
    ['a bad equals-ignore-case', { a: [{ 'equals-ignore-case': 1 }] }, /equals-ignore-case takes a string/],
    ['a bad exists', { a: [{ exists: 'yes' }] }, /exists takes true or false/],
    ['an odd numeric list', { a: [{ numeric: ['>'] }] }, /operator\/number pairs/],
    ['a numeric non-array', { a: [{ numeric: 5 }] }, /operator\/number pairs/],
    ['an unknown numeric operator', { a: [{ numeric: ['!=', 1] }] }, /not an operator/],
    ['a numeric string bound', { a: [{ numeric: ['>', '1'] }] }, /not an operator/],
    ['consecutive wildcard stars', { a: [{ wildcard: 'a**' }] }, /consecutive/],
    ['a dangling backslash', { a: [{ wildcard: 'a\\b' }] }, /backslash must escape/],
    ['an empty anything-but list', { a: [{ 'anything-but': [] }] }, /non-empty list/],
    ['an anything-but boolean', { a: [{ 'anything-but': true }] }, /anything-but takes/],
    ['an anything-but unknown filter', { a: [{ 'anything-but': { exists: true } }] }, /anything-but takes/],
    [
      'an anything-but numeric prefix',
      { a: [{ 'anything-but': { prefix: 1 } }] },
      /anything-but prefix takes a string/,
    ],
    [
      'an anything-but numeric suffix',
      { a: [{ 'anything-but': { suffix: 1 } }] },
      /anything-but suffix takes a string/,
    ],
    [
      'an anything-but bad ignore-case',
      { a: [{ 'anything-but': { 'equals-ignore-case': [1] } }] },
      /equals-ignore-case takes/,
    ],
    [
      'an anything-but bad wildcard',
      { a: [{ 'anything-but': { wildcard: 1 } }] },
      /anything-but wildcard takes a string/,
    ],
    ['a single-branch $or', { $or: [{ a: ['x'] }] }, /at least two/],
    ['a $or with an empty branch', { $or: [{ a: ['x'] }, {}] }, /at least two non-empty/],
  ];

  it.each(invalid)('rejects %s, naming where', (_what, pattern, message) => {
    expect(() => compileEventPattern(pattern)).toThrow(EventPatternError);
    expect(() => compileEventPattern(pattern)).toThrow(message);
  });

  it('names the path of the problem', () => {
    expect(() => compileEventPattern({ detail: { status: [{ exists: 1 }] } })).toThrow(
      'event pattern detail.status: exists takes true or false',
    );
  });

  it('parses JSON text and rejects text that is not JSON', () => {
    expect(parseEventPattern('{"source":["aws.ecs"]}')(event)).toBe(true);
    expect(() => parseEventPattern('{source:')).toThrow(/not JSON/);
  });
});
