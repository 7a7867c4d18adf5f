import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FOOT_DEFORMITY,
  KNEE_DEFORMITY,
  TYPICAL_KNEE,
  defaults,
  kneeHas,
} from '../../src/clinical/deformity-params';
import { allParams, procedureById, resolveProcedure } from '../../src/procedures/registry';
import { canCompare } from '../../src/state/compare';
import { sessionFromUrl, sessionToUrl, type Session } from '../../src/state/session-slice';
import { decodeUrl, type Notice } from '../../src/state/url-codec';
import { URL_PARAMS, paramTable, type ParamSpec } from '../../src/state/url-params';
import { chaosLink, faultyLink, validLink, type Link } from '../url-fuzz-arbitraries';

/** At least this many cases per property (the brief of issue 7). */
const RUNS = 1_000;
const SHOWN_MAX = 25;
/** Characters a notice must never carry as they are (controls, bidi and zero-width, lone surrogates). */
const UNSHOWN = /[\p{Cc}\p{Cf}\p{Cs}]/u;

/** Any link: random and hostile, valid, or valid with one fault. */
const anyLink: fc.Arbitrary<Link> = fc.oneof(chaosLink, validLink, faultyLink);

const inRange = (n: unknown, spec: { min: number; max: number }) =>
  typeof n === 'number' && Number.isFinite(n) && n >= spec.min && n <= spec.max;

/** Whether a decoded value is one its parameter takes. */
function fits(spec: ParamSpec, value: string | number): boolean {
  if (spec.kind === 'number')
    return inRange(value, spec) && Object.is(value, Math.round(Number(value) * 100) / 100 + 0);
  if (spec.kind === 'choice') return spec.values.includes(String(value));
  const list = String(value).split(',');
  return list.length > 0 && new Set(list).size === list.length && list.every((v) => spec.values.includes(v));
}

/** Every number of a session finite and in its range, every choice one of its values. */
function expectValidSession(s: Session): void {
  const choiceOf = (key: keyof typeof URL_PARAMS, value: string) =>
    expect((URL_PARAMS[key] as { values: readonly string[] }).values, key).toContain(value);
  for (const key of ['voice', 'mode', 'view', 'proj', 'region', 'side', 'sex', 'lang'] as const)
    choiceOf(key, s[key]);
  expect(typeof s.skin).toBe('boolean');
  expect(typeof s.narrate).toBe('boolean');
  expect(s.langs.length).toBeGreaterThan(0);
  expect(new Set(s.langs).size).toBe(s.langs.length);
  for (const l of s.langs) expect(['it', 'en']).toContain(l);
  for (const [k, spec] of Object.entries(FOOT_DEFORMITY))
    expect(
      inRange(s.foot[k as keyof Session['foot']], spec),
      `${k}=${s.foot[k as keyof Session['foot']]}`,
    ).toBe(true);
  for (const [k, spec] of Object.entries(KNEE_DEFORMITY))
    expect(
      inRange(s.knee[k as keyof Session['knee']], spec),
      `${k}=${s.knee[k as keyof Session['knee']]}`,
    ).toBe(true);
  expect(inRange(s.startSpeed, URL_PARAMS.speed)).toBe(true);
  expect(inRange(s.idle, URL_PARAMS.idle)).toBe(true);
  expect(inRange(s.seed, URL_PARAMS.seed) && Number.isInteger(s.seed)).toBe(true);
  expect(Number.isInteger(s.startStep) && s.startStep >= 1).toBe(true);
  const proc = procedureById(s.procedure);
  if (!proc) {
    expect(s.procedure).toBeNull();
    expect(s.compare).toBeNull();
    expect(s.params).toEqual({});
    return;
  }
  expect(s.region).toBe(proc.region);
  if (s.compare !== null) expect(canCompare(proc.id, s.compare)).toBe(true);
  const defs = allParams(proc);
  expect(Object.keys(s.params).sort()).toEqual(defs.map((d) => d.id).sort());
  for (const d of defs) {
    const v = s.params[d.id];
    if (d.kind === 'number') expect(inRange(v, d), `${d.id}=${String(v)}`).toBe(true);
    else expect(d.values, d.id).toContain(v);
  }
  const steps = resolveProcedure(proc.id, s.params)!.steps.length;
  expect(s.startStep).toBeLessThanOrEqual(steps);
}

/** What a notice shows: each string short and free of invisible or direction-changing characters. */
function expectShowable(n: Notice): void {
  for (const text of [n.param, n.given, n.used ?? '']) {
    expect(text.length).toBeLessThanOrEqual(SHOWN_MAX);
    expect(UNSHOWN.test(text), JSON.stringify(text)).toBe(false);
  }
}

/**
 * What of a session its address carries: everything but the notices, the angles of the other
 * region (a link holds only the shown patient's: see sessionToUrl) and the speed to start playing
 * at (an instruction to the player, which the address bar does not keep).
 */
const linked = (s: Session) => ({
  ...s,
  notices: [],
  startSpeed: undefined,
  [s.region === 'foot' ? 'knee' : 'foot']: undefined,
});

/** A session read again from the address it writes. */
const reopen = (url: string) => {
  const at = url.indexOf('#');
  return at < 0 ? sessionFromUrl(url, '', 'en') : sessionFromUrl(url.slice(0, at), url.slice(at), 'en');
};

describe('URL fuzzing (fast-check)', () => {
  let before: string[];
  beforeEach(() => {
    before = Object.getOwnPropertyNames(Object.prototype).sort();
  });
  afterEach(() => {
    // Nothing a link says may reach Object.prototype.
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  it('decodeUrl never throws, and every value it returns is one its parameter takes', () => {
    fc.assert(
      fc.property(anyLink, ({ search, hash }) => {
        const { values, notices } = decodeUrl(search, hash);
        expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
        const table = paramTable(typeof values.p === 'string' ? values.p : undefined);
        for (const [key, value] of Object.entries(values)) {
          const spec = Object.hasOwn(table, key) ? table[key] : undefined;
          // The step's range depends on the add-ons chosen: checked on the session below.
          if (key === 'step') continue;
          expect(spec, key).toBeDefined();
          expect(fits(spec!, value!), `${key}=${String(value)}`).toBe(true);
        }
        notices.forEach(expectShowable);
      }),
      { numRuns: RUNS },
    );
  });

  it('sessionFromUrl never throws and always gives a valid session, whatever the browser language', () => {
    fc.assert(
      fc.property(anyLink, fc.constantFrom('en', 'it-IT', 'de', '', '<script>'), ({ search, hash }, lang) => {
        const s = sessionFromUrl(search, hash, lang);
        expectValidSession(s);
        s.notices.forEach(expectShowable);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('a valid link opens without a notice, and as it says (a knee operation on the other deformity: its typical case)', () => {
    fc.assert(
      fc.property(validLink, ({ search, hash }) => {
        const s = sessionFromUrl(search, hash, 'en');
        const proc = procedureById(s.procedure);
        const gaveKnee = /[?&#](hka|mpta|ldfa)=/.test(`${search}#${hash}`);
        const otherKnee = !!proc?.treats && !gaveKnee && !kneeHas(proc.treats, defaults(KNEE_DEFORMITY));
        expect(s.notices).toEqual(
          otherKnee ? [{ param: 'p', kind: 'typicalCase', given: proc!.id, used: proc!.treats }] : [],
        );
        if (otherKnee) expect(s.knee).toEqual(TYPICAL_KNEE[proc!.treats!]);
        expect(linked(reopen(sessionToUrl(s, s.startStep)))).toEqual(linked(s));
      }),
      { numRuns: RUNS },
    );
  });

  it('an unknown key, an invalid, out-of-range or repeated value, or too many keys give a notice', () => {
    fc.assert(
      fc.property(faultyLink, ({ search, hash }) => {
        const s = sessionFromUrl(search, hash, 'en');
        expect(s.notices.length, `${search}${hash}`).toBeGreaterThan(0);
        expectValidSession(s);
        s.notices.forEach(expectShowable);
      }),
      { numRuns: RUNS },
    );
  });

  it('the address a session writes reads back as the same session, without notices (idempotent)', () => {
    fc.assert(
      fc.property(anyLink, ({ search, hash }) => {
        const s = sessionFromUrl(search, hash, 'en');
        const url = sessionToUrl(s, s.startStep);
        const again = reopen(url);
        expect(again.notices).toEqual([]);
        expect(linked(again)).toEqual(linked(s));
        expect(sessionToUrl(again, again.startStep)).toBe(url);
      }),
      { numRuns: RUNS },
    );
  });

  it('prototype keys and hostile values leave Object.prototype and the results untouched', () => {
    const nasty = [
      '__proto__',
      'constructor',
      'prototype',
      '__proto__[polluted]',
      'constructor[prototype][polluted]',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...nasty), { minLength: 1, maxLength: 8 }),
        chaosLink,
        (keys, link) => {
          const search = `${link.search}&${keys.map((k) => `${k}=1`).join('&')}`;
          const s = sessionFromUrl(search, `${link.hash}&__proto__=x`, 'en');
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(Object.getPrototypeOf(s.params)).toBe(Object.prototype);
          expect(s.notices.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('what the fuzzing found (kept as examples)', () => {
  const kinds = (search: string, hash = '') =>
    decodeUrl(search, hash).notices.map((n) => `${n.param}:${n.kind}`);

  it('reads numbers in decimal notation only, and keeps two decimals as links write them', () => {
    expect(kinds('?hva=0x1F&ima=0b101&dmaa=1_0')).toEqual(['hva:invalid', 'ima:invalid', 'dmaa:invalid']);
    expect(decodeUrl('?hva=1e-300&ima=-0&dmaa=12.345').values).toEqual({ hva: 0, ima: 0, dmaa: 12.35 });
    expect(Object.is(decodeUrl('?ima=-0').values.ima, 0)).toBe(true);
  });

  it('a key given twice says so even with the same value; too many keys say so too', () => {
    expect(kinds('?side=left', '#side=left')).toEqual(['side:repeated']);
    const crowd = `?${Array.from({ length: 100 }, (_, i) => `seed=${i}`).join('&')}`;
    expect(kinds(crowd).at(-1)).toBe('…:tooMany');
  });

  it('a procedure corrects a region or comparison that does not fit it, with a notice', () => {
    const { values, notices } = decodeUrl('?p=chevron&region=knee&vs=hto-opening');
    expect(values).toMatchObject({ region: 'foot', vs: 'none' });
    expect(notices.map((n) => [n.param, n.kind, n.used])).toEqual([
      ['region', 'invalid', 'foot'],
      ['vs', 'invalid', 'none'],
    ]);
  });

  it('the step range counts a number parameter as it is used (clamped), not as written', () => {
    const s = sessionFromUrl('?p=mis-bunion&passes=99&step=99', '', 'en');
    expect(s.startStep).toBe(resolveProcedure('mis-bunion', s.params)!.steps.length);
  });

  it('a notice never cuts an emoji in half nor carries a bidi override or a zero-width character', () => {
    const [n] = decodeUrl(`?${encodeURIComponent('🦴'.repeat(20))}=1`).notices;
    expect(n!.param).toBe(`${'🦴'.repeat(12)}…`);
    const [bidi] = decodeUrl('?side=%E2%80%AEtfel%E2%80%8B').notices;
    expect(bidi!.given).toBe('\uFFFDtfel\uFFFD');
  });
});
