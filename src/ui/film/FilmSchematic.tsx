import type { FilmRegion } from '../../clinical/film-measures';

type Pt = readonly [number, number];

/**
 * Two small drawings of where the landmarks go, in the order they are placed: a right forefoot
 * seen from above (the big toe on the left, as a dorsoplantar film shows it) and a right lower limb
 * seen from the front (the body's midline, so the medial side, on the right).
 */
const DRAWINGS: Record<
  FilmRegion,
  { viewBox: string; bones: readonly (readonly Pt[])[]; points: readonly Pt[] }
> = {
  foot: {
    viewBox: '0 0 100 140',
    bones: [
      [
        [30, 118],
        [36, 70],
      ],
      [
        [38, 60],
        [47, 40],
      ],
      [
        [49, 33],
        [55, 16],
      ],
      [
        [50, 120],
        [54, 66],
      ],
      [
        [62, 120],
        [66, 72],
      ],
      [
        [72, 118],
        [76, 78],
      ],
      [
        [82, 114],
        [86, 84],
      ],
    ],
    points: [
      [30, 116],
      [36, 72],
      [38, 60],
      [47, 40],
      [50, 118],
      [54, 68],
      [29, 66],
      [43, 63],
      [49, 33],
      [55, 16],
    ],
  },
  knee: {
    viewBox: '0 0 80 200',
    bones: [
      [
        [34, 26],
        [38, 106],
      ],
      [
        [46, 18],
        [34, 26],
      ],
      [
        [28, 110],
        [48, 110],
      ],
      [
        [28, 122],
        [50, 122],
      ],
      [
        [39, 124],
        [40, 184],
      ],
      [
        [27, 128],
        [28, 184],
      ],
      [
        [34, 190],
        [46, 190],
      ],
    ],
    points: [
      [38, 18],
      [46, 10],
      [54, 18],
      [38, 117],
      [40, 190],
      [46, 115],
      [30, 115],
      [50, 118],
      [26, 118],
    ],
  },
};

/** Where the next point goes (ringed), among those placed (filled) and those still to place (hollow). */
export function FilmSchematic({
  region,
  next,
  placed,
  label,
}: {
  readonly region: FilmRegion;
  readonly next: number | null;
  readonly placed: readonly boolean[];
  readonly label: string;
}) {
  const d = DRAWINGS[region];
  return (
    <svg className="film-schematic" viewBox={d.viewBox} role="img" aria-label={label}>
      {region === 'knee' && <circle cx={46} cy={18} r={8} className="bone" />}
      {d.bones.map((b, i) => (
        <polyline key={i} points={b.map((p) => p.join(',')).join(' ')} className="bone" />
      ))}
      {d.points.map(([x, y], i) => (
        <g key={i} className={i === next ? 'spot next' : placed[i] ? 'spot placed' : 'spot'}>
          {i === next && <circle cx={x} cy={y} r={6} className="ring" />}
          <circle cx={x} cy={y} r={i === next ? 2.6 : 1.8} />
        </g>
      ))}
    </svg>
  );
}
