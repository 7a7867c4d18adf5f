import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../state/session-store';
import { Segmented } from './Segmented';

/** Over the stage's top-left corner, clear of the caption at the bottom. */
const CORNER: CSSProperties = {
  position: 'absolute',
  top: 8,
  left: 8,
  zIndex: 1,
  display: 'flex',
  flexWrap: 'wrap',
  gap: 8,
  padding: 4,
  borderRadius: 12,
  background: 'rgba(10, 20, 28, 0.6)',
};

/** 3D or X-ray (fluoroscopy) view and, in X-ray, the C-arm's projection: AP or lateral. */
export function ViewControls() {
  const { t } = useTranslation();
  const view = useSession((s) => s.view);
  const proj = useSession((s) => s.proj);
  const set = useSession((s) => s.set);
  return (
    <div style={CORNER} className="view-controls" data-testid="view-controls">
      <Segmented
        label={t('view.label')}
        value={view}
        options={[
          { value: '3d', label: t('view.3d'), testId: 'view-3d' },
          { value: 'xray', label: t('view.xray'), testId: 'view-xray', title: t('view.xrayTitle') },
        ]}
        onChange={(v) => set({ view: v })}
      />
      {view === 'xray' && (
        <Segmented
          label={t('view.projLabel')}
          value={proj}
          options={[
            { value: 'ap', label: t('view.ap'), testId: 'proj-ap', title: t('view.apTitle') },
            { value: 'lat', label: t('view.lat'), testId: 'proj-lat', title: t('view.latTitle') },
          ]}
          onChange={(p) => set({ proj: p })}
        />
      )}
    </div>
  );
}
