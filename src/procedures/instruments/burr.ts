import { MeshBuilder } from './mesh-builder';
import type { PartDesign } from './part';
import { lathe, type ProfilePoint } from './shapes';
import { twistedPrism, type PolarRun } from './threads-and-flutes';

const DEG = Math.PI / 180;

/** Diameter of the cutting part, mm. */
const CUT_DIAMETER = 2;
/** Length of the fluted cutting part, from the tip, mm. */
const CUT_LENGTH = 20;
/** Diameter of the smooth shank behind it (a standard 2.35 mm latch shank), mm. */
const SHANK_DIAMETER = 2.35;
/** Where the handpiece's nose starts, mm from the tip. */
const NOSE = 40;
/** Where the shank ends inside the handpiece, mm from the tip. */
const SHANK_END = 56;
/** Where the handpiece ends, mm from the tip. */
const BACK = 150;
const FLUTES = 6;
/** Axial advance of one flute per turn: a steep spiral, as on a Shannon burr. */
const LEAD = 15;
/** How deep each flute is cut into the 2 mm section, mm. */
const FLUTE_DEPTH = 0.28;

/** The handpiece's outline from its nose back; the first NOSE_RINGS points are the steel nose cone. */
const HANDPIECE: readonly ProfilePoint[] = [
  [1.3, -NOSE],
  [1.9, -(NOSE + 0.4)],
  [1.9, -(NOSE + 5)],
  [4.3, -(NOSE + 18)],
  [4.6, -(NOSE + 20)],
  [4.6, -(NOSE + 22)],
  [5.6, -(NOSE + 24)],
  [6, -(NOSE + 28)],
  [6, -(NOSE + 55)],
  [5.6, -(NOSE + 56)],
  [5.6, -(NOSE + 60)],
  [6, -(NOSE + 61)],
  [6, -(BACK - 12)],
  [5.2, -(BACK - 8)],
  [3.6, -(BACK - 6)],
  [3.6, -(BACK - 0.5)],
  [0, -BACK],
];
const NOSE_RINGS = 6;

/** The fluted cutting part, its rounded tip at the origin, and the smooth shank behind it. */
function burrBit(): MeshBuilder {
  const bit = new MeshBuilder();
  const R = CUT_DIAMETER / 2;
  const pitch = 360 / FLUTES;
  // Each tooth: a narrow land at full radius, then a flute curving down and up to the next edge.
  const tooth = (from: number): PolarRun => [
    [from * DEG, R],
    ...Array.from({ length: 5 }, (_, i) => {
      const s = i / 4;
      return [(from + 12 + (pitch - 12) * s) * DEG, R - FLUTE_DEPTH * Math.sin(Math.PI * s) ** 0.7] as const;
    }),
  ];
  const zs = [0, -0.04, -0.12, -0.25, -0.42, -0.62, -0.85];
  for (let z = -1.1; z > -CUT_LENGTH; z -= LEAD / 12) zs.push(z);
  zs.push(-(CUT_LENGTH - 0.6), -CUT_LENGTH);
  twistedPrism(
    bit,
    Array.from({ length: FLUTES }, (_, k) => tooth(k * pitch)),
    zs.map((z) => {
      // A hemispherical nose, and flutes that run out into the round section at the back.
      const cap = Math.sqrt(Math.max(0, R * R - (R + z) ** 2));
      const depth = Math.min(1, Math.max(0, (z + CUT_LENGTH) / 1.5));
      return {
        z,
        twist: (Math.PI * 2 * z) / LEAD,
        radius: (r: number) => (z < -R ? R - (R - r) * depth : Math.min(r, cap)),
      };
    }),
  );
  const shank = SHANK_DIAMETER / 2;
  lathe(
    bit,
    [
      [R, -CUT_LENGTH],
      [shank, -(CUT_LENGTH + 0.4)],
      [shank, -SHANK_END],
      [0, -SHANK_END],
    ],
    16,
  );
  return bit;
}

/**
 * Shannon-type percutaneous burr: a 2.0 mm cutting part 20 mm long with six right-handed spiral
 * flutes and a rounded tip, a 2.35 mm smooth shank (20 mm of it showing), in a slim low-speed
 * handpiece 12 mm across and 110 mm long with a steel nose cone; 150 mm overall. The bit spins.
 */
export function burrDesign(): PartDesign[] {
  const nose = new MeshBuilder();
  lathe(nose, HANDPIECE.slice(0, NOSE_RINGS), 24);
  const body = new MeshBuilder();
  lathe(body, HANDPIECE.slice(NOSE_RINGS - 1), 24);
  return [
    { mesh: burrBit(), material: 'steel', motion: { kind: 'spin', pivot: [0, 0, 0], axis: 'z' } },
    { mesh: nose, material: 'steel' },
    { mesh: body, material: 'plastic' },
  ];
}
