import type { RegionLandmarks } from '../anatomy/landmarks';
import type { Vec3 } from '../anatomy/vec';
import type { Region } from '../anatomy/types';
import type { ConvexPiece } from '../geometry/cutters';
import type { KneeDeformity } from '../clinical/deformity-params';
import type { OsteotomyApproach, OsteotomySite } from '../clinical/knee-cut-geometry';
import type { BoneSide } from '../clinical/bone-proximity';
import type { ProcedureInfo } from './info-types';
export type { Indication, ProcedureInfo, RecoveryMilestone } from './info-types';
import type { LandmarkShift, ReadoutDef } from './readout-types';
export type { LandmarkShift, PlannedMeasure, ReadoutDef } from './readout-types';
import type { InstrumentKind } from './instruments/catalogue';
import type { BoneGauge } from '../clinical/bone-gauge';

export type ParamValue = number | string;
/** Units a parameter or readout is shown in; '' for a plain count. */
export type Unit = '%' | 'mm' | '°' | 'mL' | '';
export type Params = Readonly<Record<string, ParamValue>>;

/** A numeric parameter the user sets (a shift, a wedge, an angle). */
export interface NumberParamDef {
  readonly id: string;
  readonly kind: 'number';
  /** '' for a count (passes of a burr, a needle's gauge). */
  readonly unit: Unit;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** Past this value the result is still shown, with a warning (i18n key) in plain words. */
  readonly limit?: { readonly above: number; readonly warning: string };
  /** True when the value changes a cut's shape (a re-cut in the worker); false when it only moves fragments. */
  readonly recut: boolean;
  /** The value 0 means "planned by the app" (a correction angle taken from the target); the UI says so. */
  readonly auto?: boolean;
}

/** A parameter that picks one of a few options (fixation type, variant). */
export interface ChoiceParamDef {
  readonly id: string;
  readonly kind: 'choice';
  readonly values: readonly string[];
  readonly default: string;
  readonly recut: boolean;
  /**
   * Choosing a value also sets other parameters to suit it (MICA brings its screwed Akin); the
   * user may change them afterwards, and a link's own values win.
   */
  readonly implies?: Readonly<Record<string, Params>>;
}

export type ParamDef = NumberParamDef | ChoiceParamDef;

/** What a procedure's placement and motion functions read: never the clock, never the DOM. */
export interface PlanContext {
  /** The patient's landmarks, posed to the pre-operative deformity (region frame, mm). */
  readonly landmarks: RegionLandmarks;
  readonly params: Params;
  /** Measurements of the posed bones the placement may need (widths at a cut): clinical's gauge. */
  readonly gauge: BoneGauge;
}

/** One saw cut (or wedge, or V…) through one bone, made of convex cutter pieces. */
export interface CutDef {
  readonly id: string;
  readonly bone: string;
  readonly cutter: (ctx: PlanContext) => readonly ConvexPiece[];
  /**
   * The bone keeps what lies inside the cutter and loses the rest (a burr taking a bump down to a
   * convex envelope): one convex piece instead of a union of many.
   */
  readonly keepsInside?: boolean;
  /**
   * The pieces the bone falls into: each is recognised by a probe point inside it, and takes
   * the bone's landmarks listed in `holds` along when it moves.
   */
  readonly fragments: readonly {
    readonly id: string;
    readonly probe: (ctx: PlanContext) => Vec3;
    readonly holds: readonly string[];
  }[];
}

/** What tools, implants and the camera may also read: where a body ends up once its motions are done. */
export interface StepContext extends PlanContext {
  /** A point of a body (region frame, pre-op) after all the body's motions. */
  placed(body: string, point: Vec3): Vec3;
}

/** A rigid motion of a body (a fragment or a whole part), applied progressively by the steps that play it. */
export interface MotionDef {
  readonly id: string;
  readonly body: string;
  readonly kind: 'translate' | 'rotate';
  /** Unit direction of a translation, or the axis of a rotation, region frame. */
  readonly direction: (ctx: PlanContext) => Vec3;
  /** Point the rotation turns about (rotations only). */
  readonly pivot?: (ctx: PlanContext) => Vec3;
  /** Millimetres or degrees at the end of the motion. */
  readonly amount: (ctx: PlanContext) => number;
}

/** A body that moves with another one (the toe with the metatarsal head it sits on). */
export interface FollowDef {
  readonly body: string;
  readonly follows: string;
}

/** A kind of instrument or implant: the keys of the instrument catalogue. */
export type { InstrumentKind };

/** Where a tool is: its tip and the direction it points in (region frame). */
export interface ToolPose {
  readonly tip: Vec3;
  readonly direction: Vec3;
  /** Which way is "up" for a flat tool (a saw blade's plane normal, a staple's bridge). */
  readonly up?: Vec3;
  /** Uniform scale about the tip (a cement bolus growing as it is injected); 1 when missing. */
  readonly size?: number;
}

/**
 * Where a tool works, as the technique puts it: its working tip at the step's key frame lies on (or
 * in) this bone, on this side of it, at this station along it. A test measures every tool against
 * its target on the posed bones.
 */
export interface ToolTarget {
  /** The bone the tool works on (a part; any of its fragments counts). */
  readonly part: string;
  /** The side of the bone the tip lies on, measured from the centre of the bone's slice there. */
  readonly side?: BoneSide;
  /**
   * Where along the bone: `at` is the fraction of the way from landmark `from` to landmark `to` of
   * the same part (0.85 from base to head: the neck of a metatarsal); the tip's level may differ
   * from it by `within` mm.
   */
  readonly station?: {
    readonly from: string;
    readonly to: string;
    readonly at: number;
    readonly within: number;
  };
  /** How far outside the bone's surface the tip may lie, mm (2 when missing). */
  readonly within?: number;
}

/** A tool used during one step; it leaves at the step's end. */
export interface InstrumentUse {
  readonly id: string;
  readonly kind: InstrumentKind;
  /** Where its working tip is at the step's key frame (tools that touch bone must say). */
  readonly target?: ToolTarget;
  /** Pose along the tool's path at step progress p (0–1). */
  readonly path: (ctx: StepContext, p: number) => ToolPose;
  /** Visible motion of the tool itself: a saw oscillates, a drill spins. */
  readonly action?: 'oscillate' | 'spin';
  /** The tool's size where it matters (screw length, mm). */
  readonly length?: (ctx: StepContext) => number;
  /**
   * Numbers that size an implant made to measure for this case (a graft wedge's gap, a plate's
   * bend); each kind documents its own (see procedures/instruments/catalogue.ts).
   */
  readonly shape?: (ctx: StepContext) => readonly number[];
}

/** An implant placed during a step that stays in the patient (screws, staples). */
export interface ImplantUse extends InstrumentUse {
  /** The body it is fixed to: it moves with that body afterwards. */
  readonly fixedTo: string;
}

/** Openings in the skin, region frame (pre-operative), mm. */
export interface SkinMarks {
  /** Each portal: its centre on the skin, the skin's outward normal and its slit's direction (unit), its length. */
  readonly portals: readonly {
    readonly id: string;
    readonly at: Vec3;
    readonly normal: Vec3;
    readonly along: Vec3;
    readonly mm: number;
  }[];
  /** The two ends of the open incision the same correction would need. */
  readonly openIncision?: readonly [Vec3, Vec3];
}

export interface StepDef {
  readonly id: string;
  /**
   * Opening steps (skin, exposure) and closing ones (closure): when another procedure is added
   * after this one, its own opening and closing are left out and this one's closing comes last.
   */
  readonly phase?: 'open' | 'close';
  /** Whose strings the captions use, when a step comes from an added procedure (default: the procedure's). */
  readonly strings?: string;
  /** Seconds at 1× speed. */
  readonly duration: number;
  /**
   * The moment (0–1 through the step) its still shows when a link, the step list or the arrow keys
   * stop on it; the end of the step's motion when missing.
   */
  readonly key?: number;
  /** Where the camera looks (region frame) and from which direction, at what distance (mm). */
  readonly camera: (ctx: StepContext) => {
    readonly target: Vec3;
    readonly from: Vec3;
    readonly distance: number;
  };
  /** Soft tissue drawn during the step. */
  readonly skin?: boolean;
  /**
   * A fluoroscopy shot opens the step (percutaneous work is checked on X-ray): the view cuts to the
   * image intensifier in this projection for the shot, then back.
   */
  readonly fluoro?: 'ap' | 'lat';
  /**
   * Minutes of real time the step stands for (cement setting, waiting to stand up): the caption
   * shows them running, fast-forwarded, as the step plays.
   */
  readonly clock?: number;
  /** Cuts made in this step: the bone is shown as its fragments from this step on. */
  readonly cuts?: readonly string[];
  /** Motions animated from 0 to their full amount during this step. */
  readonly plays?: readonly string[];
  /** Bodies removed in this step (a shaved bump, a removed wedge): hidden from its end on. */
  readonly removes?: readonly string[];
  readonly instruments?: readonly InstrumentUse[];
  readonly implants?: readonly ImplantUse[];
}

/** A procedure: what is played (cuts, motions, steps, tools) and what the app tells about it. */
export interface ProcedureDef extends ProcedureInfo {
  readonly id: string;
  readonly region: Region;
  /** A knee osteotomy's bone and wedge: what its plan on the patient's film draws. */
  readonly kneeCut?: { readonly site: OsteotomySite; readonly approach: OsteotomyApproach };
  readonly params: readonly ParamDef[];
  readonly cuts: readonly CutDef[];
  readonly motions: readonly MotionDef[];
  readonly follows: readonly FollowDef[];
  readonly steps: readonly StepDef[];
  /** A small picture of the cut for the picker: an SVG path in a 24 × 24 box (stroked). */
  readonly icon?: string;
  /**
   * When a choice parameter changes the steps (the implant placed, a bone also cut), the definition
   * played for these parameters; it must return the same object for the same choices.
   */
  readonly variant?: (params: Params) => ProcedureDef;
  /** Procedures that may be done in the same sitting after this one (`?p=chevron&akin=1`). */
  readonly addons?: readonly string[];
  /** How the operation reaches the bone, where that changes how an added procedure is done. */
  readonly approach?: 'percutaneous';
  /**
   * The definition this procedure takes when added to a sitting made that way (after percutaneous
   * bunion surgery the Akin too is cut with the burr through a portal), for these parameters: the
   * same object for the same choices. Otherwise it is played as its own `variant` gives it.
   */
  readonly whenAdded?: Readonly<Partial<Record<'percutaneous', (params: Params) => ProcedureDef>>>;
  /**
   * How far a landmark travelled sideways, measured on the moved model by the outcome, by the values
   * key it fills (a readout or a caption shows it): a bunion operation's head shift.
   */
  readonly lateralShifts?: Readonly<Record<string, LandmarkShift>>;
  /** Readouts shown after the angles: readout id (its `data-measure`) → the values key it shows. */
  readonly readouts?: Readonly<Record<string, ReadoutDef>>;
  /** Numbers the technical captions quote (mm, degrees, %), measured on the planned case. */
  readonly captionValues?: (ctx: StepContext) => Readonly<Record<string, number>>;
  /**
   * The skin openings the operation makes (percutaneous portals), drawn on the skin to scale, and
   * the open incision the same correction would need, drawn beside them for comparison.
   */
  readonly skinMarks?: (ctx: StepContext) => SkinMarks;
  /** The operation leaves the limb's alignment alone (cementoplasty): no load lines or axes drawn. */
  readonly keepsAlignment?: boolean;
  /**
   * Cut parts whose fragments are drawn translucent, so what happens inside them shows: a lesion's
   * cavity, the cement filling it, a needle's tip.
   */
  readonly seeThrough?: readonly string[];
  /** Plain-words warnings (i18n keys) the planned case earns: a gap too wide, a joint line too tilted. */
  readonly warnings?: (ctx: StepContext) => readonly string[];
  /**
   * The knee deformity the operation corrects: opened on a knee of the other kind, the app shows its
   * typical case instead, with a notice (unless a link gives the patient's angles).
   */
  readonly treats?: KneeDeformity;
}
