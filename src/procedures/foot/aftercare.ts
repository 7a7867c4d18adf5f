/**
 * What the foot leaves the operating room in after percutaneous bunion surgery (CLINICAL §1.4): the
 * semi-rigid functional bandage — tape round the big toe and through the first web space, gauze, a
 * cohesive wrap round the forefoot — which holds the toe corrected where no implant does, and the
 * flat post-operative shoe. Sized on this patient's foot, drawn as tools.
 *
 * Frame: right foot, +X medial, +Y up, +Z distal, mm.
 */
import { landmark } from '../../anatomy/landmarks';
import { add, type Vec3 } from '../../anatomy/vec';
import { caseMemo } from '../kit/case-memo';
import type { InstrumentUse, PlanContext } from '../types';

const X: Vec3 = [1, 0, 0];
const Y: Vec3 = [0, 1, 0];
const Z: Vec3 = [0, 0, 1];
const DOWN: Vec3 = [0, -1, 0];

/**
 * The bandage, mm: its cohesive wrap runs back over the metatarsals from the first
 * metatarsophalangeal joint (`joint` beyond the head's centre); the last `toe` of its length, past the
 * joint, is the big toe's taping (the instrument's drawing, scene/instruments/bandage.ts, tapes the
 * last 30 %, where it draws the toe: ~0.18 of the forefoot's width in from its medial edge, as the
 * corrected toe lies on this model).
 */
const BANDAGE = { joint: 8, toe: 30, length: 100 } as const;
/** The heel's fat pad under the calcaneus, mm (no skin is modelled there). */
const HEEL_PAD = 12;
/** Soft tissue in front of a toe's last bone, mm. */
const TOE_PULP = 6;
/** Room the shoe leaves round the foot, mm. */
const SHOE_ROOM = { length: 15, width: 12 } as const;

/** The forefoot's section through the first metatarsal head: its centre and size across and up. */
const forefootSection = (ctx: PlanContext) => sections(ctx);

const sections = caseMemo((ctx) => {
  const head = landmark(ctx.landmarks, 'metatarsal1', 'head');
  const [x0, x1] = ctx.gauge.span('skinFoot', head, Z, X);
  const across: Vec3 = [head[0] + (x0 + x1) / 2, head[1], head[2]];
  const [y0, y1] = ctx.gauge.span('skinFoot', across, Z, Y);
  return { centre: [across[0], head[1] + (y0 + y1) / 2, head[2]] as Vec3, width: x1 - x0, height: y1 - y0 };
});

/** The bandage wrapped round the forefoot, for one step (it shows while the step does). */
export function bandageUse(id: string): InstrumentUse {
  return {
    id,
    kind: 'bandage',
    path: (ctx) => ({
      tip: add(forefootSection(ctx).centre, [0, 0, BANDAGE.joint + BANDAGE.toe]),
      direction: Z,
      up: Y,
    }),
    shape: (ctx) => {
      const s = forefootSection(ctx);
      return [s.width, s.height, BANDAGE.length];
    },
  };
}

/** The foot's outline for the shoe: heel and toe ends, the sole's level, the instep's height, the width. */
const footOutline = (ctx: PlanContext) => outlines(ctx);

const outlines = caseMemo((ctx) => {
  const calcaneus = landmark(ctx.landmarks, 'calcaneus', 'centre');
  const talus = landmark(ctx.landmarks, 'talus', 'centre');
  const skin = landmark(ctx.landmarks, 'skinFoot', 'centre');
  const heel = calcaneus[2] - ctx.gauge.reach('calcaneus', calcaneus, [0, 0, -1]);
  // The longest toe's tip, with its pulp in front of the bone.
  const toe = Math.max(
    skin[2] + ctx.gauge.reach('skinFoot', skin, Z),
    ...[1, 2, 3, 4, 5].map((k) => landmark(ctx.landmarks, `distalPhalanx${k}`, 'head')[2] + TOE_PULP),
  );
  const sole = Math.min(
    calcaneus[1] - ctx.gauge.reach('calcaneus', calcaneus, DOWN) - HEEL_PAD,
    skin[1] - ctx.gauge.reach('skinFoot', skin, DOWN),
  );
  const instep = talus[1] + ctx.gauge.reach('talus', talus, Y);
  return { heel, toe, sole, instep, section: forefootSection(ctx) };
});

/** The flat post-operative shoe under the foot, for one step. */
export function shoeUse(id: string): InstrumentUse {
  return {
    id,
    kind: 'shoe',
    path: (ctx) => {
      const f = footOutline(ctx);
      return { tip: [f.section.centre[0], f.sole, f.toe + SHOE_ROOM.length / 2], direction: Z, up: Y };
    },
    shape: (ctx) => {
      const f = footOutline(ctx);
      return [f.toe - f.heel + SHOE_ROOM.length, f.section.width + SHOE_ROOM.width, f.instep - f.sole];
    },
  };
}
