import { ANGLE_RANGES, type RangeSpec } from '../engine/case-angles';
import {
  PROCEDURES,
  allParams,
  defaultParams,
  impliedBy,
  procedureById,
  resolveProcedure,
} from '../procedures/registry';

/** A URL parameter that takes one of a few words. */
export interface ChoiceParam {
  readonly kind: 'choice';
  readonly values: readonly string[];
  readonly default: string;
}

/** A URL parameter that takes a number within a range (out-of-range values are clamped). */
export interface NumberParam extends RangeSpec {
  readonly kind: 'number';
  /** The grid a value is rounded to from `min` (a slider's step), if any. */
  readonly step?: number;
}

/** A URL parameter that takes a comma-separated list of words from a set (`langs=it,en`). */
export interface ListParam {
  readonly kind: 'list';
  readonly values: readonly string[];
  readonly default: string;
}

export type ParamSpec = ChoiceParam | NumberParam | ListParam;

const choice = (values: readonly string[], def?: string): ChoiceParam => ({
  kind: 'choice',
  values,
  default: def ?? values[0]!,
});
const numbers = (spec: Record<string, RangeSpec>): Record<string, NumberParam> =>
  Object.fromEntries(Object.entries(spec).map(([k, v]) => [k, { kind: 'number', ...v }]));

/** Parameters the URL may carry whatever the procedure; anything else is ignored with a notice. */
export const URL_PARAMS = {
  p: choice(['none', ...PROCEDURES.map((p) => p.id)]),
  /** A second view beside the procedure: the patient before surgery, or another operation on them. */
  vs: choice(['none', 'before', ...PROCEDURES.map((p) => p.id)]),
  voice: choice(['patient', 'technical']),
  /**
   * consult: large controls for a patient; study: adds the exact parameter panel for students;
   * kiosk: plays every procedure in turn, by itself, until someone touches the screen; embed: the
   * view and its timeline alone, for an <iframe> on a clinic's website.
   */
  mode: choice(['consult', 'study', 'kiosk', 'embed']),
  /** The kiosk's languages, taken in turn from one procedure to the next. */
  langs: { kind: 'list', values: ['it', 'en'], default: 'it,en' },
  /** The study quiz's questions: the same seed, the same quiz (0 draws a new one each visit). */
  seed: { kind: 'number', default: 0, min: 0, max: 999_999, step: 1 },
  /** Seconds without a touch before the kiosk goes back to playing by itself. */
  idle: { kind: 'number', default: 60, min: 3, max: 600 },
  /** 3d: the shaded bones; xray: the scene as the C-arm's image intensifier shows it. */
  view: choice(['3d', 'xray']),
  /** The C-arm's projection in the X-ray view: ap (dorsoplantar on the foot) or lat (lateral). */
  proj: choice(['ap', 'lat', 'standing']),
  /** Playback speed; the controls offer 0.5–2×, a link (a kiosk, a test) may ask up to 8×. */
  speed: { kind: 'number', default: 1, min: 0.5, max: 8 },
  region: choice(['foot', 'knee']),
  side: choice(['right', 'left']),
  lang: choice(['en', 'it']),
  sex: choice(['m', 'f']),
  skin: choice(['0', '1']),
  /** 1: each step's caption is read aloud as it plays (a kiosk too); 0: silent. */
  narrate: choice(['0', '1']),
  ...numbers(ANGLE_RANGES.foot),
  ...numbers(ANGLE_RANGES.knee),
} satisfies Record<string, ParamSpec>;

export type ParamKey = keyof typeof URL_PARAMS;
export type ParamTable = Readonly<Record<string, ParamSpec>>;

/**
 * The parameters valid with a given procedure: the base ones, its own, and the step to open at.
 * `chosen` are the link's own values for the procedure's parameters (add-ons, choices).
 */
export function paramTable(
  procedureId: string | undefined,
  chosen: Readonly<Record<string, string>> = {},
): ParamTable {
  const proc = procedureById(procedureId);
  if (!proc) return URL_PARAMS;
  // A value is left out of a link when it is what the link's other choices give anyway.
  const implied = defaultParams(proc);
  for (const d of allParams(proc))
    if (chosen[d.id] !== undefined) Object.assign(implied, impliedBy(proc, d.id, chosen[d.id]!));
  const own = Object.fromEntries(
    allParams(proc).map((d): [string, ParamSpec] =>
      d.kind === 'number'
        ? [d.id, { kind: 'number', default: Number(implied[d.id]), min: d.min, max: d.max, step: d.step }]
        : [d.id, choice(d.values, String(implied[d.id]))],
    ),
  );
  // The step range depends on which add-ons make the sitting longer.
  const steps = resolveProcedure(proc.id, { ...implied, ...chosen })?.steps.length ?? proc.steps.length;
  return { ...URL_PARAMS, ...own, step: { kind: 'number', default: 1, min: 1, max: steps, step: 1 } };
}
