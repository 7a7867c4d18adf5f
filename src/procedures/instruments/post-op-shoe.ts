import { ribbon, type RibbonStation } from './bandage';
import { MeshBuilder } from './mesh-builder';
import type { PartDesign } from './part';
import { slab, type Point2 } from './shapes';

type Vec3 = readonly [number, number, number];

/** The rigid sole's thickness below the foot bed, mm. */
const SOLE = 25;
/** Velcro straps: width along the foot and thickness, mm. */
const STRAP = { width: 30, thickness: 2 } as const;
/** The doubled-back Velcro tab on each strap's outer (+X) side: thickness, mm, and span of the arch (0 at +X, 1 at −X). */
const TAB = { thickness: 1.5, from: 0.14, to: 0.36 } as const;
/**
 * The straps, toe first: their middle as a fraction of the length back from the toe, and how high
 * their inner face arches as a fraction of H. Over the metatarsal heads, the midfoot and the instep,
 * so each follows the foot's rise towards the ankle.
 */
const STRAPS = [
  { at: 0.27, crest: 0.6 },
  { at: 0.47, crest: 0.85 },
  { at: 0.66, crest: 1 },
] as const;
/** Stations along each strap's arch. */
const ARCH_SEGMENTS = 24;
/** Exponent of the arch's superellipse: above 2 squares it off like the foot's section. */
const ARCH_POWER = 2.5;
/** Exponent of the toe's superellipse: a broad, squarish toe box rather than a pointed one. */
const TOE_POWER = 3;
/** The heel counter: wall thickness, mm, and how far forward it reaches, as a fraction of the length. */
const COUNTER = { thickness: 3, reach: 0.24 } as const;

const smoothstep = (x: number): number => {
  const t = Math.min(1, Math.max(0, x));
  return t * t * (3 - 2 * t);
};

/**
 * The foot bed's outline: a round heel 0.76 W across widening over the midfoot to the full width
 * W, which it keeps to a broad, squarish rounded toe.
 */
function outline(length: number, width: number) {
  const half = width / 2;
  const heel = 0.38 * width;
  const toe = 0.35 * width;
  const zHeel = -length + heel;
  const zFull = -0.4 * length;
  /** Half-width of the foot bed at z (−length ≤ z ≤ 0). */
  const halfWidth = (z: number): number => {
    if (z <= zHeel) return Math.sqrt(Math.max(0, heel * heel - (z - zHeel) ** 2));
    if (z <= zFull) return heel + (half - heel) * smoothstep((z - zHeel) / (zFull - zHeel));
    if (z <= -toe) return half;
    return half * Math.max(0, 1 - ((z + toe) / toe) ** TOE_POWER) ** (1 / TOE_POWER);
  };
  // The +X side from the toe back to the heel as (z, x); the −X side mirrors it.
  const side: Point2[] = [];
  const squarish = (v: number) => Math.abs(v) ** (2 / TOE_POWER);
  for (let k = 9; k >= 0; k--) {
    const a = (Math.PI / 2) * (k / 10);
    side.push([-toe * (1 - squarish(Math.sin(a))), half * squarish(Math.cos(a))]);
  }
  for (let j = 1; j < 12; j++) {
    const z = -toe + ((zHeel + toe) * j) / 12;
    side.push([z, halfWidth(z)]);
  }
  for (let k = 0; k < 8; k++) {
    const a = (Math.PI / 2) * (k / 8);
    side.push([-length + heel * (1 - Math.sin(a)), heel * Math.cos(a)]);
  }
  const points: Point2[] = [
    [0, 0],
    ...side,
    [-length, 0],
    ...side.reverse().map(([z, x]): Point2 => [z, -x]),
  ];
  return { points, halfWidth };
}

/** One strap arching over the foot from side to side in the plane z = zc; `tab` adds its Velcro tab. */
function strap(
  b: MeshBuilder,
  zc: number,
  halfSpan: number,
  crest: number,
  width: number,
  tab: boolean,
): void {
  const a = halfSpan - STRAP.thickness;
  const stations = Array.from({ length: ARCH_SEGMENTS + 1 }, (_, k): RibbonStation => {
    const angle = (Math.PI * k) / ARCH_SEGMENTS;
    const cos = Math.cos(angle);
    const sin = Math.max(0, Math.sin(angle));
    const x = a * Math.sign(cos) * Math.abs(cos) ** (2 / ARCH_POWER);
    const y = crest * sin ** (2 / ARCH_POWER);
    // The gradient of |x/a|^p + |y/c|^p: square to the arch, horizontal where it meets the foot bed.
    const nx = (Math.sign(x) * Math.abs(x / a) ** (ARCH_POWER - 1)) / a;
    const ny = (y / crest) ** (ARCH_POWER - 1) / crest;
    const l = Math.hypot(nx, ny);
    return { at: [x, y, zc], normal: [nx / l, ny / l, 0], width };
  });
  ribbon(b, stations, [0, 0, 1], STRAP.thickness, false);
  if (!tab) return;
  const first = Math.round(TAB.from * ARCH_SEGMENTS);
  const last = Math.round(TAB.to * ARCH_SEGMENTS);
  const over = stations.slice(first, last + 1).map((s): RibbonStation => ({
    at: [s.at[0] + s.normal[0] * STRAP.thickness, s.at[1] + s.normal[1] * STRAP.thickness, zc],
    normal: s.normal,
    width: width - 6,
  }));
  ribbon(b, over, [0, 0, 1], TAB.thickness, false);
}

/**
 * Plain post-operative shoe worn after forefoot surgery: a flat rigid sole 25 mm thick (y from −25
 * to 0) under a foot bed `length` mm long (z from −length at the heel to 0 at the toe) and `width`
 * mm wide (X, centred), with three Velcro straps 30 mm wide and 2 mm thick arching over the foot
 * from side to side (the highest's inner face `height` mm above the foot bed, the foot's own height)
 * and a low heel counter round the back. Open at the toe, like the real thing.
 */
export function postOpShoeDesign(length: number, width: number, height: number): PartDesign[] {
  const { points, halfWidth } = outline(length, width);
  const sole = new MeshBuilder();
  slab(sole, points, -SOLE, 0, 'zx');

  const upper = new MeshBuilder();
  const strapWidth = Math.min(STRAP.width, 0.17 * length);
  for (const s of STRAPS) {
    const zc = -s.at * length;
    // Never wider than the sole under either of its edges.
    const span = Math.min(halfWidth(zc - strapWidth / 2), halfWidth(zc + strapWidth / 2));
    strap(upper, zc, span, s.crest * height, strapWidth, true);
  }

  // The heel counter stands on the foot bed's rim, its outer face flush with the sole's edge,
  // highest at the back and falling away towards its front ends.
  const tall = Math.min(45, Math.max(20, 0.5 * height));
  const front = -length * (1 - COUNTER.reach);
  const rim = points.filter(([z]) => z <= front);
  const counter = rim.map((p, i): RibbonStation => {
    const prev = rim[Math.max(0, i - 1)]!;
    const next = rim[Math.min(rim.length - 1, i + 1)]!;
    // Outward: square to the rim, away from the middle of the foot bed.
    let nz = -(next[1] - prev[1]);
    let nx = next[0] - prev[0];
    if (nz * (p[0] + length / 2) + nx * p[1] < 0) [nz, nx] = [-nz, -nx];
    const l = Math.hypot(nz, nx);
    const normal: Vec3 = [nx / l, 0, nz / l];
    const h = tall * (1 - 0.65 * ((p[0] + length) / (front + length)) ** 2);
    const t = COUNTER.thickness;
    return { at: [p[1] - normal[0] * t, h / 2, p[0] - normal[2] * t], normal, width: h };
  });
  ribbon(upper, counter, [0, 1, 0], COUNTER.thickness, false);

  return [
    { mesh: sole, material: 'plastic' },
    { mesh: upper, material: 'fabric' },
  ];
}
