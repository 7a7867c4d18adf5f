import { circleCentre, type FilmPoint, type FilmRegion } from '../../clinical/film-measures';
import type { FilmPlanView } from './use-film-plan';

/**
 * What is drawn on the film, as plain shapes in image pixels: the screen's SVG layer and the saved
 * PNG draw the same list, so the picture a surgeon saves is the one they checked. Widths, radii
 * and font sizes are in screen pixels (the SVG divides them by its scale, the PNG by its own).
 */
export type Shape =
  | {
      readonly kind: 'line';
      readonly id: string;
      readonly a: FilmPoint;
      readonly b: FilmPoint;
      readonly colour: string;
      readonly width: number;
      readonly dash?: boolean;
    }
  | {
      readonly kind: 'polygon';
      readonly id: string;
      readonly points: readonly FilmPoint[];
      readonly fill: string;
    }
  | {
      readonly kind: 'dot';
      readonly id: string;
      readonly at: FilmPoint;
      readonly r: number;
      readonly colour: string;
      readonly hollow?: boolean;
    }
  | {
      readonly kind: 'arc';
      readonly id: string;
      /** The arc about `centre` from `from` to `to` (the shorter way), at `from`'s distance. */
      readonly centre: FilmPoint;
      readonly from: FilmPoint;
      readonly to: FilmPoint;
      readonly colour: string;
      readonly width: number;
    }
  | {
      readonly kind: 'label';
      readonly id: string;
      readonly at: FilmPoint;
      readonly text: string;
      readonly colour: string;
      /** Which end of the text sits at `at`: labels to the left of their point end there. */
      readonly anchor?: 'start' | 'middle' | 'end';
    };

/** The plan's colours: the construction yellow, the cut red, the result green (as on a planning film). */
export const PLAN_COLOURS = {
  construction: '#ffd166',
  cut: '#ff5c5c',
  wedge: 'rgba(255, 92, 92, 0.35)',
  result: '#5ce08a',
  before: '#d0d7e2',
  landmark: '#ffb347',
  line: '#7cc4ff',
  /** The load line before: the film view's accent. */
  load: '#ffb454',
} as const;

/** The labels' words, in the user's language. */
export interface PlanWords {
  readonly target: string;
  readonly hinge: string;
  readonly moved: string;
  readonly correction: string;
  readonly gap: string;
  readonly newLoad: string;
  readonly shift: string;
  /** The foot's planned angles, measured on the planned axes. */
  readonly hvaPost: string;
  readonly imaPost: string;
}

const C = PLAN_COLOURS;
/** Where a label sits: beside its point, `dx` screen pixels to the side (scaled by the caller). */
const beside = (p: FilmPoint, dx: number, dy = 0): FilmPoint => [p[0] + dx, p[1] + dy];

/** The knee's Miniaci construction, the cut and its wedge, the new load line, with their labels. */
function kneeShapes(view: Extract<FilmPlanView, { region: 'knee' }>, w: PlanWords, u: number): Shape[] {
  const p = view.plan;
  const from = p.moved === 'ankle' ? p.ankle : p.hip;
  // Screen x towards the far (hinge) side: the hinge's labels go out there, the gap's on the near side.
  const far = Math.sign(p.hinge[0] - p.cut[0][0]) || 1;
  const anchor = (dx: number) => (dx < 0 ? 'end' : 'start');
  const out = (at: FilmPoint, dx: number, dy: number, id: string, text: string, colour: string): Shape => ({
    kind: 'label',
    id,
    at: beside(at, dx * u, dy * u),
    text,
    colour,
    anchor: anchor(dx),
  });
  return [
    {
      kind: 'line',
      id: 'load-line-new',
      a: p.newLoadLine[0],
      b: p.newLoadLine[1],
      colour: C.result,
      width: 3,
    },
    {
      kind: 'line',
      id: 'miniaci',
      a: p.miniaci[0],
      b: p.miniaci[1],
      colour: C.construction,
      width: 2,
      dash: true,
    },
    { kind: 'line', id: 'hinge-arm-before', a: p.hinge, b: from, colour: C.before, width: 1.5, dash: true },
    {
      kind: 'line',
      id: 'hinge-arm-after',
      a: p.hinge,
      b: p.movedTo,
      colour: C.construction,
      width: 1.5,
      dash: true,
    },
    {
      kind: 'arc',
      id: 'miniaci-arc',
      centre: p.hinge,
      from,
      to: p.movedTo,
      colour: C.construction,
      width: 2,
    },
    { kind: 'polygon', id: 'wedge', points: [p.wedge[0][0], p.hinge, p.wedge[1][0]], fill: C.wedge },
    { kind: 'line', id: 'wedge-edge', a: p.wedge[0][0], b: p.wedge[0][1], colour: C.cut, width: 2 },
    { kind: 'line', id: 'wedge-edge', a: p.wedge[1][0], b: p.wedge[1][1], colour: C.cut, width: 2 },
    { kind: 'line', id: 'cut', a: p.cut[0], b: p.cut[1], colour: C.cut, width: 3 },
    { kind: 'dot', id: 'target', at: p.target, r: 6, colour: C.construction },
    { kind: 'dot', id: 'hinge', at: p.hinge, r: 7, colour: C.cut, hollow: true },
    { kind: 'dot', id: p.moved === 'ankle' ? 'ankle-new' : 'hip-new', at: p.movedTo, r: 7, colour: C.result },
    // Above the target, or below it when the hinge lies above it (a DFO's): not over the hinge's labels.
    out(p.target, far * 44, p.hinge[1] < p.target[1] ? 26 : -22, 'target', w.target, C.construction),
    out(p.hinge, far * 44, 18, 'hinge', w.hinge, C.cut),
    out(p.hinge, far * 44, 38, 'correction', w.correction, C.construction),
    out(p.wedge[1][0], -far * 16, 16, 'gap', w.gap, C.cut),
    // Below the moved ankle: beside it the arc of the turn runs. The moved hip's beside it, away
    // from where it was: below it lie the femoral head's rim and its points.
    p.moved === 'ankle'
      ? {
          kind: 'label',
          id: 'moved',
          at: beside(p.movedTo, 0, 30 * u),
          text: w.moved,
          colour: C.result,
          anchor: 'middle',
        }
      : out(p.movedTo, (Math.sign(p.movedTo[0] - p.hip[0]) || 1) * 14, 5, 'moved', w.moved, C.result),
    out(midpoint(p.newLoadLine[0], p.target), 14, 0, 'load-line-new', w.newLoad, C.result),
  ];
}

function footShapes(view: Extract<FilmPlanView, { region: 'foot' }>, w: PlanWords, u: number): Shape[] {
  const p = view.plan;
  return [
    { kind: 'line', id: 'm1-post', a: p.m1[0], b: p.m1[1], colour: C.result, width: 3 },
    { kind: 'line', id: 'p1-post', a: p.p1[0], b: p.p1[1], colour: C.result, width: 3 },
    { kind: 'line', id: 'head-shift', a: p.head[0], b: p.head[1], colour: C.construction, width: 2 },
    { kind: 'dot', id: 'head-new', at: p.head[1], r: 6, colour: C.result },
    {
      kind: 'label',
      id: 'shift',
      at: beside(p.head[1], 14 * u, 16 * u),
      text: w.shift,
      colour: C.construction,
    },
    { kind: 'label', id: 'hva-post', at: beside(p.p1[1], 14 * u, 0), text: w.hvaPost, colour: C.result },
    {
      kind: 'label',
      id: 'ima-post',
      at: beside(midpoint(p.m1[0], p.m1[1]), 14 * u, 0),
      text: w.imaPost,
      colour: C.result,
    },
  ];
}

const midpoint = (a: FilmPoint, b: FilmPoint): FilmPoint => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];

/** The plan's shapes; `u` is image pixels per screen pixel (label offsets). */
export function planShapes(view: FilmPlanView, words: PlanWords, u: number): Shape[] {
  return view.region === 'knee' ? kneeShapes(view, words, u) : footShapes(view, words, u);
}

/** The landmarks and the lines they are measured between, for the saved picture. */
export function landmarkShapes(
  region: FilmRegion,
  points: readonly (FilmPoint | undefined)[],
  u: number,
): Shape[] {
  const out: Shape[] = [];
  const line = (a?: FilmPoint, b?: FilmPoint, dash = false) => {
    if (a && b) out.push({ kind: 'line', id: 'measure', a, b, colour: C.line, width: 2, dash });
  };
  if (region === 'foot') {
    for (const [a, b] of [
      [0, 1],
      [2, 3],
      [4, 5],
      [6, 7],
      [8, 9],
    ] as const)
      line(points[a], points[b]);
  } else {
    const [r1, r2, r3, knee, ankle, cm, cl, pm, pl] = points;
    const hip = r1 && r2 && r3 ? circleCentre(r1, r2, r3) : undefined;
    if (hip) out.push({ kind: 'dot', id: 'hip', at: hip, r: 4, colour: C.line });
    line(hip, knee);
    line(knee, ankle);
    if (hip && ankle)
      out.push({ kind: 'line', id: 'load', a: hip, b: ankle, colour: C.load, width: 2, dash: true });
    line(cm, cl);
    line(pm, pl);
  }
  points.forEach((p, i) => {
    if (!p) return;
    out.push({ kind: 'dot', id: 'landmark', at: p, r: 6, colour: C.landmark, hollow: true });
    out.push({
      kind: 'label',
      id: 'landmark',
      at: [p[0] + 9 * u, p[1] - 6 * u],
      text: String(i + 1),
      colour: C.landmark,
    });
  });
  return out;
}
