import { MeshBuilder } from './mesh-builder';
import type { PartDesign } from './part';
import { lathe, slab, tube, type Point2 } from './shapes';

const rect = (u0: number, u1: number, v0: number, v1: number): Point2[] => [
  [u0, v0],
  [u1, v0],
  [u1, v1],
  [u0, v1],
];

/** Points of a circle in a plane, mm. */
const circle = (cu: number, cv: number, r: number, steps: number): Point2[] =>
  Array.from({ length: steps }, (_, i) => {
    const a = (2 * Math.PI * i) / steps;
    return [cu + r * Math.cos(a), cv + r * Math.sin(a)] as const;
  });

/**
 * Flat osteotome for opening an osteotomy: a 20 mm wide (X), 1.5 mm thick (Y) blade 110 mm long
 * with a single bevel to a sharp edge at the tip (its flat side −Y), etched depth marks every 10 mm
 * on its +Y face, an 8 mm round shank, a plastic grip and a 25 mm steel impaction cap; 200 mm.
 */
export function chiselDesign(): PartDesign[] {
  const steel = new MeshBuilder();
  const half = 0.75;
  const bevel = 6;
  slab(
    steel,
    [
      [0, -half],
      [0, -half + 0.12],
      [-bevel, half],
      [-bevel, -half],
    ],
    -10,
    10,
    'zy',
  );
  slab(
    steel,
    [
      [-bevel, -10],
      [-110, -10],
      [-118, -4],
      [-118, 4],
      [-110, 10],
      [-bevel, 10],
    ],
    -half,
    half,
    'zx',
    20,
  );
  const seg = 24;
  lathe(
    steel,
    [
      [0, -114],
      [4, -114],
      [4, -140],
    ],
    seg,
  );
  lathe(
    steel,
    [
      [9.5, -188],
      [12.5, -189],
      [12.5, -197],
      [11.5, -200],
      [0, -200],
    ],
    seg,
  );
  const plastic = new MeshBuilder();
  lathe(
    plastic,
    [
      [4, -140],
      [8.5, -143],
      [10.5, -150],
      [9.5, -165],
      [11, -180],
      [11, -186],
      [9.5, -188],
    ],
    seg,
    true,
  );
  for (let z = -10; z >= -80; z -= 10) {
    const w = z % 50 === 0 ? 9 : 6;
    slab(plastic, rect(z - 0.25, z + 0.25, -w, w), half, half + 0.04, 'zx');
  }
  return [
    { mesh: steel, material: 'steel' },
    { mesh: plastic, material: 'plastic' },
  ];
}

/**
 * Bone spreader: two jaws 12 mm wide (X), 25 mm long, each 3 mm thick, closed against each other
 * across y = 0 and thinning to a blunt edge at the tip; scissor arms crossing at a pivot 60 mm back,
 * so that squeezing the handles (which part along ±Y) opens the jaws; 190 mm.
 */
export function spreaderDesign(): PartDesign[] {
  const b = new MeshBuilder();
  const jaw: Point2[] = [
    [0, 0.05],
    [0, 1],
    [-8, 3],
    [-25, 3],
    [-25, 0.05],
  ];
  for (const sign of [1, -1]) {
    slab(
      b,
      jaw.map(([z, y]) => [z, sign * y] as const),
      -6,
      6,
      'zy',
    );
    // Each arm runs from its jaw through the pivot to the handle on the other side.
    const x = 2.5 * sign;
    tube(
      b,
      [
        { at: [x, 1.5 * sign, -23], r: 1.4 },
        { at: [x, 1.5 * sign, -42], r: 2.2 },
        { at: [x, 0, -60], r: 2.5 },
        { at: [x, -6 * sign, -80], r: 2.5 },
        { at: [x, -22 * sign, -150], r: 3 },
        { at: [x, -25 * sign, -188], r: 3 },
        { at: [x, -25 * sign, -190], r: 2 },
      ],
      12,
      [1, 0, 0],
    );
  }
  slab(b, circle(-60, 0, 3.5, 16), -5.5, 5.5, 'zy');
  return [{ mesh: b, material: 'steel' }];
}
