import { describe, expect, it } from 'vitest';
import { en, it as it_ } from '../locale-strings';
import { PROCEDURES } from '../../src/procedures/registry';
import { joinSources } from '../../src/procedures/sources';
import { inTimeOrder, layoutRecovery, milestoneDays } from '../../src/engine/recovery';

/** Every citation: the shared ones and each operation's own. */
const REFERENCES = joinSources(PROCEDURES).references;

const lookup = (o: object, key: string) =>
  key.split('.').reduce<unknown>((a, k) => (a as Record<string, unknown> | undefined)?.[k], o);

/** CLINICAL.md states no aftercare of its own for these (the Akin is usually combined). */
const NO_RECOVERY_FACTS = new Set(['akin']);

describe('recovery timelines', () => {
  it.each(PROCEDURES.map((p) => [p.id, p] as const))(
    '%s: milestones in time order, each span forward, every key in both languages',
    (id, p) => {
      const list = p.recovery ?? [];
      if (NO_RECOVERY_FACTS.has(id)) {
        expect(list).toEqual([]);
        return;
      }
      expect(list.length).toBeGreaterThan(1);
      expect(inTimeOrder(list)).toBe(true);
      for (const m of list) {
        const { from, to } = milestoneDays(m);
        expect(to, m.key).toBeGreaterThanOrEqual(from);
        expect(typeof lookup(en, m.key), `en ${m.key}`).toBe('string');
        expect(typeof lookup(it_, m.key), `it ${m.key}`).toBe('string');
      }
    },
  );

  it.each(PROCEDURES.filter((p) => p.recovery).map((p) => [p.id, p] as const))(
    '%s: the drawing places every milestone on the axis, left to right, and names its bands',
    (_id, p) => {
      const layout = layoutRecovery(p.recovery!);
      expect(layout.bands.length).toBeGreaterThan(0);
      let last = -1;
      for (const m of layout.milestones) {
        expect(m.x).toBeGreaterThanOrEqual(0);
        expect(m.x2).toBeLessThanOrEqual(1);
        expect(m.x2).toBeGreaterThanOrEqual(m.x);
        expect(m.x).toBeGreaterThanOrEqual(last);
        last = m.x;
      }
      for (const b of layout.bands)
        for (const strings of [en, it_])
          expect(typeof lookup(strings, `recovery.band.${b.band}`)).toBe('string');
    },
  );

  it('a knee: hospital in the days band, the X-ray in the weeks band, full activity in the months band', () => {
    const knee = PROCEDURES.find((p) => p.id === 'hto-opening')!;
    const layout = layoutRecovery(knee.recovery!);
    expect(layout.bands.map((b) => b.band)).toEqual(['day', 'week', 'month']);
    const [hospital, xray, , full] = layout.milestones;
    expect(hospital!.x2).toBeLessThan(1 / 3);
    expect(xray!.x).toBeGreaterThan(1 / 3);
    expect(xray!.x).toBeLessThan(2 / 3);
    expect(full!.x).toBeGreaterThanOrEqual(2 / 3);
  });

  it('cementoplasty is over within hours: one band', () => {
    const cem = PROCEDURES.find((p) => p.id === 'cementoplasty')!;
    expect(layoutRecovery(cem.recovery!).bands.map((b) => b.band)).toEqual(['hour']);
  });
});

describe('references', () => {
  it.each(PROCEDURES.map((p) => [p.id, p] as const))('%s cites CLINICAL.md sources that exist', (_id, p) => {
    expect(p.references?.length ?? 0).toBeGreaterThan(0);
    for (const n of p.references!) expect(REFERENCES[n], `source ${n}`).toBeTruthy();
    expect(new Set(p.references).size).toBe(p.references!.length);
  });

  it('numbers the 76 sources as CLINICAL.md does', () => {
    expect(Object.keys(REFERENCES).map(Number)).toEqual(Array.from({ length: 76 }, (_, i) => i + 1));
    expect(REFERENCES[6]).toMatch(/^Austin & Leventen, Clin Orthop 1981/);
  });
});

describe('info tabs', () => {
  it('every tab is named in both languages', () => {
    for (const tab of ['what', 'who', 'steps', 'recovery', 'risks', 'references'])
      for (const strings of [en, it_]) expect(typeof lookup(strings, `info.tab.${tab}`)).toBe('string');
  });
});
