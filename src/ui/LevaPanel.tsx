import { Leva, useControls } from 'leva';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { allParams, procedureById } from '../procedures/registry';
import type { ParamValue } from '../procedures/types';
import { useSession } from '../state/session-store';

/** Leva's default grey text on its inputs falls short of WCAG AA contrast: lighter text. */
const LEVA_THEME = { colors: { highlight1: '#9aa1b1', highlight2: '#d5d9e3', highlight3: '#ffffff' } };

/** Writes a value from the panel to the session, unless it is already there (no echo loops). */
function toSession(id: string, value: ParamValue): void {
  const s = useSession.getState();
  if (s.params[id] !== value) s.setParam(id, value);
}

function ProcedureControls({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const def = procedureById(id)!;
  const params = useSession((s) => s.params);
  const schema = useMemo(
    () =>
      Object.fromEntries(
        allParams(def).map((d) => {
          const value = useSession.getState().params[d.id] ?? d.default;
          const common = {
            label: d.id,
            transient: false as const,
            onChange: (v: ParamValue) => toSession(d.id, v),
          };
          return d.kind === 'number'
            ? [d.id, { ...common, value: Number(value), min: d.min, max: d.max, step: d.step }]
            : [d.id, { ...common, value: String(value), options: d.values }];
        }),
      ),
    [def],
  );
  const [, set] = useControls(t(`proc.${def.id}.name`), () => schema, [def]);
  // The session may change from elsewhere (the big controls, the URL): mirror it here.
  useEffect(() => set(params), [params, set]);
  return null;
}

/**
 * The study view's parameter panel (leva): every parameter of the open procedure with its exact
 * range and step, beside the app's own large controls. Loaded only in the study view.
 */
export default function LevaPanel() {
  const procedure = useSession((s) => s.procedure);
  return (
    <>
      <Leva collapsed={false} oneLineLabels titleBar={{ drag: true, filter: false }} theme={LEVA_THEME} />
      {procedure && <ProcedureControls key={procedure} id={procedure} />}
    </>
  );
}
