import { MeshBuilder } from './mesh-builder';
import type { PartDesign } from './part';
import { arc, lathe, slab, trocarPoint, type Point2 } from './shapes';

const SEGMENTS = 36;
/** The T-handle: its width across (X), thickness along the needle (Z) and height (Y), mm. */
const HANDLE = { width: 70, thickness: 20, height: 18 } as const;

/**
 * Bone-access needle for vertebroplasty or cementoplasty: a steel cannula `diameter` mm across
 * whose stylet ends in a three-facet (diamond) point at the origin, `length` mm from the tip to the
 * front face of a plastic T-handle 70 mm wide (X), 20 mm thick (Z) and 18 mm high (Y), with a
 * Luer cap behind it where the cement syringe connects once the stylet is out.
 */
export function trocarDesign(diameter: number, length: number): PartDesign[] {
  const needle = new MeshBuilder();
  const R = diameter / 2;
  const stylet = 0.8 * R;
  const tipLength = 1.4 * diameter;
  const bevel = tipLength + 0.6;
  trocarPoint(needle, stylet, tipLength, -bevel, SEGMENTS);
  // The cannula's chamfered front edge, then its wall running into the handle.
  lathe(
    needle,
    [
      [stylet, -bevel],
      [R, -(bevel + 0.6)],
      [R, -(length + 2)],
      [0, -(length + 2)],
    ],
    SEGMENTS,
  );

  const handle = new MeshBuilder();
  const { width, thickness, height } = HANDLE;
  const r = thickness / 2;
  const zc = -length - r;
  const straight = width / 2 - r;
  const outline: Point2[] = [...arc(zc, straight, r, 0, 180, 10), ...arc(zc, -straight, r, 180, 360, 10)];
  slab(handle, outline, -height / 2, height / 2, 'zx');
  const back = length + thickness;
  lathe(
    handle,
    [
      [4, -back],
      [4, -(back + 4)],
      [3, -(back + 6)],
      [0, -(back + 6)],
    ],
    16,
  );
  return [
    { mesh: needle, material: 'steel' },
    { mesh: handle, material: 'plastic' },
  ];
}
