import { beforeAll, describe, expect, it } from 'vitest';
import { cutBone } from '../../src/geometry/cut';
import { loadManifold, type ManifoldToplevel } from '../../src/geometry/manifold-module';
import { containsPoint } from '../../src/anatomy/point-in-mesh';
import {
  cementFill,
  lesionCentre,
  lesionSolid,
  lesionVolume,
  trocarPath,
  trocarTrack,
} from '../../src/procedures/defs/cementoplasty/lesion';
import type { PlanContext } from '../../src/procedures/types';
import { kneeCase } from '../../scripts/models/knee-case';
import { isClosed, meshVolume } from '../../scripts/models/mesh-checks';

let wasm: ManifoldToplevel;
beforeAll(async () => {
  wasm = await loadManifold();
});

describe('cementoplasty lesion', () => {
  it('the cavity the lesion and the trocar track leave is the lesion volume (within 2 %), one closed bone', async () => {
    const k = await kneeCase();
    for (const site of ['tibia', 'femur'] as const)
      for (const lesion of [15, 30, 45]) {
        const ctx: PlanContext = {
          landmarks: k.landmarks,
          params: { site, lesion, gauge: 11 },
          gauge: k.gauge,
        };
        const bone = k.posed.get(site)!;
        // The lesion lies inside the bone, its centre too.
        expect(containsPoint(bone, lesionCentre(ctx))).toBe(true);
        const both = cutBone(wasm, bone, [lesionSolid(ctx), trocarTrack(ctx)]);
        const track = cutBone(wasm, bone, [trocarTrack(ctx)]);
        // The cavity opens through the track: the bone stays one closed piece (a 45 mm lesion in the
        // tibia breaks through its cortex in places: still closed, no longer genus 0).
        expect(both.fragments).toHaveLength(1);
        if (lesion <= 30) expect(isClosed(both.fragments[0]!)).toBe(true);
        else expect(meshVolume(both.fragments[0]!)).toBeGreaterThan(0);
        const cavity = (both.removedVolume - track.removedVolume) / 1000;
        const off = (cavity - lesionVolume(ctx)) / lesionVolume(ctx);
        // A 45 mm lesion is wider than this tibia's metaphysis: part of it lies outside the bone
        // (a cortical breach); every other lesion lies whole inside.
        const breach = site === 'tibia' && lesion > 40;
        if (breach) expect(off, `${site} ${lesion} mm`).toBeLessThan(-0.02);
        else expect(Math.abs(off), `${site} ${lesion} mm`).toBeLessThan(0.02);
        // The trocar's tip is at the centre, its entry outside the bone.
        const path = trocarPath(ctx);
        expect(path.tip).toEqual(lesionCentre(ctx));
        expect(containsPoint(bone, path.entry)).toBe(false);
      }
  });

  it('fill is the cement kept over the lesion volume; a leak is what exceeds it', async () => {
    const k = await kneeCase();
    const ctx: PlanContext = {
      landmarks: k.landmarks,
      params: { site: 'tibia', lesion: 30 },
      gauge: k.gauge,
    };
    const lesion = lesionVolume(ctx);
    expect(lesion).toBeCloseTo((4 / 3) * Math.PI * 15 ** 3 * 1e-3, 9);
    const half = cementFill(ctx, lesion / 2);
    expect(half.fill).toBeCloseTo(50, 9);
    expect(half.leak).toBe(0);
    const over = cementFill(ctx, lesion + 2);
    // Full, and no fuller: the rest is outside the bone.
    expect(over.fill).toBeCloseTo(100, 9);
    expect(over.leak).toBeCloseTo(2, 9);
  });
});
