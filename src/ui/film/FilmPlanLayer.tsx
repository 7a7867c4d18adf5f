import type { FilmPoint } from '../../clinical/film-measures';
import { formatNumber, useTranslation, type Language } from '../../i18n';
import { planShapes, type Shape, type PlanWords } from './film-plan-shapes';
import { useSession } from '../../state/store';
import type { FilmPlanView } from './use-film-plan';
import { useFilmPlan } from './use-film-plan';
import type { FilmRegion } from '../../clinical/film-measures';

type T = (key: string, values?: Record<string, unknown>) => string;

/** The gap as the film can give it: mm when calibrated, else pixels with the word that says so. */
export function gapWords(view: FilmPlanView, t: T, lang: Language): string {
  if (view.region === 'foot') {
    const p = view.plan;
    return p.shiftMm !== undefined
      ? `${formatNumber(lang, p.shiftMm)} mm`
      : t('film.plan.uncalibrated', { count: Math.round(p.shiftPx) });
  }
  const p = view.plan;
  return p.calibrated
    ? `${formatNumber(lang, p.gapMm)} mm`
    : t('film.plan.uncalibrated', { count: Math.round(p.gapPx) });
}

/** The labels drawn on the film, in the user's language. */
export function planWords(view: FilmPlanView, t: T, lang: Language): PlanWords {
  const knee = view.region === 'knee' ? view.plan : undefined;
  const foot = view.region === 'foot' ? view.plan : undefined;
  const gap = gapWords(view, t, lang);
  return {
    target: knee ? t('film.plan.label.target', { value: formatNumber(lang, knee.targetWbl) }) : '',
    hinge: t('film.plan.label.hinge'),
    moved: t(knee?.moved === 'hip' ? 'film.plan.label.hip' : 'film.plan.label.ankle'),
    correction: knee
      ? t('film.plan.label.correction', { value: formatNumber(lang, Math.abs(knee.correction)) })
      : '',
    gap,
    newLoad: t('film.plan.label.newLoad'),
    shift: t('film.plan.label.shift', { value: gap }),
    hvaPost: foot ? t('film.plan.label.hva', { value: formatNumber(lang, foot.hva) }) : '',
    imaPost: foot ? t('film.plan.label.ima', { value: formatNumber(lang, foot.ima) }) : '',
  };
}

const pts = (p: readonly FilmPoint[]) => p.map((q) => `${q[0]},${q[1]}`).join(' ');

/**
 * One shape in the film's SVG (image pixels; `scale` screen pixels per image pixel keeps strokes,
 * dots and labels their screen size). Each carries `data-plan` for the tests.
 */
export function ShapeSvg({ s, scale, prefix }: { s: Shape; scale: number; prefix: string }) {
  // A label names what it labels in an attribute of its own: `data-plan` finds the drawn element alone.
  const data = { [s.kind === 'label' ? `data-${prefix}-label` : `data-${prefix}`]: s.id };
  switch (s.kind) {
    case 'line':
      return (
        <line
          {...data}
          x1={s.a[0]}
          y1={s.a[1]}
          x2={s.b[0]}
          y2={s.b[1]}
          stroke={s.colour}
          strokeWidth={s.width}
          strokeDasharray={s.dash ? '8 5' : undefined}
          vectorEffect="non-scaling-stroke"
        />
      );
    case 'polygon':
      return <polygon {...data} points={pts(s.points)} fill={s.fill} stroke="none" />;
    case 'dot':
      return (
        <circle
          {...data}
          cx={s.at[0]}
          cy={s.at[1]}
          r={s.r / scale}
          fill={s.hollow ? 'rgba(0, 0, 0, 0.35)' : s.colour}
          stroke={s.hollow ? s.colour : '#000'}
          strokeWidth={2}
          vectorEffect="non-scaling-stroke"
        />
      );
    case 'arc': {
      const r = Math.hypot(s.from[0] - s.centre[0], s.from[1] - s.centre[1]);
      const cross =
        (s.from[0] - s.centre[0]) * (s.to[1] - s.centre[1]) -
        (s.from[1] - s.centre[1]) * (s.to[0] - s.centre[0]);
      return (
        <path
          {...data}
          d={`M ${s.from[0]} ${s.from[1]} A ${r} ${r} 0 0 ${cross > 0 ? 1 : 0} ${s.to[0]} ${s.to[1]}`}
          fill="none"
          stroke={s.colour}
          strokeWidth={s.width}
          vectorEffect="non-scaling-stroke"
        />
      );
    }
    case 'label':
      return (
        <text
          textAnchor={s.anchor ?? 'start'}
          {...data}
          x={s.at[0]}
          y={s.at[1]}
          fill={s.colour}
          fontSize={14 / scale}
          fontWeight={700}
          stroke="#000"
          strokeWidth={3 / scale}
          paintOrder="stroke"
        >
          {s.text}
        </text>
      );
  }
}

/** The open operation's plan over the film, once its points are placed (inside FilmOverlay's SVG). */
export function FilmPlanLayer({ region, scale }: { readonly region: FilmRegion; readonly scale: number }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const view = useFilmPlan(region);
  if (!view || !(scale > 0)) return null;
  const shapes = planShapes(view, planWords(view, t, lang), 1 / scale);
  return (
    <g className="film-plan" data-plan-procedure={view.procedure}>
      {shapes.map((s, i) => (
        <ShapeSvg key={i} s={s} scale={scale} prefix="plan" />
      ))}
    </g>
  );
}
