import { bandageDesign } from './bandage';
import { burrDesign } from './burr';
import { cementBolusDesign } from './cement-bolus';
import { graftWedgeDesign } from './graft-wedge';
import { kwireDesign, markerDesign, scalpelDesign, stapleDesign } from './hand-tools';
import { INSTRUMENT_MATERIAL_XRAY, type MaterialKind, type XrayDensity } from './materials';
import { chiselDesign, spreaderDesign } from './osteotomy-tools';
import type { PartDesign } from './part';
import { plateDesign, plateHoleFrames, type PlateHoleFrame } from './plate';
import { postOpShoeDesign } from './post-op-shoe';
import { drillDesign, sawDesign } from './power-tools';
import { cannulatedScrewDesign, headlessScrewDesign, lockingScrewDesign } from './screws';
import { byLength, byShape, within, type InstrumentOptions, type SizeSpec } from './sizes';
import { trocarDesign } from './trocar';

/** What the catalogue knows of one kind of instrument or implant. */
export interface CatalogueEntry {
  /** A tool leaves with its step; an implant stays, fixed to a body; a dressing covers the wound. */
  readonly role: 'tool' | 'implant' | 'dressing';
  /** Its working tip (or face) meets bone: each use must name the bone it works on (its target). */
  readonly touchesBone?: boolean;
  /** What it is mostly made of (its moving or working part); each part names its own material. */
  readonly material: MaterialKind;
  /** How a use's length or shape sizes it; missing: it comes in one size. */
  readonly size?: SizeSpec;
  /**
   * Its pieces in its own frame (tip at the origin pointing along +Z, the body towards −Z, up +Y;
   * mm), from the numbers `size` reads.
   */
  readonly build: (size: readonly number[]) => PartDesign[];
}

/** Shortest plate, mm. */
const MIN_PLATE_LENGTH = 40;

/**
 * Every instrument and implant a procedure may use, by kind: how it is built, what it is made of
 * (and so how it looks and shows on X-ray), how it is sized. A new kind is one entry here and its
 * builder.
 */
export const INSTRUMENT_CATALOGUE = {
  marker: { role: 'tool', material: 'plastic', build: markerDesign },
  scalpel: { role: 'tool', material: 'steel', build: scalpelDesign },
  saw: { role: 'tool', touchesBone: true, material: 'steel', build: sawDesign },
  kwire: { role: 'tool', touchesBone: true, material: 'steel', build: kwireDesign },
  drill: { role: 'tool', touchesBone: true, material: 'steel', build: drillDesign },
  cannulatedScrew: {
    role: 'implant',
    touchesBone: true,
    material: 'titanium',
    size: byLength(26),
    build: ([length]) => cannulatedScrewDesign(length!),
  },
  headlessScrew: {
    role: 'implant',
    touchesBone: true,
    material: 'titanium',
    size: byLength(22),
    build: ([length]) => headlessScrewDesign(length!),
  },
  staple: {
    role: 'implant',
    touchesBone: true,
    material: 'titanium',
    // A forefoot staple: [bridge, legs, wire diameter].
    size: byShape(
      [15, 12, 1.2],
      (v) => v.length === 3 && v[2]! > 0 && v[0]! > 4 * v[2]! && v[1]! > 4 * v[2]!,
    ),
    build: ([bridge, legs, wire]) => stapleDesign(bridge, legs, wire),
  },
  lockingScrew: {
    role: 'implant',
    touchesBone: true,
    material: 'titanium',
    size: byLength(40),
    build: ([length]) => lockingScrewDesign(length!),
  },
  plate: {
    role: 'implant',
    touchesBone: true,
    material: 'titanium',
    // [z0, y0, z1, y1, …]: at least two stations with z increasing from 0 at the proximal end; the
    // bone-facing surface's centre line passes through (0, y_i, −z_i), and the plate is 4.5 mm thick
    // from there towards +Y (away from the bone). At least MIN_PLATE_LENGTH long.
    size: byShape(
      [0, 0, 115, 0],
      (v) =>
        v.length >= 4 &&
        v.length % 2 === 0 &&
        v.every((x, i) => i % 2 === 1 || i === 0 || x > v[i - 2]!) &&
        v[v.length - 2]! - v[0]! >= MIN_PLATE_LENGTH,
    ),
    build: plateDesign,
  },
  graftWedge: {
    role: 'implant',
    touchesBone: true,
    material: 'graft',
    // [L, W, h0, h1]: z from −L to 0, x from −W/2 to W/2, symmetric about y = 0, h0 high at z = 0
    // (the hinge end; 0 is a sharp edge) growing linearly to h1 at z = −L.
    size: byShape(
      [40, 20, 1, 10],
      (v) => v.length === 4 && v[0]! > 0 && v[1]! > 0 && v[2]! >= 0 && v[3]! >= 0 && v[2]! + v[3]! > 0,
    ),
    build: ([length, width, h0, h1]) => graftWedgeDesign(length!, width!, h0!, h1!),
  },
  chisel: { role: 'tool', touchesBone: true, material: 'steel', build: chiselDesign },
  spreader: { role: 'tool', touchesBone: true, material: 'steel', build: spreaderDesign },
  burr: { role: 'tool', touchesBone: true, material: 'steel', build: burrDesign },
  trocar: {
    role: 'tool',
    touchesBone: true,
    material: 'steel',
    // [D, L]: a cannula D mm across (10–13 G are 3.4, 3.0, 2.8, 2.4) with its sharp tip at the
    // origin, L mm from the tip to the front face of its handle (at z = −L). An 11 G needle by default.
    size: byShape([3, 120], within([1.5, 5], [60, 200])),
    build: ([diameter, length]) => trocarDesign(diameter!, length!),
  },
  cement: {
    role: 'implant',
    material: 'cement',
    // [V]: a closed blob enclosing V mL (1 mL = 1000 mm³) with its centroid at the origin — the one
    // kind not drawn tip-first.
    size: byShape([1], within([0.05, 60])),
    build: ([volumeMl]) => cementBolusDesign(volumeMl!),
  },
  bandage: {
    role: 'dressing',
    material: 'fabric',
    // [W, H, L]: the forefoot's section, an ellipse W mm across (X) and H mm high (Y) centred on the
    // Z axis, wrapped from z = −L to 0 (the toes towards +Z, dorsal +Y). 3–5 overlapping turns
    // 1.3 mm thick lie 1 mm outside the ellipse, every other one on top of its neighbours: the cloth
    // reaches 3.6 mm outside it (W + 7.2 across, H + 7.2 high). By default an adult forefoot.
    size: byShape([100, 45, 80], within([40, 140], [15, 80], [20, 120])),
    build: ([width, height, length]) => bandageDesign(width!, height!, length!),
  },
  shoe: {
    role: 'dressing',
    material: 'plastic',
    // [L, W, H]: a post-op shoe whose foot bed (y = 0) is L mm long from the heel at z = −L to the
    // toe end at z = 0 and W mm wide (centred on X); its sole is 25 mm thick (down to y = −25). Its
    // straps' inner faces arch up to H mm (the foot's height) above the foot bed, so the shoe's top
    // is H + 2. By default a medium shoe (EU 40–42) for a foot 70 mm high at the instep.
    size: byShape([270, 105, 70], within([150, 320], [60, 140], [30, 120])),
    build: ([length, width, height]) => postOpShoeDesign(length!, width!, height!),
  },
} as const satisfies Readonly<Record<string, CatalogueEntry>>;

type Catalogue = typeof INSTRUMENT_CATALOGUE;

/** A kind of instrument or implant a procedure may name. */
export type InstrumentKind = keyof Catalogue;

/** Every kind in the catalogue. */
export const INSTRUMENT_KINDS = Object.keys(INSTRUMENT_CATALOGUE) as readonly InstrumentKind[];

/** The catalogue entry of a kind, as its common shape. */
export const catalogueEntry = (kind: InstrumentKind): CatalogueEntry => INSTRUMENT_CATALOGUE[kind];

/** The kinds sized the way `By` says. */
type SizedBy<By extends SizeSpec['by']> = {
  [K in InstrumentKind]: Catalogue[K] extends { size: SizeSpec<By> } ? K : never;
}[InstrumentKind];
/** Kinds sized by their length (the screws). */
export type ScrewKind = SizedBy<'length'>;
/** Kinds made to measure from shape numbers. */
export type ShapedKind = SizedBy<'shape'>;

function defaultsOf(by: SizeSpec['by']): Record<string, readonly number[]> {
  return Object.fromEntries(
    INSTRUMENT_KINDS.flatMap((k) => {
      const size = catalogueEntry(k).size;
      return size?.by === by ? [[k, size.default] as const] : [];
    }),
  );
}

/** Default screw lengths, mm. */
export const DEFAULT_SCREW_LENGTH = Object.fromEntries(
  Object.entries(defaultsOf('length')).map(([k, [length]]) => [k, length!]),
) as Readonly<Record<ScrewKind, number>>;
/** Sizes of the made-to-measure kinds when none are given (see each kind's entry). */
export const DEFAULT_SHAPE = defaultsOf('shape') as Readonly<Record<ShapedKind, readonly number[]>>;

/** The material each kind is mostly made of. */
export const INSTRUMENT_MATERIAL_KIND = Object.fromEntries(
  INSTRUMENT_KINDS.map((k) => [k, catalogueEntry(k).material]),
) as Readonly<Record<InstrumentKind, MaterialKind>>;

/** How each kind mostly shows on X-ray (its parts each show as their own material does). */
export const xrayDensityOf = (kind: InstrumentKind): XrayDensity =>
  INSTRUMENT_MATERIAL_XRAY[catalogueEntry(kind).material];

/** Kinds whose working tip meets bone: each use names its target, and a test measures it there. */
export const BONE_TOOLS: ReadonlySet<InstrumentKind> = new Set(
  INSTRUMENT_KINDS.filter((k) => catalogueEntry(k).touchesBone),
);

/** The numbers a kind is built from for these options ([] for a kind of one size). */
export const instrumentSize = (kind: InstrumentKind, options?: InstrumentOptions): readonly number[] =>
  catalogueEntry(kind).size?.read(options) ?? [];

/** Where the holes of a plate built from `shape` are (tool frame), for placing its screws. */
export function plateHoles(shape?: readonly number[]): PlateHoleFrame[] {
  return plateHoleFrames(instrumentSize('plate', { shape }));
}
