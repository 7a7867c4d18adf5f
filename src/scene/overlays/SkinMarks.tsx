import { useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { MeshBasicMaterial } from 'three';
import { add, length, scale, sub } from '../../anatomy/vec';
import type { Plan } from '../../engine/plan';
import { formatNumber, useTranslation } from '../../i18n';
import { useSession } from '../../state/store';
import { useStore } from 'zustand';
import { usePane } from '../pane';
import { noRaycast, OVERLAY_MATERIALS, OVERLAY_ORDER, placeSegment, UNIT_TUBE } from './overlay-parts';
import { SceneLabel, type LabelOffset } from './SceneLabel';

/** A portal drawn as a dark slit this thick, mm (the cut edge of the skin). */
const SLIT_RADIUS = 0.7;
/** The open incision it replaces: a thin line beside the foot, mm. */
const INCISION_RADIUS = 0.45;
/** The labels stand off the skin by this much, mm. */
const LABEL_OFFSET = 8;

/** Created once for the app's lifetime, like the other overlay materials. */
const SLIT_MATERIAL = new MeshBasicMaterial({
  color: '#7a1616',
  depthTest: false,
  depthWrite: false,
  transparent: true,
  toneMapped: false,
});

/** Centred on its point: the label sits on the opening (or the incision's middle) it measures. */
const CENTRED: LabelOffset = [-0.5, -0.5];

/**
 * The skin openings of a percutaneous operation, to scale, and the open incision the same
 * correction would need drawn beside them, with their lengths: the comparison a patient asks for.
 * Shown while the skin is, never on the X-ray.
 */
export function SkinMarks({ plan }: { readonly plan: Plan }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const invalidate = useThree((s) => s.invalidate);
  const marks = useMemo(() => plan.proc.skinMarks?.(plan.ctx), [plan]);
  useEffect(() => invalidate(), [marks, invalidate]);
  const chosenXray = useSession((s) => s.view === 'xray');
  const pane = usePane();
  const shot = useStore(pane.status, (s) => s.shot !== null);
  // The skin shows when the user asks for it or the step on show draws it (a step's skin is part of
  // the step: it changes with the step the view reports, never within one). The labels are page
  // elements, not scene objects: they are left out, not hidden, with the skin.
  const stepSkin = useStore(pane.status, (s) => plan.proc.steps[s.step]?.skin ?? false);
  const shown = useSession((s) => s.skin) || stepSkin;
  if (!marks || !shown || chosenXray || shot) return null;
  const total = marks.portals.reduce((s, p) => s + p.mm, 0);
  const [a, b] = marks.openIncision ?? [undefined, undefined];
  const first = marks.portals[0];
  return (
    <group name="overlay:skin-marks">
      {marks.portals.map((p) => {
        const half = scale(p.along, p.mm / 2);
        return (
          <mesh
            key={p.id}
            // Named by its portal, so a test can tell which openings are drawn.
            name={`overlay:portal:${p.id}`}
            geometry={UNIT_TUBE}
            material={SLIT_MATERIAL}
            renderOrder={OVERLAY_ORDER.dots}
            raycast={noRaycast}
            ref={(m) => m && placeSegment(m, sub(p.at, half), add(p.at, half), SLIT_RADIUS)}
          />
        );
      })}
      {first && (
        <SceneLabel
          className="skin-label"
          position={add(first.at, scale(first.normal, LABEL_OFFSET))}
          offset={CENTRED}
          attrs={{ 'data-testid': 'portals-label' }}
          text={t('overlay.portals', { mm: formatNumber(lang, total, 0) })}
        />
      )}
      {a && b && (
        <>
          <mesh
            name="overlay:open-incision"
            geometry={UNIT_TUBE}
            material={OVERLAY_MATERIALS.axis}
            renderOrder={OVERLAY_ORDER.lines}
            raycast={noRaycast}
            ref={(m) => m && placeSegment(m, a, b, INCISION_RADIUS)}
          />
          <SceneLabel
            className="skin-label"
            position={scale(add(a, b), 0.5)}
            offset={CENTRED}
            attrs={{ 'data-testid': 'open-incision-label' }}
            text={t('overlay.openIncision', { mm: formatNumber(lang, length(sub(b, a)), 0) })}
          />
        </>
      )}
    </group>
  );
}
