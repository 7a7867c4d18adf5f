/**
 * Percutaneous (minimally invasive) bunion surgery, CLINICAL §1.4: through portals of 2–3 mm under
 * fluoroscopy, a burr takes the bump down in passes and cuts the metatarsal; the head is pushed
 * laterally. `variant=classic` (Bösch / Reverdin-Isham family): lateral release, a straight burr
 * cut at the neck, no implant — a functional bandage holds the correction. `variant=mica`: an
 * extra-articular chevron made with the burr, two screws over guide wires, then (added) an Akin.
 *
 * Frame: right foot, +X medial, +Y up, +Z distal, mm.
 */
import { add, length, normalize, scale, sub, type Vec3 } from '../../anatomy/vec';
import { measureFoot } from '../../clinical/foot-angles';
import type { PublishedResult } from '../../clinical/published-results';
import { limb } from '../kit/cutters';
import { percutaneousAkin } from './akin';
import { between } from '../bone-frame';
import { BURR_DIAMETER, eminenceAfter, eminenceProud, exostectomyCuts, MAX_PASSES, passDepth } from '../burr';
import { bandageUse, shoeUse } from '../foot-aftercare';
import { DISTAL_INCISION, headAndShaft, m1, m1Target, medialIncisionEnds, softTissue } from '../first-ray';
import {
  closeNeckWedge,
  neckCut,
  NECK_STATION,
  neckOsteotomyStep,
  REVERDIN_DMAA,
  neckWidth,
  reverdinWedgeDeg,
} from '../neck-osteotomy';
import { wireThenScrew, type ScrewLine } from '../fixation';
import type {
  CutDef,
  InstrumentUse,
  Params,
  PlanContext,
  ProcedureDef,
  SkinMarks,
  StepContext,
  StepDef,
} from '../types';

type Variant = 'classic' | 'reverdin' | 'mica';

/** The MICA chevron's apex lies this far behind the head's centre: extra-articular, mm. */
export const MICA_APEX = -8;
/** Its limbs are 60° apart like the open chevron's, made with the burr's 2 mm kerf. */
const MICA_ANGLE = 60;
/**
 * The head, pushed across, is impacted on the shaft until the burr's kerf closes on both limbs:
 * along the axis, the kerf over the sine of the limbs' half-angle (the shortening a burr chevron
 * brings), mm.
 */
export const MICA_IMPACTION = BURR_DIAMETER / Math.sin((MICA_ANGLE / 2) * (Math.PI / 180));
/**
 * Skin portals, mm long, where each lets a tool in (CLINICAL §1.4: 2–3 mm): classic — medial (burr),
 * dorsolateral (release); MICA — medial (burr), two for the screws.
 */
export const PORTALS: Readonly<Record<Variant, readonly { readonly id: string; readonly mm: number }[]>> = {
  classic: [
    { id: 'medial', mm: 3 },
    { id: 'lateral', mm: 2 },
  ],
  reverdin: [
    { id: 'medial', mm: 3 },
    { id: 'lateral', mm: 2 },
  ],
  mica: [
    { id: 'medial', mm: 3 },
    { id: 'screw-distal', mm: 3 },
    { id: 'screw-proximal', mm: 3 },
  ],
};

/** Width of the metatarsal across the shift direction where it is cut, mm. */
export function misWidth(ctx: PlanContext): number {
  if (ctx.params.variant !== 'mica') return neckWidth(ctx);
  const f = m1(ctx);
  return ctx.gauge.width('metatarsal1', f.at(MICA_APEX - 10), f.axis, f.medial);
}

/** The head's lateral translation as a fraction of the width at the cut (the `shift` %). */
const misShiftFraction = (ctx: PlanContext): number => Number(ctx.params.shift ?? 60) / 100;

/** The head's lateral translation, mm: shift % of the width at the cut. */
export function misShiftMm(ctx: PlanContext): number {
  return misShiftFraction(ctx) * misWidth(ctx);
}

/** The length of the open chevron's skin incision, measured along its scalpel's path, mm. */
export function openIncisionMm(ctx: StepContext): number {
  const [from, to] = openIncision(ctx);
  return length(sub(to, from));
}

/** The two ends of the open chevron's incision: where its scalpel starts and stops. */
const openIncision = (ctx: StepContext): [Vec3, Vec3] => medialIncisionEnds(ctx, DISTAL_INCISION);

/** A point on the skin: from `inner` (inside the foot) outwards along unit `out`. */
function onSkin(ctx: PlanContext, inner: Vec3, out: Vec3): Vec3 {
  return add(inner, scale(out, ctx.gauge.reach('skinFoot', inner, out)));
}

/**
 * Where each portal of the variant opens the skin (and an added Akin's, made through its own
 * portals in this sitting), and the open chevron's incision beside them.
 */
export function misSkinMarks(ctx: StepContext, variant: Variant): SkinMarks {
  const f = m1(ctx);
  const half = misWidth(ctx) / 2;
  const portal = (inner: Vec3, normal: Vec3) => ({ at: onSkin(ctx, inner, normal), normal, along: f.axis });
  const where: Record<string, () => { at: Vec3; normal: Vec3; along: Vec3 }> = {
    // Just proximal to the bump, where the burr goes in.
    medial: () => portal(f.at(-12.5), f.medial),
    // In the first web space, from above.
    lateral: () => portal(f.at(2, 0, -half - 4), f.dorsal),
    // Where the screws' guide wires come through the skin.
    'screw-distal': () => portal(sub(micaEntry(ctx, true), scale(f.medial, 6)), f.medial),
    'screw-proximal': () => portal(sub(micaEntry(ctx, false), scale(f.medial, 6)), f.medial),
  };
  const akin = ctx.params.akin === '1' ? percutaneousAkin(ctx.params).skinMarks?.(ctx).portals : undefined;
  return {
    portals: [...PORTALS[variant].map((p) => ({ id: p.id, mm: p.mm, ...where[p.id]!() })), ...(akin ?? [])],
    openIncision: openIncision(ctx),
  };
}

/** The forefoot from medial and above, as the C-arm and the surgeon see it. */
function forefootView(ctx: StepContext, distance = 130, fromDorsal = 0.8) {
  const f = m1(ctx);
  return {
    target: f.at(-6),
    from: add(add(f.medial, scale(f.dorsal, fromDorsal)), scale(f.axis, 0.3)),
    distance,
  };
}
const view =
  (distance: number, fromDorsal = 0.8) =>
  (ctx: StepContext) =>
    forefootView(ctx, distance, fromDorsal);

/** The eminence's centre lies ~2 mm behind the head's: where the burr ends a pass, mm from the head. */
const EMINENCE_STATION = -2;

/**
 * The burr entering through the medial portal proximal to the bump, its bit lying along the bone,
 * sweeping the bump dorsal to plantar in pass k: its deepest point on the layer the pass leaves.
 * The last of the full passes takes the bump flush with the head: it works on the metatarsal.
 */
function burrPass(k: number, flush: boolean): InstrumentUse {
  return {
    id: `burr-${k}`,
    kind: 'burr',
    action: 'spin',
    target: flush ? m1Target('medial', EMINENCE_STATION, 5) : { part: 'eminence', side: 'medial' },
    path: (ctx, p) => {
      const f = m1(ctx);
      const { top } = eminenceProud(ctx);
      const layer = sub(top, scale(f.medial, k * passDepth(ctx)));
      // Across the bump and back, ending on the plantar rim of the layer it leaves (as far as the
      // bump reaches there), where the still shows it.
      const [plantar, dorsal] = ctx.gauge.span('eminence', layer, f.medial, f.dorsal);
      const s = Math.sin(p * Math.PI * 3.5);
      const sweep = s * Math.max(1, (s > 0 ? dorsal : -plantar) - 0.5);
      const tip = add(add(layer, scale(f.medial, BURR_DIAMETER / 2)), scale(f.dorsal, sweep));
      return { tip, direction: normalize(add(f.axis, scale(f.medial, -0.15))), up: f.dorsal };
    },
  };
}

/**
 * One step a pass; the last of the full passes leaves nothing of the bump (the burr pulverises it,
 * CLINICAL §1.4). Fewer passes leave what they have not taken, on the head, moving with it.
 */
function passSteps(passes: number): StepDef[] {
  return Array.from({ length: passes }, (_, i) => {
    const flush = i + 1 === MAX_PASSES;
    return {
      id: `pass-${i + 1}`,
      duration: 3,
      camera: view(110, 0.6),
      fluoro: 'ap' as const,
      cuts: [`pass-${i + 1}`],
      ...(flush ? { removes: [eminenceAfter(i + 1)] } : {}),
      instruments: [burrPass(i + 1, flush)],
    };
  });
}

/** The MICA chevron: two limbs from an extra-articular apex, cut with the burr. */
const micaCut: CutDef = {
  id: 'v',
  bone: 'metatarsal1',
  cutter: (ctx) => {
    const f = m1(ctx);
    const apex = f.at(MICA_APEX);
    const back = scale(f.axis, -1);
    return [
      limb(apex, f.medial, between(back, f.dorsal, MICA_ANGLE / 2), 30, 20, BURR_DIAMETER, 1.5),
      limb(apex, f.medial, between(back, scale(f.dorsal, -1), MICA_ANGLE / 2), 30, 20, BURR_DIAMETER, 1.5),
    ];
  },
  fragments: headAndShaft('capital'),
};

/** Half the metatarsal's width at a station (mm behind the head's centre), pre-op, mm. */
function halfWidthAt(ctx: PlanContext, station: number): number {
  const f = m1(ctx);
  return ctx.gauge.width('metatarsal1', f.at(station), f.axis, f.medial) / 2;
}

/**
 * The MICA screws (CLINICAL §1.4 [28][29]): each from a stab on the medial shaft proximal to the
 * chevron, oblique distally and laterally, through the shaft's lateral cortex at the cut and into
 * the lateral half of the displaced head, stopping ~2 mm short of its cartilage. The distal screw
 * in the dorsal half, the more oblique; the proximal one, entering further back, in the plantar
 * half, flatter: each crosses the cut where the shifted head still rests on the shaft.
 */
const MICA_SCREWS = {
  distal: { entry: -20, entryDorsal: 1.5, tip: 3, tipDorsal: 3, tipLateral: 4.5 },
  proximal: { entry: -26, entryDorsal: -3, tip: -3, tipDorsal: -3, tipLateral: 4.5 },
} as const;

/** Where a MICA screw enters: just inside the medial cortex of the shaft, pre-op (its head seats on it). */
function micaEntry(ctx: PlanContext, distal: boolean): Vec3 {
  const s = MICA_SCREWS[distal ? 'distal' : 'proximal'];
  return m1(ctx).at(s.entry, s.entryDorsal, halfWidthAt(ctx, s.entry) - 1);
}

function micaScrew(distal: boolean) {
  return (ctx: StepContext): ScrewLine => {
    const f = m1(ctx);
    const s = MICA_SCREWS[distal ? 'distal' : 'proximal'];
    // Both ends as the bones lie when the screws go in: the head shifted, the ray settled.
    const entry = ctx.placed('shaft', micaEntry(ctx, distal));
    const target = ctx.placed('capital', f.at(s.tip, s.tipDorsal, -s.tipLateral));
    return { entry, target };
  };
}

/** Where a MICA wire and screw end: in the lateral half of the displaced head. */
const IN_HEAD = m1Target('lateral', 0, 4);

/**
 * The K-wire the head is pushed across with: in through the medial portal, its tip in the head just
 * distal to the cut (`cut` mm from the head's centre), levering it laterally; it comes out at the
 * end of the step (the classic leaves no metal, MICA's screws hold the head). The head moving,
 * the tip goes with it, from where it was to where the step leaves it; the wire pivots in the portal.
 */
function headLever(cut: number): InstrumentUse {
  return {
    id: 'lever',
    kind: 'kwire',
    target: m1Target(undefined, cut + 3, 3),
    path: (ctx, p) => {
      const f = m1(ctx);
      const inHead = f.at(cut + 3, 0, 2);
      const to = ctx.placed('capital', inHead);
      const tip = add(inHead, scale(sub(to, inHead), p));
      const portal = onSkin(ctx, f.at(cut - 3), f.medial);
      return { tip, direction: normalize(sub(tip, portal)), up: f.dorsal };
    },
  };
}

/**
 * The MICA chevron with the burr: in through the medial portal at the neck, its tip on the lateral
 * cortex at the apex, the plantar limb cut out and back, then the dorsal one, ending at the apex.
 * The handpiece leans proximally (and towards the limb being cut), so on the lateral shot the bit
 * reads as a short line ending at the neck, not end-on over its own handpiece.
 */
function micaBurr(): InstrumentUse {
  return {
    id: 'burr-v',
    kind: 'burr',
    action: 'spin',
    // At the neck, where the apex lies (80–85 % of the way base→head).
    target: m1Target('lateral', MICA_APEX, 3),
    path: (ctx, p) => {
      const f = m1(ctx);
      const dorsalLimb = p >= 0.5;
      const q = dorsalLimb ? (p - 0.5) * 2 : p * 2;
      const limbDir = between(scale(f.axis, -1), scale(f.dorsal, dorsalLimb ? 1 : -1), MICA_ANGLE / 2);
      const apex = f.at(MICA_APEX, 0, -(halfWidthAt(ctx, MICA_APEX) - 1));
      const tip = add(apex, scale(limbDir, 10 * Math.sin(Math.PI * q)));
      const lean = -Math.cos(Math.PI * p);
      const handle = add(add(f.medial, scale(f.axis, -0.35)), scale(f.dorsal, 0.25 * lean));
      return { tip, direction: normalize(scale(handle, -1)), up: f.axis };
    },
  };
}

function steps(variant: Variant, passes: number): StepDef[] {
  const open: StepDef[] = [
    { id: 'anaesthesia', phase: 'open', duration: 3, skin: true, camera: view(170, 1.2) },
    {
      id: 'portals',
      phase: 'open',
      duration: 3,
      skin: true,
      camera: view(130, 0.8),
      instruments: [
        {
          id: 'scalpel',
          kind: 'scalpel',
          path: (ctx, p) => {
            const f = m1(ctx);
            // A 3 mm nick just proximal to the bump.
            return {
              tip: f.at(-14 + 3 * p, 0, misWidth(ctx) / 2 + 5),
              direction: scale(f.medial, -1),
              up: f.axis,
            };
          },
        },
      ],
    },
  ];
  const close: StepDef[] = [
    // Closing steps: an added Akin comes before them, the bandage holds both corrections.
    {
      id: 'bandage',
      phase: 'close',
      duration: 4,
      skin: true,
      camera: view(170, 1.4),
      instruments: [bandageUse('bandage')],
    },
    {
      id: 'shoe',
      phase: 'close',
      duration: 3,
      skin: true,
      camera: (ctx) => ({ ...forefootView(ctx, 330, 1.2), target: m1(ctx).at(-45) }),
      instruments: [bandageUse('bandage-on'), shoeUse('shoe')],
    },
  ];
  if (variant !== 'mica') {
    return [
      ...open,
      ...passSteps(passes),
      neckOsteotomyStep(variant === 'reverdin', view(110, 0.6)),
      {
        id: 'shift',
        duration: 4,
        fluoro: 'ap',
        camera: view(140, 2.2),
        plays: variant === 'reverdin' ? ['close-wedge', 'shift'] : ['shift'],
        instruments: [headLever(NECK_STATION)],
      },
      {
        id: 'lateral-release',
        duration: 3,
        camera: view(130, 1.4),
        // Freed, the toe comes into line over the shifted head (the surgeon holds it there), and
        // the ray settles at its base: the bones end here, before an added Akin or the bandage.
        plays: ['rebalance', 'settle'],
        instruments: [
          {
            id: 'beaver',
            kind: 'scalpel',
            path: (ctx, p) => {
              const f = m1(ctx);
              // Through the dorsolateral portal in the first web space, down beside the joint, lateral
              // to the head where it has been shifted.
              const tip = ctx.placed('capital', f.at(2, 6 - 10 * p, -misWidth(ctx) / 2 - 2.5));
              return { tip, direction: scale(f.dorsal, -1), up: f.medial };
            },
          },
        ],
      },
      ...close,
    ];
  }
  return [
    ...open,
    ...passSteps(passes),
    {
      id: 'chevron',
      duration: 5,
      fluoro: 'lat',
      camera: view(110, 0.6),
      cuts: ['v'],
      instruments: [micaBurr()],
    },
    {
      id: 'shift',
      duration: 4,
      fluoro: 'ap',
      camera: view(140, 2.2),
      plays: ['shift', 'impact'],
      instruments: [headLever(MICA_APEX)],
    },
    {
      id: 'screw-distal',
      duration: 5,
      fluoro: 'lat',
      camera: view(140, 1.2),
      // The head held reduced, the toe coming into line over it (no release: the translation brings
      // the sesamoids back) and the ray settling: the bones end here, before the screws fix them.
      plays: ['rebalance', 'settle'],
      ...wireThenScrew('screw-distal', 'cannulatedScrew', 'capital', micaScrew(true), IN_HEAD),
    },
    {
      id: 'screw-proximal',
      duration: 5,
      fluoro: 'ap',
      camera: view(140, 1.2),
      ...wireThenScrew('screw-proximal', 'cannulatedScrew', 'capital', micaScrew(false), IN_HEAD),
    },
    ...close,
  ];
}

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
    published: PUBLISHED[variant],
    quiz: { wrongFor: ['lyticLesion'] },
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
    },
    cuts: [...exostectomyCuts(passes), variant === 'mica' ? micaCut : neckCut(variant === 'reverdin')],
    motions: [
      {
        id: 'shift',
        body: 'capital',
        kind: 'translate',
        direction: (ctx) => scale(m1(ctx).medial, -1),
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

const variants = new Map<string, ProcedureDef>();

/** The MIS bunion operation for these choices (one stable definition per combination). */
export function misBunion(params: Params): ProcedureDef {
  const variant: Variant =
    params.variant === 'mica' || params.variant === 'reverdin' ? params.variant : 'classic';
  const passes = Math.min(
    MAX_PASSES,
    Math.max(1, Math.round(Number(params.passes ?? MAX_PASSES)) || MAX_PASSES),
  );
  const key = `${variant}/${passes}`;
  let def = variants.get(key);
  if (!def) variants.set(key, (def = misBunionWith(variant, passes)));
  return def;
}

/** The picker lists the procedures by this number, lowest first. */
export const order = 4;
/** The definition the registry offers (the variants come from its parameters). */
export const procedure: ProcedureDef = misBunion({});
