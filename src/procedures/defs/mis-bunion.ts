/**
 * Percutaneous (minimally invasive) bunion surgery, CLINICAL §1.4: through portals of 2–3 mm under
 * fluoroscopy, a burr takes the bump down in passes and cuts the metatarsal; the head is pushed
 * laterally. `variant=classic` (Bösch / Reverdin-Isham family): lateral release, a straight burr
 * cut at the neck, no implant — a functional bandage holds the correction. `variant=mica`: an
 * extra-articular chevron made with the burr, two screws over guide wires, then (added) an Akin.
 *
 * Frame: right foot, +X medial, +Y up, +Z distal, mm.
 */
import { scale } from '../../anatomy/vec';
import { measureFoot } from '../../clinical/foot-angles';
import type { PublishedResult } from '../../clinical/published-results';
import { eminenceProud, exostectomyCuts, MAX_PASSES, passDepth } from '../foot/burr';
import { headShift, m1, softTissue } from '../foot/first-ray';
import {
  closeNeckWedge,
  neckCut,
  NECK_STATION,
  REVERDIN_DMAA,
  reverdinWedgeDeg,
} from '../foot/neck-osteotomy';
import { towards } from '../kit/bone-frame';
import { keyedMemo } from '../kit/memo';
import type { Params, PlanContext, ProcedureDef } from '../types';
import { type Variant, misShiftFraction, misShiftMm, openIncisionMm, misSkinMarks } from './mis-bunion/skin';
import { MICA_IMPACTION, micaCut } from './mis-bunion/tools';
import { steps } from './mis-bunion/steps';

/**
 * The soft tissue of each variant (CLINICAL §1.4): the classic releases the lateral side through
 * its portal (the taping then holds what the release and the shift gave); MICA releases nothing,
 * its large translation bringing the sesamoids and the toe back over the head, its Akin
 * straightening the phalanx.
 */
const hardwareFree = softTissue({
  head: 'capital',
  shiftMm: misShiftMm,
  shiftFraction: misShiftFraction,
  work: () => ({ plication: false, lateralRelease: true }),
});
const softTissueOf: Record<Variant, ReturnType<typeof softTissue>> = {
  classic: hardwareFree,
  reverdin: hardwareFree,
  mica: softTissue({
    head: 'capital',
    shiftMm: misShiftMm,
    shiftFraction: misShiftFraction,
    work: () => ({ plication: false, lateralRelease: false }),
  }),
};

/**
 * Every variant carries the head on its `capital` fragment, shifted by the width at the neck: the
 * Reverdin wedge then turns the head about the cut's lateral end, which takes its centre back
 * medially by about half a millimetre (the readout shows the head's own travel).
 */
const HEAD_SHIFT = headShift('capital', (ctx) => m1(ctx).at(NECK_STATION));

/**
 * What each variant achieves in published series (CLINICAL §5): the hardware-free distal osteotomy
 * (SERI, a K-wire), RCT arm of 21 feet [69]; third-generation MICA, 333 feet at 2 years [70]; none
 * for the Reverdin-Isham.
 */
const PUBLISHED: Readonly<Record<Variant, readonly PublishedResult[] | undefined>> = {
  classic: [
    { measure: 'hva', kind: 'fall', fall: { mean: 11.9, sd: 4.9 }, size: { n: 21, of: 'feet' }, refs: [69] },
    {
      measure: 'ima',
      kind: 'post',
      pre: { mean: 14.8, sd: 1.9 },
      post: { mean: 6.0, sd: 2.3 },
      size: { n: 21, of: 'feet' },
      refs: [69],
    },
  ],
  mica: [
    {
      measure: 'hva',
      kind: 'post',
      pre: { mean: 32.9, sd: 10.2 },
      post: { mean: 8.7, sd: 5.2 },
      size: { n: 333, of: 'feet' },
      refs: [70],
    },
    {
      measure: 'ima',
      kind: 'post',
      pre: { mean: 15.3, sd: 3.6 },
      post: { mean: 5.7, sd: 3.2 },
      size: { n: 333, of: 'feet' },
      refs: [70],
    },
  ],
  reverdin: undefined,
};

function misBunionWith(variant: Variant, passes: number): ProcedureDef {
  return {
    id: 'mis-bunion',
    region: 'foot',
    // CLINICAL §1.4: walking at once, home within hours (brief texts A, B); the classic bandage for
    // 10–14 days, then tape or toe splints [25][26]; the post-operative shoe for 30–40 days (A, B).
    recovery: [
      { at: 0, unit: 'day', key: 'recovery.walkAtOnce' },
      { at: 10, to: 14, unit: 'day', key: 'recovery.bandageOff' },
      { at: 30, to: 40, unit: 'day', key: 'recovery.shoeOff' },
    ],
    references: [23, 24, 25, 26, 27, 28, 29, 30, 31, 32],
    // The sources only this operation cites (the shared ones: clinical/references.ts).
    sources: {
      23: 'Medicina 2022;58(3):359 (Isham technique)',
      24: 'Percutaneous hallux valgus algorithm, Rev Bras Ortop 2021 (scielo S0102-36162021000400504)',
      25: 'Dressing techniques in percutaneous toe surgery',
      26: 'ortho.net/bunion/recov.asp',
      27: 'J Orthop Surg Res 2023, 10.1186/s13018-023-03702-y (Bösch)',
      31: 'Refining techniques and avoiding problems in MIS bunions (HMP)',
      70: 'Lewis 2021, third-generation MICA, 333 feet (PMC8265548)',
    },
    published: PUBLISHED[variant],
    // CLINICAL §1.4: a mild to moderate bunion (MICA's series: IMA 16.2° before [28]).
    indication: { suits: { hva: [15, 40], ima: [9, 18] } },
    icon: 'M4 12h6M14 12a2 2 0 1 0 4 0a2 2 0 1 0-4 0M18 12h3',
    addons: ['akin'],
    // An added Akin is cut with the burr through a portal too (its `whenAdded`).
    approach: 'percutaneous',
    params: [
      {
        id: 'variant',
        kind: 'choice',
        values: ['classic', 'reverdin', 'mica'],
        default: 'classic',
        recut: true,
        // MICA ends with a percutaneous Akin fixed by a screw; the classic technique leaves no metal.
        // MICA translates the head further (CLINICAL §1.4: up to ~100 % of the width, its two screws
        // holding it), three quarters here, as its series' IMA corrections of ~10° show [28][70].
        implies: {
          mica: { akin: '1', fixation: 'screw', shift: 75 },
          classic: { akin: '0', shift: 60 },
          reverdin: { akin: '0', shift: 60 },
        },
      },
      { id: 'passes', kind: 'number', unit: '', default: 3, min: 1, max: MAX_PASSES, step: 1, recut: true },
      {
        id: 'shift',
        kind: 'number',
        unit: '%',
        // The classic's; MICA brings its own (see `implies`).
        default: 60,
        min: 0,
        max: 100,
        step: 1,
        limit: { above: 90, warning: 'proc.mis-bunion.warn.shift' },
        recut: false,
      },
    ],
    variant: (params) => misBunion(params),
    readouts: {
      implants: { value: 'implants', unit: '' },
      'incision-mm': { value: 'incisionMm', unit: 'mm' },
      'open-incision-mm': { value: 'openIncisionMm', unit: 'mm' },
      ...HEAD_SHIFT.readouts,
    },
    lateralShifts: HEAD_SHIFT.lateralShifts,
    cuts: [...exostectomyCuts(passes), variant === 'mica' ? micaCut : neckCut(variant === 'reverdin')],
    motions: [
      {
        id: 'shift',
        body: 'capital',
        kind: 'translate',
        direction: towards(m1, 'lateral'),
        amount: misShiftMm,
      },
      ...(variant === 'reverdin' ? [closeNeckWedge] : []),
      ...(variant === 'mica'
        ? [
            {
              id: 'impact',
              body: 'capital',
              kind: 'translate' as const,
              direction: (ctx: PlanContext) => scale(m1(ctx).axis, -1),
              amount: () => MICA_IMPACTION,
            },
          ]
        : []),
      ...softTissueOf[variant].motions,
    ],
    // What the burr leaves of the bump is on the head: it goes where the head goes.
    follows: softTissueOf[variant].follows.map((f) =>
      f.body === 'eminence' ? { body: 'eminence', follows: 'capital' } : f,
    ),
    steps: steps(variant, passes),
    skinMarks: (ctx) => misSkinMarks(ctx, variant),
    // A straight cut leaves a joint surface tilted out as it was: the closing wedge would square it.
    warnings: (ctx) =>
      variant === 'classic' && measureFoot(ctx.landmarks).dmaa > REVERDIN_DMAA
        ? ['proc.mis-bunion.warn.dmaa']
        : [],
    captionValues: (ctx) => ({
      passes,
      passMm: passDepth(ctx),
      bumpMm: eminenceProud(ctx).thickness,
      shiftMm: misShiftMm(ctx),
      shiftPct: misShiftFraction(ctx) * 100,
      wedgeDeg: variant === 'reverdin' ? reverdinWedgeDeg(ctx) : 0,
      incisionMm: misSkinMarks(ctx, variant).portals.reduce((s, p) => s + p.mm, 0),
      openIncisionMm: openIncisionMm(ctx),
    }),
  };
}

const variants = keyedMemo<ProcedureDef>();

/** The MIS bunion operation for these choices (one stable definition per combination). */
export function misBunion(params: Params): ProcedureDef {
  const variant: Variant =
    params.variant === 'mica' || params.variant === 'reverdin' ? params.variant : 'classic';
  const passes = Math.min(
    MAX_PASSES,
    Math.max(1, Math.round(Number(params.passes ?? MAX_PASSES)) || MAX_PASSES),
  );
  return variants([variant, passes], () => misBunionWith(variant, passes));
}

/** The picker lists the procedures by this number, lowest first. */
export const order = 4;
/** The definition the registry offers (the variants come from its parameters). */
export const procedure: ProcedureDef = misBunion({});
