import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import type { Group, Mesh } from 'three';
import type { RegionLandmarks } from '../../anatomy/landmarks';
import {
  FOOT_AXES as AXES,
  FOOT_LABELS as LABELS,
  footOverlay,
  overlayTrack,
  type FootAxis,
  type FootLabel,
} from '../../engine/overlay-measures';
import type { Plan } from '../../engine/plan';
import { formatNumber, useTranslation } from '../../i18n';
import { useSession } from '../../state/store';
import { usePane } from '../pane';
import { movedSince, notDrawn, placeSegment } from './overlay-parts';
import { AngleLabel, AxisTube } from './overlay-pieces';
import type { LabelOffset } from './SceneLabel';

const AXIS_RADIUS = 0.45;

/** Centred above its point. */
const LABEL_OFFSET: LabelOffset = [-0.5, -1.3];

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
  const tubes = useRef<Partial<Record<FootAxis, Mesh | null>>>({});
  const anchors = useRef<Partial<Record<FootLabel, Group | null>>>({});
  const labels = useRef<Partial<Record<FootLabel, HTMLSpanElement | null>>>({});
  const drawnAt = useRef(notDrawn());
  // What each label's text was made of (hundredths of a degree, the language): made again only when
  // one of those changes.
  const written = useRef({
    madeOf: {} as Partial<Record<FootLabel, number>>,
    t: null as typeof t | null,
    lang: '',
  });
  useEffect(() => invalidate(), [plan, pre, lang, invalidate]);

  useFrame(() => {
    const track = overlayTrack(footOverlay, plan, pre);
    const w = written.current;
    const retold = w.t !== t || w.lang !== lang;
    if (!movedSince(drawnAt.current, track, pane.frame) && !retold) return;
    const { axes, angles, labelAt } = track.at(pane.frame);
    for (let i = 0; i < AXES.length; i++) {
      const tube = tubes.current[AXES[i]!];
      const axis = axes[AXES[i]!];
      if (tube) placeSegment(tube, axis[0], axis[1], AXIS_RADIUS);
    }
    for (let i = 0; i < LABELS.length; i++) {
      const id = LABELS[i]!;
      const at = labelAt[id];
      anchors.current[id]?.position.set(at[0], at[1], at[2]);
      const el = labels.current[id];
      const hundredths = Math.round(angles[id] * 100);
      if (!el || (!retold && w.madeOf[id] === hundredths)) continue;
      w.madeOf[id] = hundredths;
      el.textContent = t('overlay.angleLabel', {
        name: t(`overlay.${id}`),
        value: formatNumber(lang, angles[id]),
      });
      el.dataset.value = angles[id].toFixed(2);
    }
    w.t = t;
    w.lang = lang;
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
            if (el) {
              drawnAt.current = notDrawn();
              written.current.madeOf[id] = undefined;
            }
          }}
        />
      ))}
    </group>
  );
}
