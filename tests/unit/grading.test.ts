import { describe, expect, it } from 'vitest';
import { grade } from '../../src/clinical/grading';
import { eminenceProminence } from '../../src/anatomy/deformity';

describe('severity grading follows the published tables', () => {
  it.each([
    [10, 'normal'],
    [15, 'mild'],
    [20, 'mild'],
    [21, 'moderate'],
    [39, 'moderate'],
    [40, 'severe'],
  ])('HVA %s° is %s', (v, g) => expect(grade('hva', v)).toBe(g));

  it.each([
    [8, 'normal'],
    [9, 'mild'],
    [11, 'mild'],
    [12, 'moderate'],
    [17, 'moderate'],
    [18, 'severe'],
  ])('IMA %s° is %s', (v, g) => expect(grade('ima', v)).toBe(g));

  it('knee angles', () => {
    expect(grade('hka', 172)).toBe('varus');
    expect(grade('hka', 180)).toBe('normal');
    expect(grade('hka', 188)).toBe('valgus');
    expect(grade('mpta', 82)).toBe('varus');
    expect(grade('mpta', 87)).toBe('normal');
    expect(grade('ldfa', 80)).toBe('valgus');
    expect(grade('ldfa', 93)).toBe('varus');
    expect(grade('wbl', 20)).toBe('medial');
    expect(grade('wbl', 62.5)).toBe('lateral');
  });

  it('the bunion grows with the deformity', () => {
    expect(eminenceProminence({ hva: 10, ima: 7, dmaa: 5, hvia: 5 })).toBe(0.5);
    expect(eminenceProminence({ hva: 32, ima: 14, dmaa: 8, hvia: 8 })).toBeGreaterThan(3);
    expect(eminenceProminence({ hva: 50, ima: 20, dmaa: 8, hvia: 8 })).toBeGreaterThan(
      eminenceProminence({ hva: 32, ima: 14, dmaa: 8, hvia: 8 }),
    );
  });
});
