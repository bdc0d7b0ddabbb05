/** Hostile input for the fuzz tests (fast-check arbitraries and a fixed list of known troublemakers). */
import fc from 'fast-check';

/** Strings that have broken real systems: NUL, lone surrogates, RTL overrides, injections, prototype keys. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202eevil',
  '\ufeff',
  '\r\n',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "javascript:alert('x')",
  "' OR '1'='1",
  "'; DROP TABLE assessments; --",
  'Robert"); DELETE FROM users; --',
  '${7*7}{{7*7}}',
  '=HYPERLINK("http://evil.example","x")',
  '__proto__',
  'constructor',
  'prototype',
  '../../../etc/passwd',
  '%00',
  '%ZZ',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '9007199254740993',
  'Đã triển khai'.normalize('NFD'),
  'Ba Đình'.normalize('NFC'),
  '👩🏽‍💻🇻🇳',
  'ế'.repeat(3000),
  'x'.repeat(70_000),
];

export const nastyString = fc.constantFrom(...NASTY_STRINGS);

/** Any string: the known troublemakers, full Unicode (control characters, astral planes), ASCII. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

/** A value of the wrong type, or of the right type with a hostile content. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.constantFrom(-1, 0, 4, 1.5, -0, 2 ** 31, 2 ** 53 + 2, 1e308),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);

/** Percent-encoded path segments, some of them malformed on purpose. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  hostileString.map((s) => encodeURIComponent(s.slice(0, 300))),
  fc.constantFrom('%ZZ', '%', '%E0%A4%A', '..', '%2e%2e', '%00', 'a%00b', '%2F', '%2F..%2F', '%C0%AE', '%FF%FE'),
);

export const CONTENT_TYPES: readonly (string | undefined)[] = [
  'application/json',
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/vnd.api+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  undefined,
];
