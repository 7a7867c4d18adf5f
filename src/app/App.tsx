import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Stage } from '../scene/Stage';
import { useView } from '../state/view-store';
import { AnglesPanel } from '../ui/AnglesPanel';
import { Notices } from '../ui/Notices';
import { HoverLabel, LoadOverlay, NoWebGL } from '../ui/StageOverlays';
import { TopBar } from '../ui/TopBar';
import { StageBoundary } from './StageBoundary';
import { useUrlSync } from './use-url-sync';
import { hasWebGL } from './webgl-support';

export function App() {
  const { t } = useTranslation();
  useUrlSync();
  const [webgl] = useState(hasWebGL);
  const ready = useView((s) => s.status === 'ready' && s.drawn);
  const attempt = useView((s) => s.attempt);
  return (
    <div className="app">
      <TopBar />
      <Notices />
      <main className="layout">
        <section className="stage" data-testid="stage" data-ready={ready} aria-label={t('app.stageLabel')}>
          {webgl ? (
            <StageBoundary key={attempt}>
              <Stage />
            </StageBoundary>
          ) : (
            <NoWebGL />
          )}
          {webgl && <LoadOverlay />}
          <HoverLabel />
        </section>
        <AnglesPanel />
      </main>
    </div>
  );
}
