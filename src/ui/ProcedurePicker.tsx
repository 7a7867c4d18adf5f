import { useTranslation } from '../i18n';
import { proceduresOf } from '../procedures/registry';
import { useSession } from '../state/store';
import { Segmented } from './Segmented';

/** The open operation's short name (the full one where the short is missing), or "anatomy only". */
export function useProcedureChoice(): { readonly label: string } {
  const { t } = useTranslation();
  const procedure = useSession((s) => s.procedure);
  return {
    label: procedure
      ? t(`proc.${procedure}.short`, { defaultValue: t(`proc.${procedure}.name`) })
      : t('procedure.none'),
  };
}

/** Anatomy alone, or one of the region's operations: a row of buttons, or a column in a menu. */
export function ProcedurePicker({ vertical = false }: { readonly vertical?: boolean }) {
  const { t } = useTranslation();
  const region = useSession((s) => s.region);
  const procedure = useSession((s) => s.procedure);
  const setProcedure = useSession((s) => s.setProcedure);
  return (
    <Segmented
      label={t('procedure.label')}
      value={procedure ?? 'none'}
      vertical={vertical}
      options={[
        { value: 'none', label: t('procedure.none'), testId: 'procedure-none' },
        ...proceduresOf(region).map((p) => ({
          value: p.id,
          // A short label where the full name is long (the knee's four); the full name in a menu,
          // where there is room for it, and as the button's tooltip.
          label: vertical
            ? t(`proc.${p.id}.name`)
            : t(`proc.${p.id}.short`, { defaultValue: t(`proc.${p.id}.name`) }),
          testId: `procedure-${p.id}`,
          title: t(`proc.${p.id}.name`),
          ...(p.icon ? { icon: p.icon } : {}),
        })),
      ]}
      onChange={(id) => setProcedure(id === 'none' ? null : id)}
    />
  );
}
