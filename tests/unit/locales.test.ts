import { describe, expect, it } from 'vitest';
import { FILES, en, it as it_ } from '../locale-strings';
import { FOOT_PARTS, KNEE_PARTS } from '../../src/anatomy/parts';
import { REGION_MEASURES } from '../../src/clinical/measures';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}
const placeholders = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const enKeys = keys(en).sort();
  const itKeys = keys(it_).sort();

  it('English and Italian have the same keys', () => {
    expect(itKeys).toEqual(enKeys);
  });

  it.each(FILES.map((f) => [f.name, f] as const))(
    'the %s file holds the same keys in both languages',
    (_name, f) => {
      expect(keys(f.it).sort()).toEqual(keys(f.en).sort());
    },
  );

  it('the first view needs no long text: what only an open procedure shows is in the texts file', () => {
    const core = keys(FILES[0].en);
    const later = /^proc\.[\w-]+\.(step|info|risk|param|warn|summary|variant|site|fixation|fibula)\.?/;
    expect(core.filter((k) => later.test(k) || /^(quiz|warn|recovery|info|handout)\./.test(k))).toEqual([]);
  });

  it('every string is filled and keeps its placeholders', () => {
    const get = (o: object, k: string) =>
      k.split('.').reduce<unknown>((a, p) => (a as Record<string, unknown>)[p], o);
    for (const k of enKeys) {
      const e = get(en, k) as string;
      const i = get(it_, k) as string;
      expect(e.trim(), k).not.toBe('');
      expect(i.trim(), k).not.toBe('');
      expect(placeholders(i), k).toEqual(placeholders(e));
    }
  });

  it('names every part and every measurement', () => {
    for (const p of [...FOOT_PARTS, ...KNEE_PARTS]) expect(enKeys).toContain(`part.${p}`);
    for (const m of [...REGION_MEASURES.foot, ...REGION_MEASURES.knee])
      expect(enKeys).toContain(`measure.${m}`);
  });
});

describe('knee planning warnings', () => {
  it('every warning the planner can give has its words in both languages', async () => {
    const { KNEE_WARNINGS } = await import('../../src/clinical/knee-planning');
    const get = (o: object, k: string) =>
      k.split('.').reduce<unknown>((a, p) => (a as Record<string, unknown>)?.[p], o);
    for (const key of KNEE_WARNINGS) {
      expect(typeof get(en, key), key).toBe('string');
      expect(typeof get(it_, key), key).toBe('string');
    }
  });
});
