import { add, cross, normalize, scale, sub, type Vec3 } from '../../anatomy/vec';
import { wedge } from '../../geometry/cutters';
import { between, boneFrame } from '../bone-frame';
import { screwAxis, wireThenScrew, type ScrewLine } from '../fixation';
import type {
  FollowDef,
  MotionDef,
  Params,
  PlanContext,
  ProcedureDef,
  StepContext,
  StepDef,
  ToolTarget,
} from '../types';

/**
 * Where the wedge's first cut lies: this far distal to the phalanx's `base` landmark (the centre of
 * its concave articular surface) along its axis, mm. CLINICAL §1.3 puts the cut in the metaphysis at
 * the base, ~3 mm distal to the flare and at least ~10 mm from the joint line. On the model the
 * base's rim (the joint line on the AP view) lies 1.7 mm proximal to the landmark and the flare ends
 * 5 mm distal to it: 8.5 mm is 10.2 mm from the joint line and 3.5 mm past the flare.
 */
export const AKIN_STATION = 8.5;
/** The cut's level as a tool target: AKIN_STATION of the model's 22 mm from base to head. */
const CUT_LEVEL = { from: 'base', to: 'head', at: AKIN_STATION / 22 } as const;
/** A forefoot staple sized to the base: 12 mm bridge, 10 mm legs, 1.2 mm wire. */
const STAPLE_SHAPE = [12, 10, 1.2] as const;
/**
 * The wedge's apex (the hinge line) lies this far lateral to the lateral cortex as the width gauge
 * sees it (half the width from the axis), mm. It must lie outside the bone: a hinge of intact cortex
 * would leave one piece, and the toe must be a fragment of its own to turn. On the default case the
 * real lateral cortex is 0.2 mm lateral to the half-width, so the apex is ~0.3 mm outside it.
 */
export const HINGE_OUT = 0.5;
/** Dorso-plantar half-height of the wedge: more than the phalanx's (~5 mm at the cut), mm. */
export const HALF_HEIGHT = 12;
/** CLINICAL §1.3: past 20° of wedge the app warns. */
export const AKIN_LIMIT_DEG = 20;

const DEG = 180 / Math.PI;
/** The proximal phalanx's frame on this patient. */
export const pp1 = (ctx: PlanContext) => boneFrame(ctx.landmarks, 'proximalPhalanx1');

/** The centre of the cut section on the phalanx axis (pre-op, region frame). */
export function cutCentre(ctx: PlanContext): Vec3 {
  const f = pp1(ctx);
  return f.at(AKIN_STATION - f.length);
}

/** Medio-lateral width of the proximal phalanx in the slice where the wedge is cut, mm. */
export function akinWidth(ctx: PlanContext): number {
  const f = pp1(ctx);
  return ctx.gauge.width('proximalPhalanx1', cutCentre(ctx), f.axis, f.medial);
}

/** The wedge's angle, degrees: 2·atan(base / (2·width)) (CLINICAL §1.3). */
export function akinAngle(ctx: PlanContext): number {
  return 2 * Math.atan(Number(ctx.params.wedge) / (2 * akinWidth(ctx))) * DEG;
}

/** A point on the hinge line: at the lateral cortex, level with the cut's centre. */
export function akinHinge(ctx: PlanContext): Vec3 {
  return add(cutCentre(ctx), scale(pp1(ctx).medial, -(akinWidth(ctx) / 2 + HINGE_OUT)));
}

/** Direction of the second (converging) cut from the hinge: the first cut's medial direction turned distally. */
function secondCutDir(ctx: PlanContext): Vec3 {
  const f = pp1(ctx);
  return between(f.medial, f.axis, akinAngle(ctx));
}

/** The wedge as one convex piece: apex on the hinge, first face ⟂ the axis, second face converging. */
export function akinWedge(ctx: PlanContext) {
  const f = pp1(ctx);
  return wedge(akinHinge(ctx), f.dorsal, f.medial, secondCutDir(ctx), akinWidth(ctx) + 10, HALF_HEIGHT);
}

/** A view of the base of the phalanx from medial and above, like a surgeon's over the wound. */
export function baseView(ctx: StepContext, distance = 110, fromDorsal = 0.7) {
  const f = pp1(ctx);
  return {
    target: ctx.placed('akinBase', cutCentre(ctx)),
    from: add(add(f.medial, scale(f.dorsal, fromDorsal)), scale(f.axis, 0.25)),
    distance,
  };
}

/** A direction of the pre-op frame carried by a body's final placement. */
export function placedDir(ctx: StepContext, body: string, at: Vec3, d: Vec3): Vec3 {
  return normalize(sub(ctx.placed(body, add(at, d)), ctx.placed(body, at)));
}

/** Staple: bridge on the medial cortex across the closed osteotomy, legs driven laterally. */
function staplePose(ctx: StepContext) {
  const f = pp1(ctx);
  const w = akinWidth(ctx);
  // The bridge (wire 0.6 mm) rests on the medial cortex, slightly dorsal, 0.4 mm proud of it; its
  // middle 1 mm distal to the first cut, so the proximal leg keeps ~4 mm of bone from the joint.
  const centre = add(cutCentre(ctx), scale(f.axis, 1));
  const bridge = add(centre, add(scale(f.medial, w / 2 + 1), scale(f.dorsal, 1.5)));
  const tip = add(bridge, scale(f.medial, -STAPLE_SHAPE[1]));
  return {
    tip: ctx.placed('akinBase', tip),
    direction: placedDir(ctx, 'akinBase', tip, scale(f.medial, -1)),
    up: placedDir(ctx, 'akinBase', tip, f.dorsal),
  };
}

/** Screw: from the medial cortex of the toe fragment, across the osteotomy into the lateral base. */
export function screwLine(ctx: StepContext): ScrewLine {
  const f = pp1(ctx);
  const w = akinWidth(ctx);
  const entry = ctx.placed('akinToe', f.at(AKIN_STATION + 8 - f.length, 1, w / 2));
  const target = ctx.placed('akinBase', f.at(AKIN_STATION - 4 - f.length, 0, -w / 2 + 1));
  return { entry, target };
}

const stapleStep: StepDef = {
  id: 'staple',
  duration: 4,
  camera: (ctx) => baseView(ctx, 100, 0.5),
  implants: [
    {
      id: 'staple',
      kind: 'staple',
      fixedTo: 'akinToe',
      target: { part: 'proximalPhalanx1', station: { ...CUT_LEVEL, within: 3 }, within: 0 },
      shape: () => STAPLE_SHAPE,
      path: (ctx, p) => {
        const s = staplePose(ctx);
        // Brought in from medial, then tapped home over the second half of the step.
        const out = 14 * (1 - Math.min(1, p * 1.6));
        return { ...s, tip: add(s.tip, scale(s.direction, -out)) };
      },
    },
  ],
};

const screwStep: StepDef = {
  id: 'screw',
  duration: 5,
  camera: (ctx) => baseView(ctx, 100, 0.6),
  // Its tip in the lateral base, proximal to the cut.
  ...wireThenScrew('screw', 'headlessScrew', 'akinToe', screwLine, {
    part: 'proximalPhalanx1',
    side: 'lateral',
    station: { from: 'base', to: 'head', at: (AKIN_STATION - 4) / 22, within: 3 },
  }),
};

/** Each saw pass ends with the blade's tip at the hinge: the lateral cortex at the cut's level. */
const SAW_TARGET: ToolTarget = {
  part: 'proximalPhalanx1',
  side: 'lateral',
  station: { ...CUT_LEVEL, within: 2 },
};

/** A saw pass along one face of the wedge: from outside the medial cortex to the hinge. */
function sawAlong(ctx: StepContext, dir: Vec3, p: number) {
  const f = pp1(ctx);
  const hinge = akinHinge(ctx);
  const reach = akinWidth(ctx) + HINGE_OUT + 4;
  const at = add(hinge, scale(dir, reach * (1 - p)));
  return {
    tip: ctx.placed('akinBase', at),
    direction: placedDir(ctx, 'akinBase', at, scale(dir, -1)),
    up: placedDir(ctx, 'akinBase', at, normalize(cross(dir, f.dorsal))),
  };
}

/** The toe turning medially about the lateral hinge until the wedge is closed (however it was cut). */
export const closeWedge: MotionDef = {
  id: 'close',
  body: 'akinToe',
  kind: 'rotate',
  // About the dorsal direction, a positive turn takes the distal axis towards medial.
  direction: (ctx) => pp1(ctx).dorsal,
  pivot: akinHinge,
  amount: akinAngle,
};

/** The base and the toe move with the phalanx until the wedge closes; the distal phalanx with the toe. */
export const AKIN_FOLLOWS: readonly FollowDef[] = [
  { body: 'akinBase', follows: 'proximalPhalanx1' },
  { body: 'akinToe', follows: 'proximalPhalanx1' },
  { body: 'distalPhalanx1', follows: 'akinToe' },
];

/**
 * The Akin procedure with one fixation. The implant's kind is fixed in a step definition and the
 * contract gives steps no access to the parameters, so the `fixation` choice picks one of two
 * definitions: `akin` (staple, the default) or `akinWith('screw')`.
 */
export function akinWith(fixation: 'staple' | 'screw'): ProcedureDef {
  return {
    id: 'akin',
    region: 'foot',
    // CLINICAL §1.3 gives no aftercare of its own (the Akin is usually combined): no timeline.
    references: [18, 19, 20, 21, 22, 30, 71],
    icon: 'M3 9h7l2 3-2 3H3M13 9h8v6h-8l1-3z',
    readouts: { 'wedge-angle': { value: 'angle', unit: '°' } },
    variant: akinVariant,
    params: [
      {
        id: 'wedge',
        kind: 'number',
        unit: 'mm',
        default: 3,
        min: 1,
        max: 4,
        step: 0.5,
        // 20° needs a 4.4 mm base on the 12.4 mm phalanx of the model, past the range's 4 mm; the
        // schema wants the limit inside the range, so the warning sits at its top (see the report).
        limit: { above: 4, warning: 'proc.akin.warn.wedge' },
        recut: true,
      },
      { id: 'fixation', kind: 'choice', values: ['staple', 'screw'], default: 'staple', recut: false },
    ],
    cuts: [
      {
        id: 'wedge',
        bone: 'proximalPhalanx1',
        cutter: (ctx) => [akinWedge(ctx)],
        fragments: [
          { id: 'akinBase', probe: (ctx) => add(pp1(ctx).base, scale(pp1(ctx).axis, 3)), holds: ['base'] },
          { id: 'akinToe', probe: (ctx) => pp1(ctx).at(-3), holds: ['head'] },
        ],
      },
    ],
    motions: [closeWedge],
    follows: AKIN_FOLLOWS,
    steps: [
      {
        id: 'incision',
        phase: 'open',
        duration: 3,
        skin: true,
        camera: (ctx) => baseView(ctx, 130, 0.6),
        instruments: [
          {
            id: 'scalpel',
            kind: 'scalpel',
            path: (ctx, p) => {
              const f = pp1(ctx);
              const w = akinWidth(ctx);
              // 25 mm dorsomedial, over the base of the phalanx.
              const tip = f.at(-f.length - 3 + 25 * p, 4, w / 2 + 2.5);
              const into = normalize(add(scale(f.medial, -0.8), scale(f.dorsal, -0.6)));
              return {
                tip: ctx.placed('akinBase', tip),
                direction: placedDir(ctx, 'akinBase', tip, into),
                up: placedDir(ctx, 'akinBase', tip, f.axis),
              };
            },
          },
        ],
      },
      {
        id: 'exposure',
        phase: 'open',
        duration: 3,
        camera: (ctx) => baseView(ctx, 115, 0.6),
        instruments: [
          {
            id: 'scalpel',
            kind: 'scalpel',
            path: (ctx, p) => {
              const f = pp1(ctx);
              const w = akinWidth(ctx);
              const tip = f.at(-f.length + 1 + 18 * p, 2, w / 2 + 0.8);
              const into = scale(f.medial, -1);
              return {
                tip: ctx.placed('akinBase', tip),
                direction: placedDir(ctx, 'akinBase', tip, into),
                up: placedDir(ctx, 'akinBase', tip, f.axis),
              };
            },
          },
        ],
      },
      {
        id: 'first-cut',
        duration: 4,
        camera: (ctx) => baseView(ctx, 100, 0.9),
        instruments: [
          {
            id: 'saw',
            kind: 'saw',
            action: 'oscillate',
            target: SAW_TARGET,
            path: (ctx, p) => sawAlong(ctx, pp1(ctx).medial, p),
          },
        ],
      },
      {
        id: 'second-cut',
        duration: 4,
        camera: (ctx) => baseView(ctx, 100, 0.9),
        cuts: ['wedge'],
        instruments: [
          {
            id: 'saw',
            kind: 'saw',
            action: 'oscillate',
            target: SAW_TARGET,
            path: (ctx, p) => sawAlong(ctx, secondCutDir(ctx), p),
          },
        ],
      },
      { id: 'wedge-removed', duration: 2.5, camera: (ctx) => baseView(ctx, 90, 1.6) },
      { id: 'close', duration: 4, camera: (ctx) => baseView(ctx, 110, 2.2), plays: ['close'] },
      fixation === 'staple' ? stapleStep : screwStep,
      { id: 'closure', phase: 'close', duration: 3, skin: true, camera: (ctx) => baseView(ctx, 150, 1) },
    ],
    captionValues: (ctx) => ({
      wedgeMm: Number(ctx.params.wedge),
      widthMm: akinWidth(ctx),
      angle: akinAngle(ctx),
      screwMm: Math.round(screwAxis(screwLine(ctx)).length),
    }),
  };
}

/** The Akin closing-wedge osteotomy of the proximal phalanx, fixed with a staple. */
export const akin: ProcedureDef = akinWith('staple');

let screwed: ProcedureDef | undefined;
/** The implant a step places is fixed in its definition: the `fixation` choice picks the definition. */
function akinVariant(params: Params): ProcedureDef {
  return params.fixation === 'screw' ? (screwed ??= akinWith('screw')) : akin;
}

/** The picker lists the procedures by this number, lowest first. */
export const order = 3;
/** The definition the registry offers (the variants come from its parameters). */
export const procedure: ProcedureDef = akin;
