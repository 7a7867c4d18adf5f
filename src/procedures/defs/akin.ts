/**
 * The Akin closing-wedge osteotomy of the proximal phalanx (CLINICAL §1.3): a medially based wedge
 * at the base, closed about a lateral hinge, fixed with a staple or a screw; in a percutaneous
 * sitting (./akin/percutaneous.ts) the same wedge cut with the burr through a portal.
 */
import { add, normalize, scale, type Vec3 } from '../../anatomy/vec';
import { carriedWith } from '../kit/placed';
import { pointOf, type BoneFrame } from '../kit/bone-frame';
import { screwAxis } from '../kit/fixation';
import { keyedMemo } from '../kit/memo';
import type { Params, ProcedureDef, StepContext } from '../types';
import { AKIN_SOURCES } from './akin/sources';
import { percutaneousAkinWith, percutaneousChoices } from './akin/percutaneous';
import {
  AKIN_FOLLOWS,
  akinAngle,
  akinWedge,
  akinWidth,
  baseView,
  closeWedge,
  pp1,
  sawAlong,
  SAW_TARGET,
  screwLine,
  screwStep,
  secondCutDir,
  stapleStep,
} from './akin/wedge';

/** The incision's scalpel over the base of the phalanx, drawn distally 25 mm at progress p. */
const incisionTip = (ctx: StepContext, f: BoneFrame, p: number): Vec3 =>
  f.at(-f.length - 3 + 25 * p, 4, akinWidth(ctx) / 2 + 2.5);
/** It cuts dorsomedially, down and in. */
const intoDorsomedial = (f: BoneFrame): Vec3 => normalize(add(scale(f.medial, -0.8), scale(f.dorsal, -0.6)));
/** The exposure's scalpel on the medial cortex, drawn distally 18 mm. */
const exposureTip = (ctx: StepContext, f: BoneFrame, p: number): Vec3 =>
  f.at(-f.length + 1 + 18 * p, 2, akinWidth(ctx) / 2 + 0.8);

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
    sources: AKIN_SOURCES,
    // The toe's own deviation (HVIA 10° or more, CLINICAL §1.3) on normal metatarsals (IMA under 9°):
    // it leaves the metatarsal's angle alone.
    indication: {
      suits: { hvia: [10, 30], ima: [0, 8] },
      case: { id: 'toeDeviation', quotes: { hvia: 15, ima: 8 } },
    },
    icon: 'M3 9h7l2 3-2 3H3M13 9h8v6h-8l1-3z',
    // The wedge closes by the toe's fragment turning on the base's.
    readouts: {
      'wedge-angle': {
        value: 'angle',
        unit: '°',
        measuredAs: { kind: 'turn', body: 'akinToe', against: 'akinBase' },
      },
    },
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
          { id: 'akinToe', probe: pointOf(pp1, -3), holds: ['head'] },
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
        camera: baseView(130, 0.6),
        instruments: [
          {
            id: 'scalpel',
            kind: 'scalpel',
            // 25 mm dorsomedial, over the base of the phalanx.
            path: carriedWith('akinBase', pp1, incisionTip, intoDorsomedial),
          },
        ],
      },
      {
        id: 'exposure',
        phase: 'open',
        duration: 3,
        camera: baseView(115, 0.6),
        instruments: [
          {
            id: 'scalpel',
            kind: 'scalpel',
            path: carriedWith('akinBase', pp1, exposureTip, (f) => scale(f.medial, -1)),
          },
        ],
      },
      {
        id: 'first-cut',
        duration: 4,
        camera: baseView(100, 0.9),
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
        camera: baseView(100, 0.9),
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
      { id: 'wedge-removed', duration: 2.5, camera: baseView(90, 1.6) },
      { id: 'close', duration: 4, camera: baseView(110, 2.2), plays: ['close'] },
      fixation === 'staple' ? stapleStep : screwStep,
      { id: 'closure', phase: 'close', duration: 3, skin: true, camera: baseView(150, 1) },
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
const openAkin: ProcedureDef = akinWith('staple');

const variants = keyedMemo<ProcedureDef>();

/** The implant a step places is fixed in its definition: the `fixation` choice picks the definition. */
function akinVariant(params: Params): ProcedureDef {
  return params.fixation === 'screw' ? variants(['screw'], () => akinWith('screw')) : akin;
}

/**
 * The Akin as a percutaneous sitting does it, for these parameters: one stable definition per
 * fixation and number of burr passes (see ./akin/percutaneous.ts).
 */
export function percutaneousAkin(params: Params): ProcedureDef {
  const { fixation, passes } = percutaneousChoices(openAkin, params);
  return variants(['percutaneous', fixation, passes], () =>
    percutaneousAkinWith({ open: openAkin, screwed: akinVariant({ fixation: 'screw' }) }, fixation, passes),
  );
}

/** The open Akin (staple), and its percutaneous version for a percutaneous sitting it is added to. */
export const akin: ProcedureDef = { ...openAkin, whenAdded: { percutaneous: percutaneousAkin } };

/** The picker lists the procedures by this number, lowest first. */
export const order = 3;
/** The definition the registry offers (the variants come from its parameters). */
export const procedure: ProcedureDef = akin;
