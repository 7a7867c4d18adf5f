import { MeshBuilder } from './mesh-builder';
import type { PartDesign } from './part';
import { disc, lathe, slab, type Point2, type ProfilePoint } from './shapes';
import { twistedPrism, type PolarRun } from './threads-and-flutes';

const DEG = Math.PI / 180;

function roundedRect(u0: number, u1: number, halfV: number, steps: number): Point2[] {
  const r = halfV;
  const pts: Point2[] = [];
  for (let i = 0; i <= steps; i++) {
    const a = -90 + (180 * i) / steps;
    pts.push([u1 - r + r * Math.cos(a * DEG), r * Math.sin(a * DEG)]);
  }
  for (let i = 0; i <= steps; i++) {
    const a = 90 + (180 * i) / steps;
    pts.push([u0 + r + r * Math.cos(a * DEG), r * Math.sin(a * DEG)]);
  }
  return pts;
}

/**
 * The pen-grip motor body shared by the saw and the drill: 18 mm across, a grip groove, a switch on
 * top (+Y) and a cable boot; it starts at z0 with radius 6 and runs 100 mm back.
 */
function handPiece(b: MeshBuilder, z0: number): void {
  const body: ProfilePoint[] = [
    [6, z0],
    [9, z0 - 8],
    [9, z0 - 14],
    [8.4, z0 - 14.6],
    [8.4, z0 - 17.4],
    [9, z0 - 18],
    [9, z0 - 86],
    [8.2, z0 - 89],
    [4.2, z0 - 91],
    [4.2, z0 - 99.6],
    [0, z0 - 100],
  ];
  lathe(b, body, 28);
  slab(b, roundedRect(z0 - 40, z0 - 24, 2.6, 4), 8.3, 9.7, 'zx');
}

/**
 * Oscillating micro-saw: a 25 × 9 × 0.4 mm blade with a row of small teeth on its front edge,
 * flat faces normal to ±Y, swinging about Y at its hub inside the hand-piece's nose.
 */
export function sawDesign(): PartDesign[] {
  const blade = new MeshBuilder();
  const half = 4.5;
  const toothDepth = 0.7;
  const outline: Point2[] = [];
  for (let k = 0; k < 9; k++) outline.push([-toothDepth, -half + k], [0, -half + k + 0.5]);
  outline.push([-toothDepth, half], [-18, half], [-22, 3.2]);
  for (let i = 0; i <= 10; i++) {
    const a = (90 + 18 * i) * DEG;
    outline.push([-27 + 3.2 * Math.cos(a), 3.2 * Math.sin(a)]);
  }
  outline.push([-22, -3.2], [-18, -half]);
  slab(blade, outline, -0.2, 0.2, 'zx');

  const body = new MeshBuilder();
  lathe(
    body,
    [
      [0, -25],
      [4, -25],
      [5, -26.5],
      [5.2, -33],
      [6, -36],
    ],
    28,
  );
  handPiece(body, -36);
  return [
    { mesh: blade, material: 'steel', motion: { kind: 'oscillate', pivot: [0, 0, -27], axis: 'y' } },
    { mesh: body, material: 'plastic' },
  ];
}

/**
 * Cannulated 2.7 mm drill bit (1.3 mm cannula, 118° point, two right-handed flutes over 40 mm, 60 mm
 * out of the chuck) in a hand-piece like the saw's.
 */
export function drillDesign(): PartDesign[] {
  const bit = new MeshBuilder();
  const R = 2.7 / 2;
  const cannula = 0.65;
  const web = 0.88;
  const lead = (Math.PI * 2.7) / Math.tan(30 * DEG);
  const fluteEnd = -40;
  const land = (from: number): PolarRun => [-35, 0, 35].map((d) => [(from + d) * DEG, R] as const);
  const flute = (from: number): PolarRun =>
    Array.from({ length: 7 }, (_, i) => {
      const s = i / 6;
      return [(from + 35 + 110 * s) * DEG, R - (R - web) * Math.sin(Math.PI * s) ** 0.8] as const;
    });
  const zs = [0, -0.08, -0.18, -0.32, -0.5, -0.75];
  for (let z = -1.1; z > fluteEnd; z -= lead / 12) zs.push(z);
  zs.push(fluteEnd);
  const pointSlope = Math.tan(59 * DEG);
  twistedPrism(
    bit,
    [land(0), flute(0), land(180), flute(180)],
    zs.map((z) => {
      const depth = Math.min(1, Math.max(0, (z - fluteEnd) / 3));
      const cone = cannula + -z * pointSlope;
      return {
        z,
        twist: (Math.PI * 2 * z) / lead,
        radius: (r: number) => Math.min(R - (R - r) * depth, cone),
      };
    }),
  );
  lathe(
    bit,
    [
      [R, fluteEnd],
      [R, -68],
    ],
    20,
  );
  lathe(
    bit,
    [
      [cannula, -3],
      [cannula, 0],
    ],
    12,
  );
  disc(bit, -3, cannula, 0, 12, 1);

  const chuck = new MeshBuilder();
  lathe(
    chuck,
    [
      [1.4, -60],
      [2.6, -60],
      [4.2, -62.5],
      [4.2, -70],
      [5.6, -71],
      [5.6, -77],
      [6, -78],
    ],
    28,
  );
  const body = new MeshBuilder();
  handPiece(body, -78);
  return [
    { mesh: bit, material: 'steel', motion: { kind: 'spin', pivot: [0, 0, 0], axis: 'z' } },
    { mesh: chuck, material: 'steel' },
    { mesh: body, material: 'plastic' },
  ];
}
