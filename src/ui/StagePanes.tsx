import { useTranslation } from 'react-i18next';
import type { PaneKind } from '../scene/pane';
import { Stage } from '../scene/Stage';
import { useSession } from '../state/session-store';
import { useView } from '../state/view-store';
import { QuietBoundary } from './QuietBoundary';

/** A failure inside a 3D view becomes the load-error overlay with its retry (which re-keys the views). */
const showLoadError = () => useView.setState({ status: 'error' });

/** One 3D view with its name over its top edge; a failure inside it becomes the load error and its retry. */
function Pane({ kind, label }: { readonly kind: PaneKind; readonly label: string | null }) {
  const attempt = useView((s) => s.attempt);
  return (
    <div className="pane" data-pane={kind}>
      <QuietBoundary key={attempt} onError={showLoadError}>
        <Stage kind={kind} />
      </QuietBoundary>
      {label && <p className="pane-label">{label}</p>}
    </div>
  );
}

/**
 * The 3D view, or two side by side on the same patient and one timeline: the patient before
 * surgery (left) beside the open procedure, or the open procedure (left) beside a compared one.
 * The main view stays mounted (its WebGL context kept) when the second one comes or goes.
 */
export function StagePanes() {
  const { t } = useTranslation();
  const procedure = useSession((s) => s.procedure);
  const compare = useSession((s) => (s.procedure ? s.compare : null));
  const second: PaneKind | null = compare === 'before' ? 'before' : compare ? 'other' : null;
  return (
    <div className={second ? 'panes split' : 'panes'} data-testid="panes">
      <Pane
        key="main"
        kind="main"
        label={!second ? null : second === 'before' ? t('compare.afterLabel') : t(`proc.${procedure}.name`)}
      />
      {second && (
        <Pane
          key={second}
          kind={second}
          label={second === 'before' ? t('compare.beforeLabel') : t(`proc.${compare}.name`)}
        />
      )}
    </div>
  );
}
