import { describe, expect, it } from 'vitest';
import { REGION_MEASURES } from '../../src/clinical/measures';
import type { MeanSd, PublishedResult } from '../../src/clinical/published-results';
import { PROCEDURES, publishedResults, typicalRange } from '../../src/procedures/registry';
import { joinSources } from '../../src/procedures/sources';

/** Every citation: the shared ones and each operation's own. */
const REFERENCES = joinSources(PROCEDURES).references;

/**
 * Every operation's published results, each variant's where a `variant` choice changes the
 * operation, keyed by procedure id (`id:variant` for a variant); none where a series is missing.
 */
const PUBLISHED_RESULTS: Readonly<Record<string, readonly PublishedResult[]>> = Object.fromEntries(
  PROCEDURES.flatMap((p) => {
    const variants = p.params.find((x) => x.id === 'variant' && x.kind === 'choice');
    const keyed: [string, readonly PublishedResult[]][] =
      variants?.kind === 'choice'
        ? variants.values.map((v) => [`${p.id}:${v}`, publishedResults(p.id, { variant: v })])
        : [[p.id, publishedResults(p.id)]];
    return keyed.filter(([, results]) => results.length > 0);
  }),
);

/** CLINICAL.md §5's table rows and closing paragraph as written there (the source of the data). */
const CLINICAL_5 = [
  '| distal chevron | RCT chevron vs scarf, 47 feet [67] | HVA 30 → 17; IMA 13 → 10 |',
  '| scarf | same RCT, 49 feet [67] | HVA 29 → 18; IMA 13 → 10 |',
  '| distal chevron | RCT arm, 15 feet [69] | IMA 13.3 ± 2.3 → 6.1 ± 3; HVA falls by 11.1 ± 6.5 |',
  '| hardware-free percutaneous distal osteotomy (SERI, a K-wire) | same RCT, 21 feet [69] | IMA 14.8 ± 1.9 → 6.0 ± 2.3; HVA falls by 11.9 ± 4.9 |',
  '| third-generation MICA | 333 feet, 2 years [70] | HVA 32.9 ± 10.2 → 8.7 ± 5.2; IMA 15.3 ± 3.6 → 5.7 ± 3.2 |',
  '| medial opening HTO | 390 knees [72] | MAD 21.8 ± 6.5 mm medial → −0.3 ± 2.6; mMPTA 77.1 ± 3.0 → 90.6 ± 2.7 |',
  '| lateral closing HTO | 50 knees [72] | MAD 26.5 ± 4.1 → 0.3 ± 2.9 mm; mMPTA 75.3 ± 3.2 → 89.5 ± 2.4 |',
];
/** CLINICAL.md's "Sources" list, the entries §5 cites, as written there. */
const CLINICAL_SOURCES = [
  '67. Deenik 2007, Foot Ankle Int: scarf versus chevron, RCT of 96 patients',
  '68. Peng, meta-analysis of RCTs, chevron vs scarf (507 feet)',
  '69. SERI vs chevron RCT, Indian J Orthop 2020, 10.1007/s43465-020-00209-0',
  '70. Lewis 2021, third-generation MICA, 333 feet (PMC8265548)',
  '71. J Orthop Surg Res 2019, 10.1186/s13018-019-1241-7 (scarf with and without Akin)',
  '72. Front Surg 2023, 10.3389/fsurg.2023.1219614 (opening vs closing HTO)',
];
const REALISTIC =
  'Realistic after a chevron or a scarf from HVA ~30–32°: HVA about 8–18° (typically 10–15°), IMA 4–10°.';

/** How CLINICAL names each measure in §5. */
const NAME: Record<string, string> = { hva: 'HVA', ima: 'IMA', mpta: 'mMPTA' };
const ms = (x: MeanSd) => `${x.mean.toFixed(1)} ± ${x.sd.toFixed(1)}`;

/** The §5 row citing `ref` that names these feet or knees. */
const rowOf = (ref: number, size: string) =>
  CLINICAL_5.find((row) => row.includes(`[${ref}]`) && row.includes(size));

describe('published results (CLINICAL §5)', () => {
  it('every series is written in CLINICAL §5 with the same numbers and source', () => {
    for (const [key, results] of Object.entries(PUBLISHED_RESULTS)) {
      for (const r of results) {
        const name = NAME[r.measure];
        expect(name, `${key} ${r.measure}`).toBeDefined();
        if (r.kind === 'range') {
          expect(REALISTIC, key).toContain(
            `${name} ${r.measure === 'hva' ? 'about ' : ''}${r.low}–${r.high}°`,
          );
          expect(REALISTIC, key).toContain(`HVA ~${r.from.low}–${r.from.high}°`);
          continue;
        }
        const size = `${r.size.n} ${r.size.of}`;
        const row = r.refs.map((ref) => rowOf(ref, size)).find(Boolean);
        expect(row, `${key} ${r.measure}: a row citing ${r.refs.join(',')} with ${size}`).toBeDefined();
        if (r.kind === 'fall') expect(row, key).toContain(`${name} falls by ${ms(r.fall)}`);
        else expect(row, key).toContain(`${name} ${ms(r.pre)} → ${ms(r.post)}`);
      }
    }
  });

  it('the chevron and the scarf cite the RCT [67] and the meta-analysis [68]; only the chevron the RCT arm [69]', () => {
    expect(typicalRange('chevron', {}, 'hva', 30)?.refs).toEqual([67, 68, 69]);
    expect(typicalRange('scarf', {}, 'ima', 13)?.refs).toEqual([67, 68]);
  });

  it('every source number is one of CLINICAL’s references, with its citation', () => {
    const refs = new Set(Object.values(PUBLISHED_RESULTS).flatMap((rs) => rs.flatMap((r) => r.refs)));
    expect(refs.size).toBeGreaterThan(0);
    for (const n of refs) {
      expect(REFERENCES[n], `reference ${n}`).toBeTruthy();
      expect(CLINICAL_SOURCES, `reference ${n}`).toContain(`${n}. ${REFERENCES[n]}`);
    }
  });

  it('every result names a measure of its operation’s region, once per operation', () => {
    for (const [key, results] of Object.entries(PUBLISHED_RESULTS)) {
      const proc = PROCEDURES.find((p) => p.id === key.split(':')[0]);
      expect(proc, key).toBeDefined();
      const measures = results.map((r) => r.measure);
      expect(new Set(measures).size, key).toBe(measures.length);
      for (const m of measures) expect(REGION_MEASURES[proc!.region], key).toContain(m);
    }
  });

  it('chevron and scarf: CLINICAL’s realistic range, whatever the patient', () => {
    for (const id of ['chevron', 'scarf']) {
      expect(typicalRange(id, { shift: 30 }, 'hva', 30)).toMatchObject({ low: 8, high: 18 });
      expect(typicalRange(id, { akin: '1' }, 'hva', 45)).toMatchObject({ low: 8, high: 18 });
      expect(typicalRange(id, {}, 'ima', 13)).toMatchObject({ low: 4, high: 10 });
      expect(typicalRange(id, {}, 'dmaa', 8)).toBeUndefined();
    }
  });

  it('MICA: post-operative mean ± SD of its 333 feet [70]', () => {
    const hva = typicalRange('mis-bunion', { variant: 'mica' }, 'hva', 32.9)!;
    expect(hva.low).toBeCloseTo(3.5, 6);
    expect(hva.high).toBeCloseTo(13.9, 6);
    expect(hva.refs).toEqual([70]);
    const ima = typicalRange('mis-bunion', { variant: 'mica' }, 'ima', 15.3)!;
    expect([ima.low, ima.high]).toEqual([2.5, 8.9]);
  });

  it('classic percutaneous: the IMA’s mean ± SD, the HVA falls from the patient’s own by 11.9 ± 4.9 [69]', () => {
    expect(typicalRange('mis-bunion', { variant: 'classic' }, 'ima', 14)).toMatchObject({
      low: 3.7,
      high: 8.3,
      refs: [69],
    });
    expect(typicalRange('mis-bunion', { variant: 'classic' }, 'hva', 32)).toMatchObject({
      low: 15.2,
      high: 25,
    });
    expect(typicalRange('mis-bunion', { variant: 'classic' }, 'hva', 40)).toMatchObject({
      low: 23.2,
      high: 33,
    });
    // The parameter's default is the classic technique.
    expect(typicalRange('mis-bunion', {}, 'hva', 32)).toEqual(
      typicalRange('mis-bunion', { variant: 'classic' }, 'hva', 32),
    );
    // No band without the patient's own angle.
    expect(typicalRange('mis-bunion', { variant: 'classic' }, 'hva')).toBeUndefined();
  });

  it('an HVA band never reaches below 0° (a varus toe is a complication, not a result)', () => {
    expect(typicalRange('mis-bunion', { variant: 'classic' }, 'hva', 12)).toMatchObject({ low: 0, high: 5 });
    expect(typicalRange('mis-bunion', { variant: 'classic' }, 'hva', 6)).toBeUndefined();
  });

  it('knee: the mMPTA after an opening and a closing HTO [72]', () => {
    expect(typicalRange('hto-opening', {}, 'mpta', 82)).toMatchObject({ low: 87.9, high: 93.3, refs: [72] });
    expect(typicalRange('hto-closing', {}, 'mpta', 82)).toMatchObject({ low: 87.1, high: 91.9, refs: [72] });
    expect(typicalRange('hto-opening', {}, 'hka', 172)).toBeUndefined();
  });

  it('no band where CLINICAL has no series: the Akin alone, the DFOs, cementoplasty, no operation', () => {
    for (const id of ['akin', 'dfo-opening', 'dfo-closing', 'cementoplasty', 'none', null, 'unknown']) {
      expect(publishedResults(id, {})).toEqual([]);
      for (const m of [...REGION_MEASURES.foot, ...REGION_MEASURES.knee])
        expect(typicalRange(id, {}, m, 30)).toBeUndefined();
    }
  });

  it('every band is a range: low below high', () => {
    for (const id of ['chevron', 'scarf', 'mis-bunion', 'hto-opening', 'hto-closing'])
      for (const variant of ['classic', 'mica'])
        for (const r of publishedResults(id, { variant })) {
          const band = typicalRange(id, { variant }, r.measure, r.measure === 'mpta' ? 80 : 30)!;
          expect(band.high, `${id} ${r.measure}`).toBeGreaterThan(band.low);
        }
  });
});
