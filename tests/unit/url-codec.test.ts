import { describe, expect, it } from 'vitest';
import { decodeUrl, encodeUrl } from '../../src/state/url-codec';
import { sessionFromUrl, sessionToUrl } from '../../src/state/session-slice';
import { kioskItem } from '../../src/app/kiosk-schedule';
import { resolveProcedure } from '../../src/procedures/registry';
import { misBunion } from '../../src/procedures/defs/mis-bunion';

/** A session's address opened again: its query and its fragment. */
const reopen = (url: string) => sessionFromUrl(url.split('#')[0]!, url.split('#')[1] ?? '');

describe('URL codec', () => {
  it('reads valid values as given', () => {
    const { values, notices } = decodeUrl('?region=knee&side=left&lang=it&hka=174.5&mpta=84');
    expect(values).toEqual({ region: 'knee', side: 'left', lang: 'it', hka: 174.5, mpta: 84 });
    expect(notices).toEqual([]);
  });

  it('clamps out-of-range numbers and says so', () => {
    const { values, notices } = decodeUrl('?hva=999&ima=-4');
    expect(values.hva).toBe(60);
    expect(values.ima).toBe(0);
    expect(notices.map((n) => [n.param, n.kind, n.used])).toEqual([
      ['hva', 'clamped', '60'],
      ['ima', 'clamped', '0'],
    ]);
  });

  it("rounds a procedure's number to its slider's grid and the step to a whole one, without a notice", () => {
    const { values, notices } = decodeUrl('?p=hto-opening&target=62.37&step=2.6&seed=4.4');
    expect(values).toMatchObject({ target: 62.5, step: 3, seed: 4 });
    expect(notices).toEqual([]);
    // Clamped first, then on the grid: never past the range.
    expect(decodeUrl('?p=hto-opening&target=99').values.target).toBe(75);
    // The patient's measured angles keep their decimals.
    expect(decodeUrl('?hka=174.37').values.hka).toBe(174.37);
  });

  it('ignores unknown keys and invalid values with a notice', () => {
    const { values, notices } = decodeUrl('?zzz=1&hva=abc&side=up&hka=NaN&ldfa=Infinity');
    expect(values).toEqual({ hva: 32, side: 'right', hka: 172, ldfa: 88 });
    expect(notices.map((n) => `${n.param}:${n.kind}`)).toEqual([
      'zzz:unknown',
      'hva:invalid',
      'side:invalid',
      'hka:invalid',
      'ldfa:invalid',
    ]);
  });

  it('shortens hostile values and survives prototype keys', () => {
    const long = '<script>'.repeat(50);
    const { notices, values } = decodeUrl(`?__proto__=1&constructor=2&hva=${encodeURIComponent(long)}`);
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(notices).toHaveLength(3);
    for (const n of notices) expect(n.given.length).toBeLessThanOrEqual(25);
  });

  it('lets the fragment override the query and accepts a decimal comma', () => {
    expect(decodeUrl('?hva=20', '#hva=25,5').values.hva).toBe(25.5);
  });

  it('writes only non-default values, and reads back what it wrote', () => {
    expect(encodeUrl({ region: 'foot', hva: 32 })).toBe('');
    const s = sessionFromUrl('?region=knee&side=left&sex=f&lang=it&hka=175&ldfa=86', '');
    // The patient's angles in the fragment only: never sent to a server.
    expect(sessionToUrl(s)).toBe('?region=knee&side=left&lang=it&sex=f#hka=175&ldfa=86');
    expect(reopen(sessionToUrl(s))).toEqual(s);
  });

  it('takes the language from the browser when the URL has none', () => {
    expect(sessionFromUrl('', '', 'it-IT').lang).toBe('it');
    expect(sessionFromUrl('', '', 'de-DE').lang).toBe('en');
    expect(sessionFromUrl('?lang=en', '', 'it-IT').lang).toBe('en');
  });
});

describe('procedure parameters in the URL', () => {
  it('reads a procedure and its own parameters, clamping them and the step', () => {
    const { values, notices } = decodeUrl('?p=chevron&shift=120&step=99');
    expect(values).toMatchObject({ p: 'chevron', shift: 90, step: 10 });
    expect(notices.map((n) => `${n.param}:${n.kind}`)).toEqual(['shift:clamped', 'step:clamped']);
  });

  it('ignores a parameter that belongs to no chosen procedure, and an unknown procedure', () => {
    expect(decodeUrl('?shift=40').notices.map((n) => `${n.param}:${n.kind}`)).toEqual(['shift:unknown']);
    expect(decodeUrl('?p=bogus').notices.map((n) => `${n.param}:${n.kind}`)).toEqual(['p:invalid']);
  });

  it('a session with a procedure round-trips through its URL', () => {
    const s = sessionFromUrl('?p=chevron&shift=40&step=5&voice=technical&hva=28', '');
    expect(s).toMatchObject({ procedure: 'chevron', region: 'foot', params: { shift: 40 }, startStep: 5 });
    expect(sessionToUrl(s, 5)).toBe('?p=chevron&voice=technical&lang=en&shift=40&step=5#hva=28');
    expect(reopen(sessionToUrl(s, 5))).toEqual(s);
  });

  it("a link keeps the playback speed and the language, even English, which a reader's browser would replace", () => {
    const s = sessionFromUrl('?p=scarf', '', 'it-IT');
    expect(s.lang).toBe('it');
    const english = { ...s, lang: 'en' as const };
    const url = sessionToUrl(english, 2, 4);
    expect(url).toContain('lang=en');
    expect(url).toContain('speed=4');
    expect(sessionFromUrl(url.split('#')[0]!, '', 'it-IT')).toMatchObject({
      lang: 'en',
      startSpeed: 4,
      startStep: 2,
    });
    expect(sessionToUrl(english, 2, 1)).not.toContain('speed');
  });
});

describe('add-ons in the URL', () => {
  it('an Akin after a chevron lengthens the sitting, so a later step is valid', () => {
    expect(decodeUrl('?p=chevron&akin=1&step=12&wedge=2').values).toMatchObject({
      akin: '1',
      step: 12,
      wedge: 2,
    });
    expect(decodeUrl('?p=chevron&step=12').values.step).toBe(10);
  });
});

describe('a choice that implies other parameters', () => {
  it('MICA brings its screwed Akin; the classic technique none; a link’s own values win and round-trip', () => {
    expect(sessionFromUrl('?p=mis-bunion', '').params).toMatchObject({ variant: 'classic', akin: '0' });
    const mica = sessionFromUrl('?p=mis-bunion&variant=mica', '');
    expect(mica.params).toMatchObject({ akin: '1', fixation: 'screw' });
    // The link need not repeat what the choice implies.
    expect(sessionToUrl(mica)).not.toContain('akin');
    const without = sessionFromUrl('?p=mis-bunion&variant=mica&akin=0', '');
    expect(without.params.akin).toBe('0');
    const link = sessionToUrl(without);
    expect(link).toContain('akin=0');
    expect(reopen(link).params.akin).toBe('0');
  });

  it('the step range of a link counts the add-on its choice brings', () => {
    const total = resolveProcedure('mis-bunion', sessionFromUrl('?p=mis-bunion&variant=mica', '').params)!
      .steps.length;
    expect(total).toBeGreaterThan(misBunion({ variant: 'mica' }).steps.length);
    expect(decodeUrl(`?p=mis-bunion&variant=mica&step=${total}`, '').values.step).toBe(total);
  });
});

describe('kiosk parameters', () => {
  it('langs is a list of known languages; unknown ones are dropped with a notice; idle is clamped', () => {
    expect(decodeUrl('?mode=kiosk&langs=en,it').values).toMatchObject({ mode: 'kiosk', langs: 'en,it' });
    const odd = decodeUrl('?langs=fr,IT,it');
    expect(odd.values.langs).toBe('it');
    expect(odd.notices.map((n) => [n.param, n.kind, n.used])).toEqual([['langs', 'invalid', 'it']]);
    expect(decodeUrl('?langs=<b>').values.langs).toBe('it,en');
    expect(decodeUrl('?idle=1').values.idle).toBe(3);
    const s = sessionFromUrl('?mode=kiosk&langs=en&idle=5', '');
    expect([s.mode, s.langs, s.idle]).toEqual(['kiosk', ['en'], 5]);
    expect(reopen(sessionToUrl(s)).langs).toEqual(['en']);
  });

  it('the kiosk shows each procedure in turn, in the next language each time', () => {
    const ids = ['a', 'b', 'c'];
    const shown = [0, 1, 2, 3, 4].map((n) => kioskItem(n, ids, ['it', 'en']));
    expect(shown.map((s) => s.procedure)).toEqual(['a', 'b', 'c', 'a', 'b']);
    expect(shown.map((s) => s.lang)).toEqual(['it', 'en', 'it', 'en', 'it']);
  });
});

describe('numbers in links', () => {
  it('keep two decimals: a cement increment of 0.25 mL comes back as 0.25', () => {
    const s = sessionFromUrl('?p=cementoplasty&pace=0.25', '');
    expect(s.params.pace).toBe(0.25);
    expect(sessionToUrl(s)).toContain('pace=0.25');
    expect(reopen(sessionToUrl(s)).params.pace).toBe(0.25);
  });
});
