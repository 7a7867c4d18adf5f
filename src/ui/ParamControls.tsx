import { formatNumber, useTranslation } from '../i18n';
import { addonOf } from '../procedures/registry';
import type { ChoiceParamDef, NumberParamDef, ProcedureDef } from '../procedures/types';
import { useSession } from '../state/store';
import { Segmented } from './Segmented';

/** As many decimals as the slider's step has (0.05 → 2). */
const stepDigits = (step: number): number => String(step).split('.')[1]?.length ?? 0;

/** A number parameter's slider, its value and, past its limit, the limit's warning. */
function NumberParam({ proc, def }: { readonly proc: string; readonly def: NumberParamDef }) {
  const { t } = useTranslation();
  const value = Number(useSession((s) => s.params[def.id]));
  const lang = useSession((s) => s.lang);
  const setParam = useSession((s) => s.setParam);
  const over = def.limit && value > def.limit.above;
  const planned = def.auto && value === 0;
  return (
    <div className="measure">
      <label htmlFor={`param-${def.id}`}>{t(`proc.${proc}.param.${def.id}`)}</label>
      <input
        id={`param-${def.id}`}
        type="range"
        min={def.min}
        max={def.max}
        step={def.step}
        value={value}
        onChange={(e) => setParam(def.id, Number(e.target.value))}
        data-testid={`param-${def.id}`}
      />
      <output className="readout">
        <strong>
          {planned ? t('procedure.auto') : `${formatNumber(lang, value, stepDigits(def.step))} ${def.unit}`}
        </strong>
      </output>
      {over && (
        <p className="warning" role="alert" data-warning={def.id}>
          {t(def.limit!.warning)}
        </p>
      )}
    </div>
  );
}

/** A choice parameter's segmented switch. */
function ChoiceParam({ proc, def }: { readonly proc: string; readonly def: ChoiceParamDef }) {
  const { t } = useTranslation();
  const value = String(useSession((s) => s.params[def.id]));
  const setParam = useSession((s) => s.setParam);
  return (
    <div className="measure">
      <span>{t(`proc.${proc}.param.${def.id}`)}</span>
      <Segmented
        label={t(`proc.${proc}.param.${def.id}`)}
        value={value}
        options={def.values.map((v) => ({
          value: v,
          label: t(`proc.${proc}.${def.id}.${v}`),
          testId: `param-${def.id}-${v}`,
        }))}
        onChange={(v) => setParam(def.id, v)}
      />
    </div>
  );
}

/** A procedure's own parameters: a slider for each number, a segmented switch for each choice. */
export function ParamControls({ proc }: { readonly proc: ProcedureDef }) {
  return proc.params.map((d) =>
    d.kind === 'number' ? (
      <NumberParam key={d.id} proc={proc.id} def={d} />
    ) : (
      <ChoiceParam key={d.id} proc={proc.id} def={d} />
    ),
  );
}

/** Another procedure that may be added in the same sitting: a switch, then its own controls. */
export function AddonControls({ host, id }: { readonly host: ProcedureDef; readonly id: string }) {
  const { t } = useTranslation();
  const on = useSession((s) => s.params[id] === '1');
  const setParam = useSession((s) => s.setParam);
  const added = addonOf(host, id);
  if (!added) return null;
  return (
    <>
      <label className="toggle">
        <input
          type="checkbox"
          checked={on}
          onChange={(e) => setParam(id, e.target.checked ? '1' : '0')}
          data-testid={`addon-${id}`}
        />
        {t(`procedure.addon.${id}`)}
      </label>
      {on && <ParamControls proc={added} />}
    </>
  );
}
