import { circleCentre, type FilmPoint, type FilmRegion } from '../../clinical/film-measures';
import type { DecodedFilm } from './decode-film';
import { useFilm } from './film-store';
import { FilmPlanLayer } from './FilmPlanLayer';

interface Props {
  readonly film: DecodedFilm;
  readonly region: FilmRegion;
  /** Screen pixels per image pixel. */
  readonly scale: number;
  /** The keyboard's crosshair is shown (the film has the focus). */
  readonly showCursor: boolean;
}

/** The lines each region's measures are taken between, as pairs of landmark indices (issue 20's order). */
const FOOT_LINES: readonly (readonly [number, number])[] = [
  [0, 1],
  [2, 3],
  [4, 5],
  [6, 7],
  [8, 9],
];

function Segment({ a, b, className }: { a?: FilmPoint; b?: FilmPoint; className: string }) {
  if (!a || !b) return null;
  return (
    <line x1={a[0]} y1={a[1]} x2={b[0]} y2={b[1]} className={className} vectorEffect="non-scaling-stroke" />
  );
}

/** The knee's construction: the femoral head's circle, the mechanical axes, the joint lines, the load line. */
function KneeLines({ p, scale }: { p: readonly (FilmPoint | undefined)[]; scale: number }) {
  const hip = p[0] && p[1] && p[2] ? circleCentre(p[0], p[1], p[2]) : undefined;
  const radius = hip && p[0] ? Math.hypot(p[0][0] - hip[0], p[0][1] - hip[1]) : 0;
  return (
    <>
      {hip && (
        <>
          <circle
            cx={hip[0]}
            cy={hip[1]}
            r={radius}
            className="film-line"
            vectorEffect="non-scaling-stroke"
          />
          <circle cx={hip[0]} cy={hip[1]} r={4 / scale} className="film-centre" />
        </>
      )}
      <Segment a={hip} b={p[3]} className="film-line" />
      <Segment a={p[3]} b={p[4]} className="film-line" />
      <Segment a={hip} b={p[4]} className="film-line load" />
      <Segment a={p[5]} b={p[6]} className="film-line joint" />
      <Segment a={p[7]} b={p[8]} className="film-line joint" />
    </>
  );
}

/** A point with its number: larger when selected, so the arrow keys' target is plain. */
function Mark({
  p,
  n,
  scale,
  selected,
  kind,
}: {
  p: FilmPoint;
  n: string;
  scale: number;
  selected: boolean;
  kind: string;
}) {
  const r = (selected ? 9 : 6) / scale;
  return (
    <g className={`film-mark ${kind}${selected ? ' selected' : ''}`}>
      <circle cx={p[0]} cy={p[1]} r={r} vectorEffect="non-scaling-stroke" />
      <text x={p[0] + r + 3 / scale} y={p[1] - r} fontSize={13 / scale}>
        {n}
      </text>
    </g>
  );
}

/** What is drawn over the film, in the image's own pixels (the SVG's viewBox is the film). */
export function FilmOverlay({ film, region, scale, showCursor }: Props) {
  const points = useFilm((s) => s.points);
  const ruler = useFilm((s) => s.ruler);
  const distance = useFilm((s) => s.distance);
  const selected = useFilm((s) => s.selected);
  const cursor = useFilm((s) => s.cursor);
  const arm = 14 / scale;
  return (
    <svg
      className="film-overlay"
      viewBox={`0 0 ${film.width} ${film.height}`}
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      {region === 'foot' ? (
        FOOT_LINES.map(([a, b]) => <Segment key={a} a={points[a]} b={points[b]} className="film-line" />)
      ) : (
        <KneeLines p={points} scale={scale} />
      )}
      <FilmPlanLayer region={region} scale={scale} />
      {points.map(
        (p, i) =>
          p && (
            <Mark key={i} p={p} n={String(i + 1)} scale={scale} selected={selected === i} kind="landmark" />
          ),
      )}
      <Segment a={ruler[0]} b={ruler[1]} className="film-line ruler" />
      {ruler.map((p, i) => (
        <Mark key={i} p={p} n="" scale={scale} selected={false} kind="ruler" />
      ))}
      <Segment a={distance[0]} b={distance[1]} className="film-line distance" />
      {distance.map((p, i) => (
        <Mark key={i} p={p} n="" scale={scale} selected={false} kind="distance" />
      ))}
      {showCursor && cursor && (
        <g className="film-cursor">
          <line
            x1={cursor[0] - arm}
            y1={cursor[1]}
            x2={cursor[0] + arm}
            y2={cursor[1]}
            vectorEffect="non-scaling-stroke"
          />
          <line
            x1={cursor[0]}
            y1={cursor[1] - arm}
            x2={cursor[0]}
            y2={cursor[1] + arm}
            vectorEffect="non-scaling-stroke"
          />
        </g>
      )}
    </svg>
  );
}
