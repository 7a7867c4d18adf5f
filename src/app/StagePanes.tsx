import { memo, useState } from 'react';
import { useTextsReady, useTranslation } from '../i18n';
import { Pane, type PaneKind } from '../scene/pane';
import { LoadedStage } from './stage-chunk';
import { secondPane } from '../state/readiness';
import { useSession } from '../state/store';
import { useView } from '../state/store';
import { QuietBoundary } from '../ui/QuietBoundary';

/** A failure inside a 3D view becomes the load-error overlay with its retry (which re-keys the views). */
const showLoadError = () => useView.setState({ status: 'error' });

/**
 * One 3D view with its name over its top edge (and, for a compared operation, the step it is at);
 * a failure inside it becomes the load error and its retry.
 */
function View({ kind, label }: { readonly kind: PaneKind; readonly label: string | null }) {
  const { t } = useTranslation();
  const [pane] = useState(() => new Pane(kind));
  const title = useView((v) => (kind === 'other' ? (pane.facts(v)?.title ?? null) : null));
  const texts = useTextsReady();
  return (
    <div className="pane" data-pane={kind}>
      <QuietBoundary onError={showLoadError}>
        <LoadedStage pane={pane} onError={showLoadError} />
      </QuietBoundary>
      {label && (
        <p className="pane-label">
          {label}
          {title && texts && <span className="pane-step">{t(title)}</span>}
        </p>
      )}
    </div>
  );
}

/**
 * The 3D view, or two side by side on the same patient and one timeline: the patient before
 * surgery (left) beside the open procedure, or the open procedure (left) beside a compared one.
 * The main view stays mounted (its WebGL context kept) when the second one comes or goes.
 */
export const StagePanes = memo(function StagePanes() {
  const { t } = useTranslation();
  const procedure = useSession((s) => s.procedure);
  const compare = useSession((s) => s.compare);
  const second = useSession(secondPane);
  // A retry mounts the views afresh, each on a new canvas with a new pane: nothing the old one
  // tells (drawn, cut) is heard for the new one while the old canvas is still being torn down.
  const attempt = useView((s) => s.attempt);
  return (
    <div className={second ? 'panes split' : 'panes'} data-testid="panes">
      <View
        key={`main-${attempt}`}
        kind="main"
        label={!second ? null : second === 'before' ? t('compare.afterLabel') : t(`proc.${procedure}.name`)}
      />
      {second && (
        <View
          key={`${second}-${attempt}`}
          kind={second}
          label={second === 'before' ? t('compare.beforeLabel') : t(`proc.${compare}.name`)}
        />
      )}
    </div>
  );
});
