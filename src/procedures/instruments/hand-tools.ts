import { MeshBuilder } from './mesh-builder';
import type { PartDesign } from './part';
import { arc, disc, lathe, slab, trocarPoint, tube, type Point2, type TubeStation } from './shapes';

/** Skin marker: fine felt nib, tapered plastic grip, 10 mm barrel, posted cap with a pocket clip; 120 mm. */
export function markerDesign(): PartDesign[] {
  const b = new MeshBuilder();
  const seg = 24;
  lathe(
    b,
    [
      [0, 0],
      [0.3, -0.08],
      [0.5, -0.4],
      [0.6, -1],
    ],
    seg,
    true,
  );
  lathe(
    b,
    [
      [0.6, -1],
      [0.6, -2.5],
      [1.3, -3],
      [1.3, -5.5],
      [3, -6.5],
      [4.6, -16],
      [5, -18],
      [5, -86],
      [5.45, -86.4],
      [5.45, -117],
    ],
    seg,
  );
  lathe(
    b,
    [
      [5.45, -117],
      [5.25, -118.9],
      [4.3, -119.8],
      [0, -120],
    ],
    seg,
    true,
  );
  const clip: Point2[] = [[-116, -1.3], [-116, 1.3], ...arc(-94, 0, 1.3, 90, -90, 6)];
  slab(b, clip, 5.3, 6.1, 'zx');
  return [{ mesh: b, material: 'plastic' }];
}

/**
 * Scalpel: a No. 15 blade (small convex belly, straight spine) on a flat No. 3 handle; 140 mm.
 * The blade's flat faces are normal to ±X; its cutting edge faces −Y, its spine +Y.
 */
export function scalpelDesign(): PartDesign[] {
  const b = new MeshBuilder();
  const blade: Point2[] = [
    [0, 0],
    [-0.5, -0.6],
    [-1.6, -1.5],
    [-3.5, -2.6],
    [-6, -3.4],
    [-9, -3.7],
    [-13, -3.4],
    [-16, -2.6],
    [-34, -2.6],
    [-35.5, -1.5],
    [-35.5, 1.5],
    [-34, 2],
    [-18, 2],
    [-10, 1.6],
    [-4, 0.9],
  ];
  slab(b, blade, -0.2, 0.2, 'zy', 20);
  // The bayonet fitment shows through the blade's slot as a ridge on both faces.
  const fitment: Point2[] = [
    [-17.5, -1.2],
    [-17.5, 0.8],
    [-32, 1],
    [-32, -1.6],
  ];
  slab(b, fitment, -0.6, 0.6, 'zy');
  const yc = -0.8;
  const handle: Point2[] = [
    [-31, -2.4],
    [-31, 1.2],
    [-40, 3.6],
    [-48, 3.9],
    ...arc(-135.3, yc, 4.7, 90, 270, 12),
    [-48, -5.5],
    [-40, -5],
  ];
  slab(b, handle, -1.3, 1.3, 'zy');
  return [{ mesh: b, material: 'steel' }];
}

/** Guide K-wire: 1.6 mm, 120 mm, with a three-facet trocar point 3 mm long. */
export function kwireDesign(): PartDesign[] {
  const b = new MeshBuilder();
  const r = 0.8;
  const length = 120;
  const samples = 48;
  trocarPoint(b, r, 3, -length, samples);
  disc(b, -length, r, 0, samples, -1);
  return [{ mesh: b, material: 'steel', motion: { kind: 'spin', pivot: [0, 0, 0], axis: 'z' } }];
}

/**
 * Compression staple: a 15 mm bridge along X and two 12 mm legs of 1.2 mm wire pointing along +Z,
 * the tip (origin) midway between the leg points; the staple lies in the XZ plane.
 */
export function stapleDesign(bridge = 15, leg = 12, wireDiameter = 1.2): PartDesign[] {
  const b = new MeshBuilder();
  const wire = wireDiameter / 2;
  const legX = bridge / 2 - wire;
  const bend = 3 * wire;
  const path: TubeStation[] = [];
  const legStations = (x: number): TubeStation[] => [
    { at: [x, 0, 0], r: 0 },
    { at: [x, 0, -0.5 * wire], r: 0.53 * wire },
    { at: [x, 0, -2.2 * wire], r: wire },
    { at: [x, 0, -leg + bend], r: wire },
  ];
  path.push(...legStations(-legX));
  for (const [u, v] of arc(-legX + bend, -leg + bend, bend, 180, 270, 5).slice(1))
    path.push({ at: [u, 0, v], r: wire });
  for (const [u, v] of arc(legX - bend, -leg + bend, bend, 270, 360, 5).slice(0, -1))
    path.push({ at: [u, 0, v], r: wire });
  path.push(...legStations(legX).reverse());
  tube(b, path, 12, [0, 1, 0]);
  return [{ mesh: b, material: 'titanium' }];
}
