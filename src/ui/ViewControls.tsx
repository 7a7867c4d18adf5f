import type { CSSProperties } from 'react';
import { useTranslation } from '../i18n';
import { usePlayback } from '../state/playback-store';
import type { Projection } from '../state/session-slice';
import { useSession } from '../state/store';
import { useView } from '../state/store';
import { Segmented } from './Segmented';
import { useStageCover } from './use-stage-cover';

/** Over the stage's top-left corner, clear of the caption at the bottom. */
const CORNER: CSSProperties = {
  position: 'absolute',
  top: 8,
  left: 8,
  maxWidth: 'calc(50% - 16px)',
  zIndex: 1,
  display: 'flex',
  flexWrap: 'wrap',
  gap: 8,
  padding: 4,
  borderRadius: 12,
  background: 'rgba(10, 20, 28, 0.6)',
};

/** The same over the top-right corner. */
/** The C-arm's projections, which a step's own shot takes; and the standing film. */
const C_ARM_PROJECTIONS: readonly Projection[] = ['ap', 'lat'];
const PROJECTIONS: readonly Projection[] = [...C_ARM_PROJECTIONS, 'standing'];

const RIGHT_CORNER: CSSProperties = { ...CORNER, left: 'auto', right: 8, justifyContent: 'flex-end' };

/** Shows the patient before surgery, or the operation's result (its end), in the view; or both side by side. */
function BeforeAfter() {
  const { t } = useTranslation();
  const before = useView((s) => s.showingBefore);
  const atEnd = usePlayback((s) => s.total > 0 && s.time >= s.total);
  const compare = useSession((s) => s.compare);
  const split = compare === 'before';
  const set = useSession((s) => s.set);
  const cover = useStageCover('compare-controls', 'top');
  const show = (v: 'before' | 'after') => {
    const clock = usePlayback.getState();
    clock.pause();
    if (v === 'after') clock.seek(clock.total);
    useView.setState({ showingBefore: v === 'before' });
  };
  return (
    <div ref={cover} style={RIGHT_CORNER} className="view-controls" data-testid="compare-controls">
      {!compare && (
        <Segmented
          label={t('view.beforeAfter')}
          value={before ? 'before' : atEnd ? 'after' : null}
          options={[
            { value: 'before', label: t('view.before'), testId: 'show-before' },
            { value: 'after', label: t('view.after'), testId: 'show-after' },
          ]}
          onChange={show}
        />
      )}
      <button
        type="button"
        aria-pressed={split}
        onClick={() => {
          useView.setState({ showingBefore: false });
          set({ compare: split ? null : 'before' });
        }}
        title={t('view.sideBySideTitle')}
        data-testid="side-by-side"
      >
        {t('view.sideBySide')}
      </button>
    </div>
  );
}

/**
 * 3D or X-ray (fluoroscopy) view and, in X-ray, the C-arm's projection: AP or lateral; the
 * camera back to its start; with an operation open, before / after and the two side by side.
 */
export function ViewControls() {
  const { t } = useTranslation();
  const view = useSession((s) => s.view);
  const proj = useSession((s) => s.proj);
  const region = useSession((s) => s.region);
  const set = useSession((s) => s.set);
  const open = useSession((s) => s.procedure !== null);
  // A percutaneous step's own shot on screen: the controls say X-ray, in the shot's projection.
  const shot = useView((s) => s.fluoroShot);
  const shownView = shot ? 'xray' : view;
  const cover = useStageCover('view-controls', 'top');
  return (
    <>
      <div ref={cover} style={CORNER} className="view-controls" data-testid="view-controls">
        <Segmented
          label={t('view.label')}
          value={shownView}
          options={[
            { value: '3d', label: t('view.3d'), testId: 'view-3d' },
            { value: 'xray', label: t('view.xray'), testId: 'view-xray', title: t('view.xrayTitle') },
          ]}
          onChange={(v) => set({ view: v })}
        />
        {shownView === 'xray' && (
          <Segmented
            label={t('view.projLabel')}
            value={shot ?? proj}
            // A step's shot is the C-arm's: AP or lateral only.
            options={(shot ? C_ARM_PROJECTIONS : PROJECTIONS).map((p) => ({
              value: p,
              label: t(p === 'standing' ? `view.standing.${region}` : `view.${p}`),
              testId: `proj-${p}`,
              title: t(p === 'standing' ? `view.standing.${region}Title` : `view.${p}Title`),
            }))}
            onChange={(p) => set({ proj: p })}
          />
        )}
        <button
          type="button"
          onClick={() => useView.getState().resetView()}
          aria-label={t('controls.resetView')}
          title={t('controls.resetView')}
          data-testid="reset-view"
        >
          {/* A circling arrow: the camera goes back to where it started. */}
          <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
            <path
              d="M4 12a8 8 0 1 0 2.3-5.6M4 4v5h5"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
            />
          </svg>
        </button>
      </div>
      {open && <BeforeAfter />}
    </>
  );
}
