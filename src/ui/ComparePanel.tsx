import { MEASURE_UNIT, REGION_MEASURES } from '../clinical/measures';
import { formatNumber, useTranslation } from '../i18n';
import { comparableWith, comparedParams } from '../state/compare';
import type { Case } from '../engine/case';
import { usePlanOf, useProcedurePlan } from '../state/procedure-plan';
import { useSession } from '../state/store';

const NONE = {};

interface Row {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly digits: number;
  readonly value: (s: Case) => number | undefined;
}

/** The post-operative measures, then each readout either operation has, as rows. */
function rows(a: Case, b: Case, t: (k: string) => string): Row[] {
  const measures = REGION_MEASURES[a.plan.proc.region].map((id): Row => ({
    id: `${id}-post`,
    label: t(`measure.${id}`),
    unit: MEASURE_UNIT[id],
    digits: 1,
    value: (s) => s.post[id],
  }));
  const readouts = new Map<string, Row>();
  for (const s of [a, b])
    for (const [id, r] of Object.entries(s.plan.proc.readouts ?? {}))
      if (!readouts.has(id))
        readouts.set(id, {
          id,
          label: t(`procedure.readout.${id}`),
          unit: r.unit === '' ? '' : ` ${r.unit}`,
          digits: r.unit === '' ? 0 : 1,
          value: (x) => {
            const own = x.plan.proc.readouts?.[id];
            return own ? x.values[own.value] : undefined;
          },
        });
  return [...measures, ...readouts.values()].filter(
    (r) => r.value(a) !== undefined || r.value(b) !== undefined,
  );
}

/**
 * Study: another operation (or the patient before surgery) beside the open one, on the same
 * patient and one timeline, with both results measured on their corrected models side by side.
 */
export default function ComparePanel() {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const procedure = useSession((s) => s.procedure);
  const compare = useSession((s) => s.compare);
  const params = useSession((s) => s.params);
  const set = useSession((s) => s.set);
  const other = compare && compare !== 'before' ? compare : null;
  const otherParams = other ? comparedParams(other, params) : NONE;
  const a = useProcedurePlan();
  const b = usePlanOf(other, otherParams);
  const options = comparableWith(procedure);
  if (!procedure) return null;
  // Its own attributes, not `data-measure` and `data-pane`: `[data-measure="<id>"]` names the one
  // readout in the procedure panel and `[data-pane]` a view on the stage; this table repeats both.
  const cell = (s: Case, r: Row, pane: string) => {
    const v = r.value(s);
    return v === undefined ? (
      <td data-compare-pane={pane}>–</td>
    ) : (
      <td data-compare-pane={pane} data-compare-measure={r.id} data-value={v.toFixed(2)}>
        {formatNumber(lang, v, r.digits)}
        {r.unit}
      </td>
    );
  };
  return (
    <section className="panel compare" aria-labelledby="compare-title" data-testid="compare-panel">
      <h2 id="compare-title">{t('compare.title')}</h2>
      <label className="measure">
        {t('compare.with')}
        <select
          value={compare ?? ''}
          onChange={(e) => set({ compare: e.target.value || null })}
          data-testid="compare-select"
        >
          <option value="">{t('compare.none')}</option>
          {options.map((id) => (
            <option key={id} value={id}>
              {id === 'before' ? t('compare.before') : t(`proc.${id}.name`)}
            </option>
          ))}
        </select>
      </label>
      {a && b && (
        <>
          <p className="hint">{t('compare.hint')}</p>
          <table className="outcome" data-testid="compare-readouts">
            <caption>{t('compare.outcome')}</caption>
            <thead>
              <tr>
                <th />
                <th scope="col">{t(`proc.${a.plan.proc.id}.name`)}</th>
                <th scope="col">{t(`proc.${b.plan.proc.id}.name`)}</th>
              </tr>
            </thead>
            <tbody>
              {rows(a, b, t).map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.label}</th>
                  {cell(a, r, 'main')}
                  {cell(b, r, 'other')}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
