import { describe, expect, it } from 'vitest';
import { posedFoot, posedKnee } from '../../src/clinical/patient';
import { measureFoot } from '../../src/clinical/foot-angles';
import { measureKnee } from '../../src/clinical/knee-alignment';
import { REST_LANDMARKS } from '../../src/engine/rest-landmarks';
import { random, randomFoot, randomKnee } from './random-cases';

describe('pose → measure round trip', () => {
  it('measures back 300 random foot deformities within 0.1°', () => {
    const r = random(7);
    for (let i = 0; i < 300; i++) {
      const target = randomFoot(r);
      const { measured } = posedFoot(REST_LANDMARKS.foot, target);
      for (const k of ['hva', 'ima', 'dmaa', 'hvia'] as const) expect(measured[k]).toBeCloseTo(target[k], 1);
    }
  });

  it('measures back 300 random knee alignments within 0.1°', () => {
    const r = random(11);
    for (let n = 0; n < 300; n++) {
      const target = randomKnee(r);
      const { measured } = posedKnee(REST_LANDMARKS.knee, target);
      for (const k of ['hka', 'mpta', 'ldfa'] as const)
        expect(Math.abs(measured[k] - target[k])).toBeLessThan(0.1);
      expect(measured.hka).toBeCloseTo(180 - (measured.ldfa - measured.mpta) - measured.jlca, 6);
    }
  });

  it('the rest models are normal feet and knees', () => {
    const foot = measureFoot(REST_LANDMARKS.foot);
    expect(foot.hva).toBeGreaterThan(0);
    expect(foot.hva).toBeLessThan(15);
    expect(foot.ima).toBeGreaterThan(4);
    expect(foot.ima).toBeLessThan(9);
    const knee = measureKnee(REST_LANDMARKS.knee);
    expect(Math.abs(knee.hka - 180)).toBeLessThan(1);
    expect(knee.mpta).toBeGreaterThan(85);
    expect(knee.ldfa).toBeGreaterThan(85);
    expect(knee.wbl).toBeGreaterThan(40);
    expect(knee.wbl).toBeLessThan(60);
  });

  it('a varus knee puts the load line in the medial compartment, a valgus one laterally', () => {
    expect(posedKnee(REST_LANDMARKS.knee, { hka: 172, mpta: 82, ldfa: 88 }).measured.wbl).toBeLessThan(30);
    expect(posedKnee(REST_LANDMARKS.knee, { hka: 188, mpta: 90, ldfa: 80 }).measured.wbl).toBeGreaterThan(70);
  });
});
