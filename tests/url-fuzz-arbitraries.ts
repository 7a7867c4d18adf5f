/**
 * fast-check generators of links for the URL fuzzing (unit and browser tests): hostile, random and
 * malformed query strings and fragments, and links known to be valid or known to hold something
 * invalid (so a test knows whether a notice is due).
 */
import fc from 'fast-check';
import { PROCEDURES, allParams, procedureById } from '../src/procedures/registry';
import { comparableWith } from '../src/state/compare';
import { MAX_KEYS } from '../src/state/url-codec';
import { URL_PARAMS, paramTable, type ParamSpec, type ParamTable } from '../src/state/url-params';

/** Carried by every markup payload: the page may show it only as text in a notice, never as markup. */
export const MARK = 'xssq7';

/** Every key a link may carry with some procedure: the base ones, the step and each procedure's own. */
export const KNOWN_KEYS: readonly string[] = [
  ...new Set([
    ...Object.keys(URL_PARAMS),
    'step',
    ...PROCEDURES.flatMap((p) => allParams(p).map((d) => d.id)),
  ]),
];

/** Keys an object lookup may trip over. */
export const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'isPrototypeOf',
  '',
] as const;

/** Markup and script payloads; most carry MARK early enough to survive a notice's shortening. */
export const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  `<script id=${MARK}>alert(1)</script>`,
  `"><img id=${MARK} src=x onerror=alert(1)>`,
  `'><svg id=${MARK} onload=alert(1)>`,
  `<iframe id=${MARK} src="javascript:alert(1)">`,
  `</li><b id=${MARK}>x</b>`,
  `<a href="javascript:${MARK}">x</a>`,
  `javascript:${MARK}//`,
  `{{${MARK}}}`,
  `$t(${MARK})`,
  `&lt;${MARK}&gt;`,
  `%3Cimg%20id%3D${MARK}%3E`,
  `<${MARK} ${MARK}=1>`,
] as const;

/** Numbers no link should be read as they are. */
export const BAD_NUMBERS = [
  '1e308',
  '-1e308',
  '1e309',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x1F',
  '0b101',
  '0o17',
  '1_000',
  '1.5.5',
  '١٢',
  '１２',
  '12px',
  'null',
  '[]',
  '9'.repeat(400),
] as const;

/** Numbers that are odd but may be read (the codec rounds or clamps them). */
const ODD_NUMBERS = ['-0', '0', '1e-300', '5e-324', '9007199254740993', '1,5', '+3', '.5', '5.', ' 7 ', ''];

/** Unicode that renders oddly: bidi overrides, zero-width and joiners, emoji, lone surrogates. */
export const ODD_UNICODE = [
  '\u202Eevil',
  'a\u200Bb',
  '\u200D',
  '\uFEFF',
  '\u2066x\u2069',
  '👨‍👩‍👧',
  '🦴'.repeat(30),
  '\uD800',
  '\uDFFF',
  'x\uD83D',
  'ｐ',
  'İ',
  'ß',
  'مرحبا',
  'שלום',
  '\u0000',
  '\n\r\t',
  'e\u0301',
] as const;

/** Percent-encoding that decodes to nothing sensible. */
export const PERCENT_GARBAGE = [
  '%E0%A4%A',
  '%',
  '%%',
  '%zz',
  '%C0%80',
  '%ED%A0%80',
  '%FF%FE',
  '%00',
  '%u0041',
  '%2',
  '%252F',
  '%E2%80%AE',
  '%23',
  '%26',
  '%3D',
] as const;

/** Every word a choice or list parameter takes, for values that are nearly right. */
const WORDS = [
  ...new Set([
    ...Object.values(URL_PARAMS).flatMap((s: ParamSpec) => (s.kind === 'number' ? [] : s.values)),
    ...PROCEDURES.flatMap((p) => allParams(p).flatMap((d) => (d.kind === 'choice' ? d.values : []))),
  ]),
];

/** A value of `length` characters made of one piece repeated (up to 100 kB). */
const long = (piece: string, length: number) =>
  piece.repeat(Math.ceil(length / piece.length)).slice(0, length);

const numberText = fc.oneof(
  fc.double().map(String),
  fc.integer().map(String),
  fc.double({ min: -1e4, max: 1e4, noNaN: true }).map((n) => n.toFixed(3)),
  fc.bigInt().map(String),
  fc.nat().map((n) => `0x${n.toString(16)}`),
  fc.constantFrom(...BAD_NUMBERS, ...ODD_NUMBERS),
);

const wordText = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.mixedCase(fc.constantFrom(...WORDS)),
  fc.constantFrom(...WORDS).map((w) => ` ${w}\t`),
  fc.subarray(['it', 'en', 'fr', 'IT', ' en ', ''], { minLength: 1 }).map((l) => l.join(',')),
);

/** Any value a fuzzed link may carry. */
export const anyValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: numberText },
  { weight: 3, arbitrary: wordText },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_UNICODE) },
  { weight: 2, arbitrary: fc.constantFrom(...PERCENT_GARBAGE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('x', '9', '%', 'é', '🦴', ...HOSTILE), fc.integer({ min: 1_000, max: 100_000 }))
      .map(([piece, n]) => long(piece, n)),
  },
);

/** Any key: mostly known ones, then prototype names, markup, odd unicode and random text. */
export const anyKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...KNOWN_KEYS) },
  { weight: 1, arbitrary: fc.mixedCase(fc.constantFrom(...KNOWN_KEYS)) },
  { weight: 2, arbitrary: fc.constantFrom(...PROTO_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD_UNICODE, ...PERCENT_GARBAGE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

/** One `key=value` as a link may hold it: encoded, raw (its `&`, `=`, `#` break it up), or bare. */
const pairText = (key: string, value: string, how: number): string => {
  if (how === 0) return new URLSearchParams([[key, value]]).toString();
  if (how === 1) return `${key}=${value}`;
  if (how === 2) return key;
  return `${encodeURIComponent(key.replace(/[\uD800-\uDFFF]/g, ''))}=${value}`;
};

/** Joins pairs into a query string or a fragment, sometimes with odd separators. */
const joined = (pairs: readonly string[], lead: string, sep: string) => `${lead}${pairs.join(sep)}`;

const pairsOf = (keys: fc.Arbitrary<string>, maxLength: number) =>
  fc.array(fc.tuple(keys, anyValue, fc.integer({ min: 0, max: 3 })), { maxLength });

/** A link part (query or fragment) of random pairs. */
const chaosPart = (lead: string) =>
  fc
    .tuple(pairsOf(anyKey, 12), fc.constantFrom(lead, ''), fc.constantFrom('&', '&', '&', '&&', ';', '&amp;'))
    .map(([pairs, l, sep]) =>
      joined(
        pairs.map(([k, v, how]) => pairText(k, v, how)),
        l,
        sep,
      ),
    );

/** Thousands of keys, random or known ones repeated. */
const crowdPart = fc
  .tuple(
    fc.integer({ min: MAX_KEYS - 2, max: 3_000 }),
    fc.constantFrom(...KNOWN_KEYS, 'k'),
    fc.oneof(numberText, wordText, fc.constantFrom(...HOSTILE)),
  )
  .map(([n, key, value]) =>
    Array.from({ length: n }, (_, i) => pairText(key === 'k' ? `k${i}` : key, value, 0)).join('&'),
  );

/** A link to fuzz: a query string and a fragment. */
export interface Link {
  readonly search: string;
  readonly hash: string;
}

/** A link with random, hostile and malformed parts (whether a notice is due is not known). */
export const chaosLink: fc.Arbitrary<Link> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ search: chaosPart('?'), hash: chaosPart('#') }) },
  { weight: 1, arbitrary: fc.record({ search: crowdPart.map((q) => `?${q}`), hash: chaosPart('#') }) },
  { weight: 1, arbitrary: fc.record({ search: chaosPart('?'), hash: crowdPart.map((q) => `#${q}`) }) },
);

/** A valid value for a parameter, written as a link writes it. */
const validValue = (spec: ParamSpec): fc.Arbitrary<string> => {
  if (spec.kind === 'choice') return fc.constantFrom(...spec.values);
  if (spec.kind === 'list')
    return fc.shuffledSubarray([...spec.values], { minLength: 1 }).map((l) => l.join(','));
  return fc
    .integer({ min: Math.ceil(spec.min * 100), max: Math.floor(spec.max * 100) })
    .map((n) => String(n / 100));
};

/** Pairs split between the query and the fragment, in the given order. */
const split = (pairs: readonly (readonly [string, string])[], toHash: readonly boolean[]): Link => {
  const part = (inHash: boolean) =>
    new URLSearchParams(pairs.filter((_, i) => (toHash[i] ?? false) === inHash).map(([k, v]) => [k, v]));
  const search = part(false).toString();
  const hash = part(true).toString();
  return { search: search && `?${search}`, hash: hash && `#${hash}` };
};

/** A valid link's pairs and the parameter table they were made from. */
const validPairs: fc.Arbitrary<{ pairs: [string, string][]; table: ParamTable; procedure: string }> = fc
  .constantFrom('none', ...PROCEDURES.map((p) => p.id))
  .chain((procedure) => {
    const proc = procedureById(procedure);
    // The procedure's own values come first: they decide the step's range.
    const ownSpecs = proc
      ? Object.entries(paramTable(procedure)).filter(([k]) => allParams(proc).some((d) => d.id === k))
      : [];
    const chosen = fc.record(Object.fromEntries(ownSpecs.map(([k, spec]) => [k, validValue(spec)])), {
      requiredKeys: [],
    }) as fc.Arbitrary<Record<string, string>>;
    return chosen.chain((own) => {
      const table = paramTable(procedure, own);
      const rest = Object.entries(table).filter(
        ([k]) =>
          !['p', 'vs', 'region'].includes(k) && !Object.hasOwn(own, k) && !ownSpecs.some(([o]) => o === k),
      );
      const values = fc.record(
        {
          ...Object.fromEntries(rest.map(([k, spec]) => [k, validValue(spec)])),
          vs: fc.constantFrom('none', ...comparableWith(proc?.id ?? null)),
          region: proc ? fc.constant(proc.region) : fc.constantFrom('foot', 'knee'),
        },
        { requiredKeys: [] },
      );
      return values.map((v) => ({
        pairs: [
          ...(procedure === 'none' ? [] : [['p', procedure] as [string, string]]),
          ...Object.entries(own),
          ...Object.entries(v),
        ] as [string, string][],
        table,
        procedure,
      }));
    });
  });

/** A link that only holds valid values, each key once: it must open without a notice. */
export const validLink: fc.Arbitrary<Link> = validPairs.chain(({ pairs }) =>
  fc
    .tuple(
      fc.shuffledSubarray(pairs, { minLength: pairs.length }),
      fc.array(fc.boolean(), { minLength: pairs.length, maxLength: pairs.length }),
    )
    .map(([order, toHash]) => split(order, toHash)),
);

/** Something wrong to put in an otherwise valid link. */
const fault = (table: ParamTable, procedure: string, pairs: readonly (readonly [string, string])[]) => {
  const unknownKey = anyKey.filter((k) => k !== '' && !Object.hasOwn(table, k) && !k.includes('='));
  const baseKey = fc.constantFrom(...(Object.keys(URL_PARAMS) as (keyof typeof URL_PARAMS)[]));
  const badValue = baseKey.chain((key) => {
    const spec: ParamSpec = URL_PARAMS[key];
    const value: fc.Arbitrary<string> =
      spec.kind === 'number'
        ? fc.oneof(
            fc.constantFrom(...BAD_NUMBERS, ...HOSTILE),
            fc.integer({ min: 1, max: 1e6 }).map((d) => String(spec.max + d)),
            fc.integer({ min: 1, max: 1e6 }).map((d) => String(spec.min - d)),
          )
        : anyValue.filter((v) =>
            spec.kind === 'choice'
              ? !spec.values.includes(v.trim().toLowerCase())
              : v.split(',').some((w) => !spec.values.includes(w.trim().toLowerCase())),
          );
    return value.map((v): [string, string] => [key, v]);
  });
  const faults: fc.Arbitrary<[string, string][]>[] = [
    fc.tuple(unknownKey, anyValue).map((kv) => [kv]),
    badValue.map((kv) => [kv]),
    fc.constantFrom(...Object.keys(URL_PARAMS)).chain((k) =>
      validValue(URL_PARAMS[k as keyof typeof URL_PARAMS]).map((v): [string, string][] => [
        [k, v],
        [k, v],
      ]),
    ),
    fc.constant([['p', 'none'], ...Array.from({ length: MAX_KEYS }, (): [string, string] => ['seed', '1'])]),
  ];
  if (pairs.length) faults.push(fc.constantFrom(...pairs).map((kv) => [[kv[0], kv[1]]]));
  const proc = procedureById(procedure);
  if (proc) {
    faults.push(fc.constant([['region', proc.region === 'foot' ? 'knee' : 'foot']]));
    faults.push(fc.constant([['step', String((table.step as { max: number }).max + 1)]]));
  } else {
    faults.push(fc.constantFrom(...PROCEDURES.map((p) => p.id), 'before').map((vs) => [['vs', vs]]));
  }
  return fc.oneof(...faults);
};

/** A valid link with one fault added somewhere (an unknown key, a bad value, a repeat…): a notice is due. */
export const faultyLink: fc.Arbitrary<Link> = validPairs.chain(({ pairs, table, procedure }) =>
  fc
    .tuple(
      fault(table, procedure, pairs),
      fc.nat(),
      fc.array(fc.boolean(), { minLength: pairs.length, maxLength: pairs.length }),
      fc.boolean(),
    )
    .map(([bad, at, toHash, badInHash]) => {
      const link = split(pairs, toHash);
      const extra = new URLSearchParams(bad).toString();
      // The fault goes to either part; a fragment's values win over the query's, so repeats count there too.
      if (badInHash) return { search: link.search, hash: link.hash ? `${link.hash}&${extra}` : `#${extra}` };
      const query = link.search.replace(/^\?/, '').split('&').filter(Boolean);
      query.splice(at % (query.length + 1), 0, extra);
      return { search: `?${query.join('&')}`, hash: link.hash };
    }),
);
