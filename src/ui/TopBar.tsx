import { lazy, memo, Suspense, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from '../i18n';
import { useShallow } from 'zustand/react/shallow';
import { QuietBoundary } from './QuietBoundary';
import { useSession } from '../state/store';
import { FullscreenButton } from './FullscreenButton';
import { OpenFilmButton } from './film/OpenFilmButton';
import { MenuButton } from './MenuButton';
import { NarrationToggle } from './NarrationToggle';
import { ProcedurePicker, useProcedureChoice } from './ProcedurePicker';
import { Segmented } from './Segmented';
import { foldGroup, useFitLevel, type Arrangement } from './use-fit-level';

/** The share dialog (and the QR code library) load when first asked for. */
const ShareDialog = lazy(() => import('./ShareDialog'));

type Foldable = 'title' | 'settings' | 'side' | 'picker' | 'language' | 'region' | 'words';

/**
 * The bar's arrangements from the widest to the narrowest: what folds into a menu in each, tried in
 * turn until the bar fits. The title goes first, then the settings a consultation sets once; the
 * side stays out while the operations fit beside it, and comes back once they fold into their own
 * menu; the language, then the body part (into the operations' menu) go next; last, the menus'
 * buttons keep the fewest words (the operation alone, the settings as an icon).
 */
const FOLDS: readonly (readonly Foldable[])[] = [
  [],
  ['title'],
  ['title', 'settings'],
  ['title', 'settings', 'side'],
  ['title', 'settings', 'picker'],
  ['title', 'settings', 'picker', 'side'],
  ['title', 'settings', 'picker', 'side', 'language'],
  ['title', 'settings', 'picker', 'side', 'language', 'region'],
  ['title', 'settings', 'picker', 'side', 'language', 'region', 'words'],
];

/** Each arrangement's folds, and its menus: the operations' once the picker folds, the settings'. */
const ARRANGEMENTS: readonly Arrangement[] = FOLDS.map((folded) => ({
  folded,
  menus: Number(folded.includes('picker')) + Number(folded.includes('settings')),
}));

/** A gear: the settings, where there is no room for the word. */
function GearIcon() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="3.2" fill="none" stroke="currentColor" strokeWidth="2" />
      <path
        d="M12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3M5.3 5.3l2.1 2.1M16.6 16.6l2.1 2.1M5.3 18.7l2.1-2.1M16.6 7.4l2.1-2.1"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}

/** A control with its name written above it, as it stands in a menu. */
function Row({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div className="menu-row">
      <span className="menu-label">{label}</span>
      {children}
    </div>
  );
}

/**
 * Region, operation, side, size, skin, reading aloud, language and share: the controls every user needs first, on
 * one row at any width. What does not fit folds into two menus, the operations' and the settings'.
 */
export const TopBar = memo(function TopBar() {
  const { t } = useTranslation();
  const [sharing, setSharing] = useState(false);
  const s = useSession(
    useShallow(({ region, side, sex, skin, lang, mode, set }) => ({
      region,
      side,
      sex,
      skin,
      lang,
      mode,
      set,
    })),
  );
  // A kiosk's visitor may put it back to full screen (its own button shows only while it plays).
  const fullscreen = s.mode === 'kiosk' && <FullscreenButton />;
  const choice = useProcedureChoice();
  const bar = useRef<HTMLElement>(null);
  const level = useFitLevel(bar, ARRANGEMENTS, `${s.lang} ${s.region} ${choice.label}`);
  const folded = (what: Foldable) => FOLDS[level]!.includes(what);

  const region = (
    <Segmented
      label={t('region.label')}
      value={s.region}
      options={[
        { value: 'foot', label: t('region.foot'), testId: 'region-foot' },
        { value: 'knee', label: t('region.knee'), testId: 'region-knee' },
      ]}
      onChange={(region) => s.set({ region })}
    />
  );
  const side = (
    <Segmented
      label={t('side.label')}
      value={s.side}
      options={[
        { value: 'right', label: t('side.right'), testId: 'side-right' },
        { value: 'left', label: t('side.left'), testId: 'side-left' },
      ]}
      onChange={(side) => s.set({ side })}
    />
  );
  const sex = (
    <Segmented
      label={t('sex.label')}
      value={s.sex}
      options={[
        { value: 'm', label: t('sex.m'), testId: 'sex-m' },
        { value: 'f', label: t('sex.f'), testId: 'sex-f' },
      ]}
      onChange={(sex) => s.set({ sex })}
    />
  );
  const skin = (
    <label className="toggle">
      <input
        type="checkbox"
        checked={s.skin}
        onChange={(e) => s.set({ skin: e.target.checked })}
        data-testid="skin"
      />
      {t('controls.skin')}
    </label>
  );
  const language = (
    <button
      type="button"
      lang={s.lang === 'en' ? 'it' : 'en'}
      aria-label={t('controls.languageLabel')}
      onClick={() => s.set({ lang: s.lang === 'en' ? 'it' : 'en' })}
      data-testid="lang-toggle"
    >
      {t('controls.language')}
    </button>
  );
  // A kiosk's visitors have no film of their own to open: the kiosk offers none.
  const film = s.mode !== 'kiosk' && <OpenFilmButton />;
  const share = (
    <button type="button" onClick={() => setSharing(true)} data-testid="share">
      {t('share.button')}
    </button>
  );

  return (
    <header className="topbar" ref={bar} data-fold={level}>
      <span {...foldGroup('title')}>
        <h1 className={folded('title') ? 'brand visually-hidden' : 'brand'}>{t('app.title')}</h1>
      </span>
      {!folded('region') && <span {...foldGroup('region')}>{region}</span>}
      {folded('picker') ? (
        <MenuButton
          label={
            folded('region') && !folded('words')
              ? `${t(`region.${s.region}`)} · ${choice.label}`
              : choice.label
          }
          name={`${t('procedure.label')}: ${choice.label}`}
          testId="procedure-menu"
          closeOn="[data-testid^='procedure-']"
        >
          {folded('region') && <Row label={t('region.label')}>{region}</Row>}
          <Row label={t('procedure.label')}>
            <ProcedurePicker vertical />
          </Row>
        </MenuButton>
      ) : (
        <span {...foldGroup('picker')}>
          <ProcedurePicker />
        </span>
      )}
      {!folded('side') && <span {...foldGroup('side')}>{side}</span>}
      {!folded('settings') && (
        <span {...foldGroup('settings')}>
          {sex}
          {skin}
          <NarrationToggle />
        </span>
      )}
      <span className="topbar-end">
        {!folded('language') && <span {...foldGroup('language')}>{language}</span>}
        {folded('settings') ? (
          <MenuButton
            label={folded('words') ? <GearIcon /> : t('controls.settings')}
            name={t('controls.settings')}
            testId="settings-menu"
          >
            {folded('side') && <Row label={t('side.label')}>{side}</Row>}
            <Row label={t('sex.label')}>{sex}</Row>
            {skin}
            <NarrationToggle />
            {folded('language') && language}
            {film}
            {share}
            {fullscreen}
          </MenuButton>
        ) : (
          <span {...foldGroup('settings')}>
            {film}
            {share}
            {fullscreen}
          </span>
        )}
      </span>
      {sharing && (
        <QuietBoundary onError={() => setSharing(false)}>
          <Suspense fallback={null}>
            <ShareDialog onClose={() => setSharing(false)} />
          </Suspense>
        </QuietBoundary>
      )}
    </header>
  );
});
