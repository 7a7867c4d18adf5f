import { Leva, useControls } from 'leva';
import { useEffect, useMemo } from 'react';
import { useTranslation } from '../i18n';
import { addonOf, allParams, procedureById } from '../procedures/registry';
import type { ParamValue, ProcedureDef } from '../procedures/types';
import { useSession } from '../state/store';

/** Leva's default grey text on its inputs falls short of WCAG AA contrast: lighter text. */
const LEVA_THEME = {
  colors: { highlight1: '#9aa1b1', highlight2: '#d5d9e3', highlight3: '#ffffff' },
  // Rows a finger can hit (44 px, as the app's own controls).
  sizes: { rowHeight: '44px', folderTitleHeight: '44px', numberInputMinWidth: '52px' },
};

/** Writes a value from the panel to the session, unless it is already there (no echo loops). */
function toSession(id: string, value: ParamValue): void {
  const s = useSession.getState();
  if (s.params[id] !== value) s.setParam(id, value);
}

/** Whose strings name each parameter: the procedure's own, an add-on's, or null for an add-on's switch. */
function paramOwners(def: ProcedureDef): Map<string, string | null> {
  const owners = new Map<string, string | null>(def.params.map((d) => [d.id, def.id]));
  for (const id of def.addons ?? []) {
    owners.set(id, null);
    const added = addonOf(def, id);
    for (const d of added?.params ?? []) if (!owners.has(d.id)) owners.set(d.id, added!.id);
  }
  return owners;
}

function ProcedureControls({ id }: { readonly id: string }) {
  const { t, i18n } = useTranslation();
  const def = procedureById(id)!;
  const params = useSession((s) => s.params);
  const schema = useMemo(() => {
    const owners = paramOwners(def);
    return Object.fromEntries(
      allParams(def).map((d) => {
        const value = useSession.getState().params[d.id] ?? d.default;
        const owner = owners.get(d.id);
        // The same words as the large controls beside it, in the user's language.
        const label = owner ? t(`proc.${owner}.param.${d.id}`) : t(`procedure.addon.${d.id}`);
        const common = { label, transient: false as const, onChange: (v: ParamValue) => toSession(d.id, v) };
        if (d.kind === 'number')
          return [d.id, { ...common, value: Number(value), min: d.min, max: d.max, step: d.step }];
        const name = (v: string) =>
          owner ? t(`proc.${owner}.${d.id}.${v}`) : t(v === '1' ? 'procedure.addonOn' : 'procedure.addonOff');
        return [
          d.id,
          { ...common, value: String(value), options: Object.fromEntries(d.values.map((v) => [name(v), v])) },
        ];
      }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [def, i18n.language]);
  const [, set] = useControls(t(`proc.${def.id}.name`), () => schema, [def, i18n.language]);
  // The session may change from elsewhere (the big controls, the URL): mirror it here.
  useEffect(() => set(params), [params, set]);
  return null;
}

/**
 * The study view's parameter panel (leva): every parameter of the open procedure with its exact
 * range and step, at the top of the side panel, above the app's own large controls. Loaded only in
 * the study view.
 */
export default function LevaPanel() {
  const procedure = useSession((s) => s.procedure);
  return (
    <>
      {/* In the side panel, not floating: it never lies over the top bar or the readouts. */}
      <div className="leva-host">
        <Leva fill collapsed={false} oneLineLabels titleBar={false} theme={LEVA_THEME} />
      </div>
      {procedure && <ProcedureControls key={procedure} id={procedure} />}
    </>
  );
}
