import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group, Mesh } from 'three';
import { landmark, type RegionLandmarks } from '../../anatomy/landmarks';
import { add, normalize, scale, sub, type Vec3 } from '../../anatomy/vec';
import { measureFoot } from '../../clinical/foot-angles';
import type { Plan } from '../../engine/plan';
import { formatNumber } from '../../i18n';
import { useSession } from '../../state/session-store';
import { usePane } from '../pane';
import { currentLandmarks, placeSegment } from './overlay-parts';
import { AngleLabel, AxisTube } from './overlay-pieces';
import type { LabelOffset } from './SceneLabel';

/** The bones whose axes the hallux valgus angles are measured between. */
const AXES = ['metatarsal1', 'metatarsal2', 'proximalPhalanx1'] as const;
/** How far each axis is drawn past its bone, so the lines meet where the angle is read, mm. */
const OVERRUN: Record<(typeof AXES)[number], { proximal: number; distal: number }> = {
  metatarsal1: { proximal: 10, distal: 30 },
  metatarsal2: { proximal: 10, distal: 5 },
  proximalPhalanx1: { proximal: 30, distal: 5 },
};
const AXIS_RADIUS = 0.45;
const LABELS = ['hva', 'ima'] as const;

/** Centred above its point. */
const LABEL_OFFSET: LabelOffset = [-0.5, -1.3];

/** A bone's axis from the centre of its base to the centre of its head, run past both ends. */
function axisOf(lm: RegionLandmarks, bone: (typeof AXES)[number]): [Vec3, Vec3] {
  const base = landmark(lm, bone, 'base');
  const head = landmark(lm, bone, 'head');
  const d = normalize(sub(head, base));
  return [sub(base, scale(d, OVERRUN[bone].proximal)), add(head, scale(d, OVERRUN[bone].distal))];
}

interface Props {
  readonly plan: Plan | undefined;
  readonly pre: RegionLandmarks;
}

/**
 * The study view's foot annotations: the axes of the first and second metatarsals and of the
 * proximal phalanx as a radiologist draws them, with the HVA and IMA measured on the bones as they
 * are now (they change as the head shifts).
 */
export function FootAxes({ plan, pre }: Props) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const invalidate = useThree((s) => s.invalidate);
  const pane = usePane();
  const tubes = useRef<Partial<Record<(typeof AXES)[number], Mesh | null>>>({});
  const anchors = useRef<Partial<Record<(typeof LABELS)[number], Group | null>>>({});
  const labels = useRef<Partial<Record<(typeof LABELS)[number], HTMLSpanElement | null>>>({});
  const drawnFor = useRef<{ lm: RegionLandmarks; t: typeof t; lang: string } | null>(null);
  useEffect(() => invalidate(), [plan, pre, lang, invalidate]);

  useFrame(() => {
    const lm = currentLandmarks(pane.frame, plan, pre);
    const last = drawnFor.current;
    if (last && last.lm === lm && last.t === t && last.lang === lang) return;
    drawnFor.current = { lm, t, lang };
    for (const bone of AXES) {
      const tube = tubes.current[bone];
      if (tube) placeSegment(tube, ...axisOf(lm, bone), AXIS_RADIUS);
    }
    const angles = measureFoot(lm);
    // HVA at the joint between the metatarsal and the phalanx; IMA between the metatarsal bases.
    const at: Record<(typeof LABELS)[number], Vec3> = {
      hva: landmark(lm, 'metatarsal1', 'head'),
      ima: scale(add(landmark(lm, 'metatarsal1', 'base'), landmark(lm, 'metatarsal2', 'base')), 0.5),
    };
    for (const id of LABELS) {
      anchors.current[id]?.position.set(...at[id]);
      const el = labels.current[id];
      if (!el) continue;
      el.textContent = t('overlay.angleLabel', {
        name: t(`overlay.${id}`),
        value: formatNumber(lang, angles[id]),
      });
      el.dataset.value = angles[id].toFixed(2);
    }
    // The labels placed themselves earlier in this frame (their hooks run first): one more frame.
    invalidate();
  });

  return (
    <group name="overlay:foot-axes">
      {AXES.map((bone) => (
        <AxisTube
          key={bone}
          ref={(m) => {
            tubes.current[bone] = m;
          }}
        />
      ))}
      {LABELS.map((id) => (
        <AngleLabel
          key={id}
          id={id}
          offset={LABEL_OFFSET}
          anchor={(g) => {
            anchors.current[id] = g;
          }}
          label={(el) => {
            labels.current[id] = el;
            // A label attached after the last drawing is filled at the next one.
            if (el) drawnFor.current = null;
          }}
        />
      ))}
    </group>
  );
}
