import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FOOT_PARTS, KNEE_PARTS } from '../../src/anatomy/parts';
import { regionBones } from '../../src/anatomy/regions';
import type { Region } from '../../src/anatomy/types';
import type { BoneMesh } from '../../src/geometry/level-set';
import { loadManifold } from '../../src/geometry/manifold-module';
import { buildModels, modelIO, REGIONS, type BuiltModels } from '../../scripts/models/build-models';
import { boneExtent, decodeRegionGlb } from '../../scripts/models/model-measure';

const MODELS = join(import.meta.dirname, '..', '..', 'models');
/** Bones that a procedure cuts: they must stay lean for the worker (DESIGN.md). */
const CUT_BONES = ['metatarsal1', 'proximalPhalanx1', 'femur', 'tibia', 'fibula'];

let built: BuiltModels;
beforeAll(async () => {
  built = await buildModels();
});
const mesh = (region: Region, id: string): BoneMesh => built.meshes[region].find((m) => m.id === id)!;

describe('generated models', () => {
  it('the committed files are exactly what the generator makes', () => {
    for (const [name, bytes] of Object.entries(built.files)) {
      const committed = readFileSync(join(MODELS, name));
      expect(
        Buffer.compare(committed, Buffer.from(bytes)),
        `models/${name} is stale: run npm run models`,
      ).toBe(0);
    }
  });

  it('every part of both regions is present, each bone one closed genus-0 shell', async () => {
    expect(built.meshes.foot.map((m) => m.id)).toEqual([...FOOT_PARTS]);
    expect(built.meshes.knee.map((m) => m.id)).toEqual([...KNEE_PARTS]);
    for (const region of REGIONS)
      for (const m of built.meshes[region]) {
        if (m.id.startsWith('skin')) continue;
        expect(m.genus, `${region}/${m.id} genus`).toBe(0);
        expect(m.shells, `${region}/${m.id} shells`).toBe(1);
      }
  });

  it('the compressed files decode to closed meshes (checked by manifold)', async () => {
    const wasm = await loadManifold();
    const io = await modelIO();
    for (const region of REGIONS) {
      const parts = await decodeRegionGlb(io, readFileSync(join(MODELS, `${region}.glb`)));
      expect(parts.size).toBe(built.meshes[region].length);
      for (const [id, p] of parts) {
        const m = new wasm.Manifold(
          new wasm.Mesh({ numProp: 3, vertProperties: p.positions, triVerts: p.indices }),
        );
        expect(m.status(), `${region}/${id}`).toBe('NoError');
        if (!id.startsWith('skin')) expect(m.genus(), `${region}/${id}`).toBe(0);
        m.delete();
      }
    }
  });

  it('fits the triangle budgets', () => {
    for (const region of REGIONS) {
      let total = 0;
      for (const m of built.meshes[region]) {
        const tris = m.indices.length / 3;
        total += tris;
        if (CUT_BONES.includes(m.id)) expect(tris, m.id).toBeLessThanOrEqual(15_000);
      }
      expect(total, region).toBeLessThanOrEqual(150_000);
    }
  });

  it('every landmark lies on or inside its bone', () => {
    for (const region of REGIONS)
      for (const bone of regionBones(region))
        for (const [name, p] of Object.entries(bone.landmarks)) {
          // The knee centre is a construction point in the intercondylar notch, between the condyles.
          const limit = name === 'kneeCentre' ? 12 : bone.soft ? 4 : 1;
          expect(bone.sdf(p[0], p[1], p[2]), `${bone.id}.${name}`).toBeLessThanOrEqual(limit);
        }
  });
});

describe('bone dimensions match an average adult man within 10 % (CLINICAL.md)', () => {
  const near = (value: number, mean: number) => expect(Math.abs(value / mean - 1)).toBeLessThanOrEqual(0.1);
  const lm = (region: Region, bone: string) => regionBones(region).find((b) => b.id === bone)!.landmarks;

  it('first metatarsal: length 56.4, width at the distal metaphysis 13.7, head 15.3', () => {
    const m1 = lm('foot', 'metatarsal1');
    const e = boneExtent(mesh('foot', 'metatarsal1'), m1.base!, m1.head!);
    near(e.length, 56.4);
    near(e.widthAt(0.7), 13.7);
    near(e.widthAtPoint(m1.head!), 15.3);
  });

  it('hallux proximal phalanx 28.0; second metatarsal 5–10 % longer than the first', () => {
    const p1 = lm('foot', 'proximalPhalanx1');
    near(boneExtent(mesh('foot', 'proximalPhalanx1'), p1.base!, p1.head!).length, 28.0);
    const m1 = lm('foot', 'metatarsal1');
    const m2 = lm('foot', 'metatarsal2');
    const ratio =
      boneExtent(mesh('foot', 'metatarsal2'), m2.base!, m2.head!).length /
      boneExtent(mesh('foot', 'metatarsal1'), m1.base!, m1.head!).length;
    expect(ratio).toBeGreaterThan(1.02);
    expect(ratio).toBeLessThan(1.12);
  });

  it('femur: length 436, head 47.6, bicondylar width 85.5', () => {
    const f = lm('knee', 'femur');
    const e = boneExtent(mesh('knee', 'femur'), [0, -100, 0], [0, 100, 0]);
    near(e.length, 436);
    near(e.headDiameter(f.hipCentre!), 47.6);
    near(e.widthBelow(f.kneeCentre![1] + 45, 'x'), 85.5);
  });

  it('tibia: length 390, plateau 79 wide and 50.5 deep', () => {
    const e = boneExtent(mesh('knee', 'tibia'), [0, 100, 0], [0, -100, 0]);
    near(e.length, 390);
    near(e.widthAbove(-25, 'x'), 79);
    near(e.widthAbove(-25, 'z'), 50.5);
  });
});
