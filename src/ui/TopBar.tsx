import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { QuietBoundary } from './QuietBoundary';
import { useSession } from '../state/store';
import { useView } from '../state/store';
import { ProcedurePicker } from './ProcedurePicker';
import { NarrationToggle } from './NarrationToggle';
import { Segmented } from './Segmented';

/** The share dialog (and the QR code library) load when first asked for. */
const ShareDialog = lazy(() => import('./ShareDialog'));

/** Region, side, size, skin, view and language: the controls every user needs first. */
export function TopBar() {
  const { t } = useTranslation();
  const [sharing, setSharing] = useState(false);
  const s = useSession(
    useShallow(({ region, side, sex, skin, lang, set }) => ({ region, side, sex, skin, lang, set })),
  );
  return (
    <header className="topbar">
      <h1 className="brand">{t('app.title')}</h1>
      <Segmented
        label={t('region.label')}
        value={s.region}
        options={[
          { value: 'foot', label: t('region.foot'), testId: 'region-foot' },
          { value: 'knee', label: t('region.knee'), testId: 'region-knee' },
        ]}
        onChange={(region) => s.set({ region })}
      />
      <ProcedurePicker />
      <Segmented
        label={t('side.label')}
        value={s.side}
        options={[
          { value: 'right', label: t('side.right'), testId: 'side-right' },
          { value: 'left', label: t('side.left'), testId: 'side-left' },
        ]}
        onChange={(side) => s.set({ side })}
      />
      <Segmented
        label={t('sex.label')}
        value={s.sex}
        options={[
          { value: 'm', label: t('sex.m'), testId: 'sex-m' },
          { value: 'f', label: t('sex.f'), testId: 'sex-f' },
        ]}
        onChange={(sex) => s.set({ sex })}
      />
      <label className="toggle">
        <input
          type="checkbox"
          checked={s.skin}
          onChange={(e) => s.set({ skin: e.target.checked })}
          data-testid="skin"
        />
        {t('controls.skin')}
      </label>
      <NarrationToggle />
      <button type="button" onClick={() => useView.getState().resetView()} data-testid="reset-view">
        {t('controls.resetView')}
      </button>
      <button
        type="button"
        lang={s.lang === 'en' ? 'it' : 'en'}
        aria-label={t('controls.languageLabel')}
        onClick={() => s.set({ lang: s.lang === 'en' ? 'it' : 'en' })}
        data-testid="lang-toggle"
      >
        {t('controls.language')}
      </button>
      <button type="button" onClick={() => setSharing(true)} data-testid="share">
        {t('share.button')}
      </button>
      {sharing && (
        <QuietBoundary onError={() => setSharing(false)}>
          <Suspense fallback={null}>
            <ShareDialog onClose={() => setSharing(false)} />
          </Suspense>
        </QuietBoundary>
      )}
    </header>
  );
}
