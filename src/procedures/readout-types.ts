/**
 * The numbers an operation shows beside the measured angles (its readouts), and where the played
 * operation shows a number it plans: the invariant table (tests/unit/invariants.test.ts) measures
 * each declared one on the bodies it names and holds it to the planned value.
 */
import type { Vec3 } from '../anatomy/vec';
import type { PlanContext, Unit } from './types';

/**
 * A landmark's travel, mm: from where it lay before surgery along its bone's lateral axis (the bone
 * frame's −medial, see kit/bone-frame), to where the last step leaves it.
 */
export interface LandmarkShift {
  readonly part: string;
  readonly landmark: string;
}

/**
 * Where the played operation shows a number it plans: two of its bodies where the last step leaves
 * them, one measured against the other, so what moves both (a first ray settling at its base, a
 * toe following the head) does not count.
 */
export type PlannedMeasure =
  /** The angle `body` has turned through against `against`, degrees: a wedge closed or opened. */
  | { readonly kind: 'turn'; readonly body: string; readonly against: string }
  /**
   * How far `body` has carried the point `at` (before surgery) sideways against `against`, mm:
   * along `part`'s lateral axis before surgery (the bone frame's −medial, as `lateralShifts`).
   */
  | {
      readonly kind: 'shift';
      readonly body: string;
      readonly against: string;
      readonly part: string;
      readonly at: (ctx: PlanContext) => Vec3;
    }
  /**
   * The gap opened between `body` and `against` at a point of their cut, mm, as Hernigou gives it:
   * from `at` on `against`'s cut face, along that face's `normal`, to `body`'s face as it turned.
   */
  | {
      readonly kind: 'gap';
      readonly body: string;
      readonly against: string;
      readonly at: (ctx: PlanContext) => Vec3;
      readonly normal: (ctx: PlanContext) => Vec3;
    };

/** A readout: the values key it shows (its `data-measure` is its id) and its unit. */
export interface ReadoutDef {
  readonly value: string;
  readonly unit: Unit;
  /** Where the played result shows this number, when the procedure plans it (a wedge's angle, a shift). */
  readonly measuredAs?: PlannedMeasure;
}
