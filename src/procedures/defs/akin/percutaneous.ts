/**
 * The Akin as a percutaneous sitting makes it (CLINICAL §1.4, MICA): the same medially based wedge
 * at the base of the proximal phalanx, closed about the same lateral hinge as the open Akin
 * (CLINICAL §1.3), but cut with the 2 mm burr through a ~3 mm medial portal under fluoroscopy, with
 * no incision or exposure. Fixation: a headless screw through a stab (MICA), or none at all — the
 * taping of the bandage the percutaneous sitting ends with holds the toe (classic, no metal).
 *
 * Frame: right foot, +X medial, +Y up, +Z distal, mm.
 */
import { add, scale, type Vec3 } from '../../../anatomy/vec';
import { fan } from '../../kit/cutters';
import { throughPortal, type TipPath } from '../../kit/tool-paths';
import { placedDir } from '../../kit/placed';
import {
  AKIN_FOLLOWS,
  AKIN_STATION,
  akinAngle,
  akinHinge,
  akinWidth,
  baseView,
  closeWedge,
  HALF_HEIGHT,
  HINGE_OUT,
  pp1,
  screwLine,
} from './wedge';
import { between, fromBase, pointOf } from '../../kit/bone-frame';
import { BURR_DIAMETER, PASS_DEPTH } from '../../foot/burr';
import { screwAxis, wireThenScrew } from '../../kit/fixation';
import type {
  CutDef,
  InstrumentUse,
  Params,
  PlanContext,
  ProcedureDef,
  SkinMarks,
  StepDef,
  ToolTarget,
} from '../../types';
import { onSkin } from '../../kit/skin';

type Fixation = 'screw' | 'tape';
const DEG = 180 / Math.PI;
/** The portal the burr goes in by, and the stab the screw goes in by, mm (CLINICAL §1.4: ~3 mm). */
export const AKIN_PORTAL_MM = 3;
/** The burr's tip stops this far medial to the hinge line: its round end just on the lateral cortex, mm. */
const TIP_AT_HINGE = HINGE_OUT + BURR_DIAMETER / 2;
/** The burr's tip sweeps this far dorsal and plantar of the axis: the whole section (~10 mm high), mm. */
const SWEEP = 4.5;

/**
 * The passes of the burr the wedge takes. The first pass leaves a slot one burr wide (the kerf,
 * BURR_DIAMETER) at the medial cortex; each further pass, the burr tilted distally about the hinge,
 * widens it by at most PASS_DEPTH.max (CLINICAL §1.4: 1.1–1.5 mm of cortex a pass). So the default
 * 3 mm base takes two passes, the "~2.9 mm medial wedge" two passes make in [30]; 4 mm takes three.
 * A base narrower than the burr (1–2 mm) is one pass (its slot held to the wedge).
 */
export function akinPasses(wedgeMm: number): number {
  return 1 + Math.ceil(Math.max(0, wedgeMm - BURR_DIAMETER) / PASS_DEPTH.max - 1e-9);
}

/** The wedge's angle that one burr's kerf at the medial cortex spans, degrees (never more than the wedge). */
export function kerfAngle(ctx: PlanContext): number {
  return Math.min(akinAngle(ctx), 2 * Math.atan(BURR_DIAMETER / (2 * akinWidth(ctx))) * DEG);
}

/**
 * Where pass k (1-based) of n starts, degrees from the first face (⟂ the axis) towards distal: the
 * first on the first face, the last ending on the second face, the others evenly between.
 * Consecutive passes overlap, so together they take exactly the wedge.
 */
export function passStart(ctx: PlanContext, k: number, n: number): number {
  return n === 1 ? 0 : ((k - 1) * (akinAngle(ctx) - kerfAngle(ctx))) / (n - 1);
}

/** The mid-plane of pass k from the hinge towards medial (unit). */
function passDir(ctx: PlanContext, k: number, n: number): Vec3 {
  const f = pp1(ctx);
  return between(f.medial, f.axis, passStart(ctx, k, n) + kerfAngle(ctx) / 2);
}

/** The toe fragment as it is after pass k: `akinToe` once the last pass is done. */
export const toeAfter = (k: number, n: number) => (k === n ? 'akinToe' : `akinToe-${k}`);

/** Pass k's slot, about the hinge: one kerf wide from where the pass starts (see passCut). */
const passFan = (k: number, n: number) => (ctx: PlanContext) => {
  const f = pp1(ctx);
  const reach = akinWidth(ctx) + 10;
  return [
    fan(akinHinge(ctx), f.dorsal, f.medial, f.axis, passStart(ctx, k, n), kerfAngle(ctx), reach, HALF_HEIGHT),
  ];
};

/**
 * Pass k's slot: a fan from the hinge one kerf wide at the medial cortex. The burr's tip rests on
 * the lateral cortex while the handpiece sweeps through the portal, so the slot narrows towards
 * the hinge the lateral cortex keeps; the first pass parts the toe from the base (the hinge line
 * lies just outside the bone, as in the open Akin), each further one trims the toe's cut face.
 */
function passCut(k: number, n: number): CutDef {
  const toe = {
    id: toeAfter(k, n),
    probe: pointOf(pp1, -3),
    holds: ['head'],
  };
  return {
    id: `wedge-${k}`,
    bone: k === 1 ? 'proximalPhalanx1' : toeAfter(k - 1, n),
    cutter: passFan(k, n),
    fragments: k === 1 ? [{ id: 'akinBase', probe: fromBase(pp1, 3), holds: ['base'] }, toe] : [toe],
  };
}

/** Where the burr's portal opens the skin: medial, over the middle of the wedge. */
function portalAt(ctx: PlanContext): Vec3 {
  const f = pp1(ctx);
  const middle = between(f.medial, f.axis, akinAngle(ctx) / 2);
  return onSkin(ctx, add(akinHinge(ctx), scale(middle, akinWidth(ctx) / 2 + HINGE_OUT)), f.medial);
}

/**
 * The percutaneous Akin's openings in the skin: the burr's portal, and the screw's stab (MICA),
 * each a slit along the phalanx, pre-op region frame.
 */
export function akinPortals(ctx: PlanContext, id: string, fixation: Fixation): SkinMarks['portals'] {
  const f = pp1(ctx);
  const w = akinWidth(ctx);
  const portal = (id: string, at: Vec3) => ({ id, mm: AKIN_PORTAL_MM, at, normal: f.medial, along: f.axis });
  return [
    portal(id, portalAt(ctx)),
    ...(fixation === 'screw'
      ? // Where the screw's entry on the toe's medial cortex (see screwLine) meets the skin.
        [portal(`${id}-screw`, onSkin(ctx, f.at(AKIN_STATION + 8 - f.length, 1, w / 2 - 2), f.medial))]
      : []),
  ];
}

/**
 * Where the open Akin's tool works (its definition says it: this sitting cuts and fixes the same
 * wedge): `step`'s tool or implant `id`, in the screw-fixed definition.
 */
function openTarget(screwed: ProcedureDef, step: string, id: string): ToolTarget | undefined {
  const s = screwed.steps.find((x) => x.id === step);
  return [...(s?.instruments ?? []), ...(s?.implants ?? [])].find((u) => u.id === id)?.target;
}

/**
 * The burr's tip in pass k: on the lateral cortex at the hinge, swept dorsal, plantar, dorsal and
 * ending level with the axis (the still), carried with the base as the bones move.
 */
const passTip =
  (k: number, n: number): TipPath =>
  (ctx, p) => {
    const f = pp1(ctx);
    const tip = add(
      add(akinHinge(ctx), scale(passDir(ctx, k, n), TIP_AT_HINGE)),
      scale(f.dorsal, SWEEP * Math.cos(p * Math.PI * 2.5)),
    );
    return { tip: ctx.placed('akinBase', tip), up: placedDir(ctx, 'akinBase', tip, f.axis) };
  };

/**
 * Pass k with the burr: in through the portal, pointed laterally along the pass's plane, its tip on
 * the lateral cortex swept dorsal to plantar and back.
 */
function burrPass(k: number, n: number, atHinge: ToolTarget | undefined): InstrumentUse {
  return {
    id: `burr-akin-${k}`,
    kind: 'burr',
    action: 'spin',
    target: atHinge,
    path: throughPortal(portalAt, passTip(k, n)),
  };
}

/** The passes, each under an AP shot; the toe parts from the base in the first. */
function passSteps(n: number, atHinge: ToolTarget | undefined): StepDef[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `burr-${i + 1}`,
    duration: 3.5,
    fluoro: 'ap' as const,
    // The skin stays on: the burr goes in through the portal drawn on it.
    skin: true,
    camera: baseView(120, 2.2),
    cuts: [`wedge-${i + 1}`],
    instruments: [burrPass(i + 1, n, atHinge)],
  }));
}

/** The screw through its stab, where the open Akin puts it. */
const screwStep = (screwed: ProcedureDef): StepDef => ({
  id: 'screw-portal',
  duration: 5,
  fluoro: 'ap',
  camera: baseView(100, 0.6),
  ...wireThenScrew('screw', 'headlessScrew', 'akinToe', screwLine, openTarget(screwed, 'screw', 'screw')),
});

/**
 * The open Akin's wedge, and its fixation as a percutaneous sitting offers it: a screw through a
 * stab, or no metal at all, the toe held by the bandage's taping (CLINICAL §1.4).
 */
const paramsOf = (open: ProcedureDef): ProcedureDef['params'] =>
  open.params.map((p) =>
    p.id === 'fixation' && p.kind === 'choice'
      ? { ...p, values: ['tape', 'screw'] satisfies readonly Fixation[], default: 'tape' }
      : p,
  );

/** The open Akin's definitions this one is made from: the default (staple) and the screw-fixed. */
export interface OpenAkin {
  readonly open: ProcedureDef;
  readonly screwed: ProcedureDef;
}

/** The Akin cut with the burr in `passes` passes through a portal, fixed by a screw or by the taping. */
export function percutaneousAkinWith(
  { open, screwed }: OpenAkin,
  fixation: Fixation,
  passes: number,
): ProcedureDef {
  // The burr's tip ends each pass where the open Akin's saw ends: on the lateral cortex at the hinge.
  const atHinge = openTarget(screwed, 'first-cut', 'saw');
  return {
    id: open.id,
    region: 'foot',
    references: [19, 21, 28, 29, 30, 32],
    sources: open.sources,
    readouts: open.readouts,
    params: paramsOf(open),
    cuts: Array.from({ length: passes }, (_, i) => passCut(i + 1, passes)),
    motions: [closeWedge],
    follows: [
      ...AKIN_FOLLOWS,
      // The toe between passes moves with the phalanx too.
      ...Array.from({ length: passes - 1 }, (_, i) => ({
        body: toeAfter(i + 1, passes),
        follows: 'proximalPhalanx1',
      })),
    ],
    steps: [
      ...passSteps(passes, atHinge),
      {
        id: 'close',
        duration: 4,
        fluoro: 'ap',
        camera: baseView(110, 2.2),
        plays: ['close'],
      },
      // The classic sitting's bandage, which closes it, tapes the toe in its correction.
      ...(fixation === 'screw' ? [screwStep(screwed)] : []),
    ],
    skinMarks: (ctx) => ({ portals: akinPortals(ctx, open.id, fixation) }),
    captionValues: (ctx) => ({
      wedgeMm: Number(ctx.params.wedge),
      widthMm: akinWidth(ctx),
      angle: akinAngle(ctx),
      akinPasses: passes,
      kerfMm: BURR_DIAMETER,
      akinPortalMm: AKIN_PORTAL_MM,
      screwMm: Math.round(screwAxis(screwLine(ctx)).length),
    }),
  };
}

/**
 * The wedge as it will be played: on its slider's step, in its range, as the app rounds a number it
 * is given (a link's 3.58 mm is 3.5 mm), so the passes (and the steps) follow the played value.
 */
function wedgeOf(open: ProcedureDef, params: Params): number {
  const def = open.params.find((p) => p.id === 'wedge');
  if (def?.kind !== 'number') return Number(params.wedge);
  const given = Number(params.wedge ?? def.default);
  if (!Number.isFinite(given)) return def.default;
  const clamped = Math.min(def.max, Math.max(def.min, given));
  return Math.min(def.max, def.min + Math.round((clamped - def.min) / def.step) * def.step);
}

/**
 * What the percutaneous Akin is played with for these parameters: the `wedge` sets the passes
 * (akinPasses); `fixation: 'screw'` a percutaneous screw, anything else no metal (a staple needs an
 * open incision), the toe held by the sitting's bandage.
 */
export function percutaneousChoices(
  open: ProcedureDef,
  params: Params,
): { fixation: Fixation; passes: number } {
  return {
    fixation: params.fixation === 'screw' ? 'screw' : 'tape',
    passes: akinPasses(wedgeOf(open, params)),
  };
}
