/**
 * A seeded generator of malformed IPC payloads: wrong types, missing and extra fields, huge
 * strings, deep and cyclic structures, prototype keys, lone surrogates and odd numbers. The same
 * seed gives the same payloads, so a failure can be replayed.
 */

/** A deterministic source of randomness (mulberry32). */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.below(items.length)];
    if (item === undefined) throw new Error('pick() from an empty list');
    return item;
  }
}

const MIB = 1024 * 1024;
// Built once: the payloads share them, so a few thousand calls do not allocate gigabytes.
const HUGE_STRINGS = [
  'a'.repeat(MIB),
  `${' '.repeat(MIB)}organization-test-1${' '.repeat(MIB)}`,
  'é'.repeat(5 * MIB),
  '.'.repeat(10 * MIB),
];

function nested(depth: number, leaf: unknown, asArray: boolean): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level += 1) value = asArray ? [value] : { a: value };
  return value;
}

function cyclicObject(): unknown {
  const value: Record<string, unknown> = { organizationId: 'organization-test-1' };
  value['self'] = value;
  value['wizard'] = value;
  return value;
}

function cyclicArray(): unknown {
  const value: unknown[] = ['organization-test-1'];
  value.push(value);
  return value;
}

/** An object with an own property named `__proto__`, as JSON.parse or structured clone makes it. */
function withOwnProtoKey(inner: unknown): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  Object.defineProperty(value, '__proto__', {
    value: inner,
    enumerable: true,
    configurable: true,
    writable: true,
  });
  return value;
}

const POLLUTION = { polluted: 'yes', isAdmin: true };

/** Makers of odd values; each call builds a fresh one (cycles and prototypes must not be shared). */
const ODD_VALUES: ReadonlyArray<() => unknown> = [
  () => null,
  () => undefined,
  () => true,
  () => false,
  () => 0,
  () => -0,
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => Number.NEGATIVE_INFINITY,
  () => 1e308,
  () => -1e308,
  () => Number.MIN_VALUE,
  () => 2 ** 53 + 1,
  () => 1.5,
  () => -1,
  () => BigInt(1),
  () => '',
  () => ' ',
  () => '\uD800',
  () => '\uDFFF',
  () => 'organization-test-\uD800',
  () => '\u0000',
  () => '.',
  () => '..',
  () => '../../v1/b2b',
  () => '%2e%2e',
  () => 'https://stytch.com\\@evil.example/',
  () => 'https:\\\\stytch.com',
  () => 'file:///etc/passwd',
  () => 'javascript:alert(1)',
  () => '__proto__',
  () => 'constructor',
  () => 'connect-stytch',
  () => 'scim-token',
  () => 'text',
  () => 'secret',
  ...HUGE_STRINGS.map((huge) => () => huge),
  () => [],
  () => [1, 2, 3],
  () => ['connect-stytch', 'connect-stytch'],
  () => Array.from({ length: 10_000 }, () => 'webhooks'),
  () => ({}),
  () => ({ ...POLLUTION }),
  () => nested(5_000, 'x', false),
  () => nested(5_000, 'x', true),
  cyclicObject,
  cyclicArray,
  () => withOwnProtoKey({ ...POLLUTION }),
  () => JSON.parse('{"__proto__": {"polluted": "yes"}, "a": 1}') as unknown,
  () => ({ constructor: { prototype: { ...POLLUTION } } }),
  () => ({ prototype: { ...POLLUTION } }),
  () => Object.assign(Object.create(null) as object, { organizationId: 'organization-test-1' }),
  () => Object.fromEntries(Array.from({ length: 50_000 }, (_, n) => [`webhooks.k${n}`, true])),
  () => Object.fromEntries(Array.from({ length: 200 }, (_, n) => [`k${n}`, 'not a boolean'])),
  () => ({ [HUGE_STRINGS[0] ?? 'x']: true }),
  () => new Date(0),
  () => new Map([['organizationId', 'organization-test-1']]),
  () => new Set(['connect-stytch']),
  () => /organization-test-.*/,
  () => new Uint8Array(16),
  () => new Error('not a request'),
];

/** Keys an attacker would add to an object. */
const EXTRA_KEYS = ['extra', '__proto__', 'constructor', 'prototype', '\uD800', 'a'.repeat(MIB)];

/** A fresh odd value. */
export function oddValue(random: Random): unknown {
  return random.pick(ODD_VALUES)();
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    configurable: true,
    writable: true,
  });
}

/** A copy of `value` with one thing wrong: a field replaced, removed or added, at any depth. */
function mutateOnce(value: unknown, random: Random): unknown {
  if (!isPlainRecord(value)) return oddValue(random);
  const keys = Object.keys(value);
  const key = keys.length > 0 ? random.pick(keys) : undefined;
  const move = random.below(4);
  // fromEntries and spread define own properties, so a `__proto__` key stays a plain key.
  if (key !== undefined && move === 1)
    return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key));
  const copy: Record<string, unknown> = { ...value };
  if (key !== undefined && move === 0) setOwn(copy, key, oddValue(random));
  else if (key !== undefined && move === 2) setOwn(copy, key, mutateOnce(copy[key], random));
  else setOwn(copy, random.pick(EXTRA_KEYS), oddValue(random));
  return copy;
}

/** A malformed variant of a valid request (or, now and then, the valid request itself). */
export function malformed(template: unknown, random: Random): unknown {
  switch (random.below(10)) {
    case 0:
      return oddValue(random);
    case 1:
      return [template];
    case 2:
      return mutateOnce(mutateOnce(mutateOnce(template, random), random), random);
    case 3:
      return random.below(4) === 0 ? structuredClone(template) : mutateOnce(template, random);
    default:
      return mutateOnce(template, random);
  }
}
