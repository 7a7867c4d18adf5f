import { length, normalize, sub, type Vec3 } from '../../anatomy/vec';
import type { ImplantUse, InstrumentKind, InstrumentUse, StepContext, ToolTarget } from '../types';
import { perContext } from './case-memo';
import { driven, during } from './tool-paths';

/** Where a screw goes: from its entry on the near cortex to its tip, region frame, mm. */
export interface ScrewLine {
  readonly entry: Vec3;
  readonly target: Vec3;
}

/** The unit direction and length of a screw line. */
export function screwAxis(line: ScrewLine) {
  const d = sub(line.target, line.entry);
  return { ...line, dir: normalize(d), length: length(d) };
}

/**
 * A headless screw is driven in until its back end lies this far under the entry cortex, so no
 * thread stands proud to catch the soft tissue, mm.
 */
const HEADLESS_COUNTERSINK_MM = 1;

/** The screw's length in whole millimetres, as screws are sold: a headless one short of its countersink. */
function screwLength(kind: 'cannulatedScrew' | 'headlessScrew', line: ScrewLine): number {
  const { length: mm } = screwAxis(line);
  return kind === 'headlessScrew' ? Math.floor(mm - HEADLESS_COUNTERSINK_MM) : Math.round(mm);
}

/**
 * A guide wire drilled along the screw's line in the first half of the step, then the screw
 * driven over it in the second half; the screw stays, fixed to `fixedTo`. Both end with their tips
 * at the line's target: `target` says where that is on the bone (tools-placement checks).
 */
export function wireThenScrew(
  id: string,
  kind: Extract<InstrumentKind, 'cannulatedScrew' | 'headlessScrew'>,
  fixedTo: string,
  line: (ctx: StepContext) => ScrewLine,
  target?: ToolTarget,
): { instruments: InstrumentUse[]; implants: ImplantUse[] } {
  const axisOf = perContext((ctx: StepContext) => screwAxis(line(ctx)));
  return {
    instruments: [
      { id: 'wire', kind: 'kwire', action: 'spin', target, path: driven(axisOf, during(0, 0.5)) },
    ],
    implants: [
      {
        id,
        kind,
        fixedTo,
        target,
        length: (ctx) => screwLength(kind, axisOf(ctx)),
        path: driven(axisOf, during(0.5, 1)),
      },
    ],
  };
}

/** A screw's length as sold, in whole millimetres, from its line. */
export const wholeMm =
  (lineOf: (ctx: StepContext) => { readonly length: number }) =>
  (ctx: StepContext): number =>
    Math.round(lineOf(ctx).length);
