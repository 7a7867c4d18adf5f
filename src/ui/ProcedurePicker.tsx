import { useTranslation } from 'react-i18next';
import { proceduresOf } from '../procedures/registry';
import { useSession } from '../state/store';
import { Segmented } from './Segmented';

/** Anatomy alone, or one of the region's operations. */
export function ProcedurePicker() {
  const { t } = useTranslation();
  const region = useSession((s) => s.region);
  const procedure = useSession((s) => s.procedure);
  const setProcedure = useSession((s) => s.setProcedure);
  return (
    <Segmented
      label={t('procedure.label')}
      value={procedure ?? 'none'}
      options={[
        { value: 'none', label: t('procedure.none'), testId: 'procedure-none' },
        ...proceduresOf(region).map((p) => ({
          value: p.id,
          // A short label where the full name is long (the knee's four); the full name as its tooltip.
          label: t(`proc.${p.id}.short`, { defaultValue: t(`proc.${p.id}.name`) }),
          testId: `procedure-${p.id}`,
          title: t(`proc.${p.id}.name`),
          ...(p.icon ? { icon: p.icon } : {}),
        })),
      ]}
      onChange={(id) => setProcedure(id === 'none' ? null : id)}
    />
  );
}
