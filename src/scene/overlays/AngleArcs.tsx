import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BufferAttribute, BufferGeometry, type Group, type Mesh } from 'three';
import type { RegionLandmarks } from '../../anatomy/landmarks';
import {
  alignmentArcs,
  arcPoint,
  condylarLine,
  mechanicalAxes,
  type AlignmentArcs,
  type AngleArc,
} from '../../clinical/load-line';
import type { Plan } from '../../engine/plan';
import { formatNumber } from '../../i18n';
import { useSession, type Side } from '../../state/session-store';
import { currentLandmarks, noRaycast, OVERLAY_MATERIALS, OVERLAY_ORDER, placeSegment } from './overlay-parts';
import { AngleLabel, AxisTube } from './overlay-pieces';
import type { LabelOffset } from './SceneLabel';
import { usePane } from '../pane';

const ANGLES = ['hka', 'mpta', 'ldfa'] as const;
type AngleId = (typeof ANGLES)[number];

/** Straight pieces per arc. */
const SEGMENTS = 40;
/** Half the width of an arc's band, mm. */
const ARC_HALF_WIDTH = 0.9;
/** Radius of the axis tubes, mm. */
const AXIS_RADIUS = 0.7;
/** How far the condylar line runs past each condyle, mm. */
const CONDYLAR_OVERHANG = 8;
/**
 * Each label sits at the middle of its arc's sweep, this far outside it, mm (the HKA arc's far end
 * lies near the hip, out of the knee's view).
 */
const LABEL_OUT = 5;
/**
 * Which corner of a label touches its point, so each grows away from the knee: HKA up and
 * medially, mMPTA down and medially, mLDFA up and laterally (mirrored on a left leg).
 */
const ANCHOR: Record<Side, Record<AngleId, LabelOffset>> = {
  right: { hka: [0, -1], mpta: [0, 0], ldfa: [-1, -1] },
  left: { hka: [-1, -1], mpta: [-1, 0], ldfa: [0, -1] },
};

/** One band per arc: (SEGMENTS + 1) inner/outer vertex pairs, the index fixed. */
function arcGeometry(): BufferGeometry {
  const g = new BufferGeometry();
  const perArc = (SEGMENTS + 1) * 2;
  g.setAttribute('position', new BufferAttribute(new Float32Array(ANGLES.length * perArc * 3), 3));
  const index: number[] = [];
  for (let k = 0; k < ANGLES.length; k++) {
    for (let i = 0; i < SEGMENTS; i++) {
      const v = k * perArc + i * 2;
      index.push(v, v + 1, v + 3, v, v + 3, v + 2);
    }
  }
  g.setIndex(index);
  return g;
}

function fillArc(position: Float32Array, k: number, arc: AngleArc): void {
  let o = k * (SEGMENTS + 1) * 6;
  const [cx, cy, cz] = arc.centre;
  for (let i = 0; i <= SEGMENTS; i++) {
    const a = ((arc.start + (arc.sweep * i) / SEGMENTS) * Math.PI) / 180;
    const c = Math.cos(a);
    const s = Math.sin(a);
    for (let side = -1; side <= 1; side += 2) {
      const r = arc.radius + side * ARC_HALF_WIDTH;
      position[o++] = cx + r * c;
      position[o++] = cy + r * s;
      position[o++] = cz;
    }
  }
}

interface Props {
  readonly plan: Plan | undefined;
  readonly pre: RegionLandmarks;
}

/**
 * The study view's annotations: the femoral and tibial mechanical axes, the condylar line, and
 * arcs for HKA, mMPTA and mLDFA labelled with their values, all on the bones as they are now.
 */
export function AngleArcs({ plan, pre }: Props) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const side = useSession((s) => s.side);
  const invalidate = useThree((s) => s.invalidate);
  const pane = usePane();
  const femoral = useRef<Mesh>(null);
  const tibial = useRef<Mesh>(null);
  const condylar = useRef<Mesh>(null);
  const arcsMesh = useRef<Mesh>(null);
  const anchors = useRef<Partial<Record<AngleId, Group | null>>>({});
  const labels = useRef<Partial<Record<AngleId, HTMLSpanElement | null>>>({});
  const drawn = useRef<{ arcs: AlignmentArcs | null; text: Partial<Record<AngleId, string>> }>({
    arcs: null,
    text: {},
  });
  const drawnFor = useRef<{ lm: RegionLandmarks; t: typeof t; lang: string } | null>(null);
  const geometry = useMemo(() => arcGeometry(), []);
  useEffect(() => () => geometry.dispose(), [geometry]);
  useEffect(() => invalidate(), [plan, pre, lang, invalidate]);

  /** Writes a label's text; a label whose DOM is not there yet picks it up when it attaches. */
  const setLabel = (id: AngleId, value: number, text: string) => {
    drawn.current.text[id] = text;
    const el = labels.current[id];
    if (!el) return;
    el.textContent = text;
    el.dataset.value = value.toFixed(2);
  };

  useFrame(() => {
    const mesh = arcsMesh.current;
    if (!mesh || !femoral.current || !tibial.current || !condylar.current) return;
    const lm = currentLandmarks(pane.frame, plan, pre);
    const last = drawnFor.current;
    if (last && last.lm === lm && last.t === t && last.lang === lang) return;
    drawnFor.current = { lm, t, lang };

    const axes = mechanicalAxes(lm);
    placeSegment(femoral.current, axes.femoral[0], axes.femoral[1], AXIS_RADIUS);
    placeSegment(tibial.current, axes.tibial[0], axes.tibial[1], AXIS_RADIUS);
    const [condM, condL] = condylarLine(lm);
    placeSegment(condylar.current, condM, condL, AXIS_RADIUS);
    condylar.current.scale.y += 2 * CONDYLAR_OVERHANG;

    const arcs = alignmentArcs(lm);
    drawn.current.arcs = arcs;
    const position = geometry.getAttribute('position') as BufferAttribute;
    ANGLES.forEach((id, k) => {
      const arc = arcs[id];
      fillArc(position.array as Float32Array, k, arc);
      const p = arcPoint(arc, 0.5, LABEL_OUT);
      anchors.current[id]?.position.set(p[0], p[1], p[2]);
      const value = formatNumber(lang, arc.sweep);
      setLabel(id, arc.sweep, t('overlay.angleLabel', { name: t(`overlay.${id}`), value }));
    });
    position.needsUpdate = true;
    // The labels placed themselves earlier in this frame (their hooks run first): one more frame.
    invalidate();
  });

  return (
    <group name="overlay:angle-arcs">
      <AxisTube ref={femoral} />
      <AxisTube ref={tibial} />
      <AxisTube ref={condylar} />
      <mesh
        ref={arcsMesh}
        geometry={geometry}
        material={OVERLAY_MATERIALS.arc}
        renderOrder={OVERLAY_ORDER.arcs}
        frustumCulled={false}
        raycast={noRaycast}
      />
      {ANGLES.map((id) => (
        <AngleLabel
          key={id}
          id={id}
          offset={ANCHOR[side][id]}
          anchor={(g) => {
            anchors.current[id] = g;
          }}
          label={(el) => {
            labels.current[id] = el;
            const text = drawn.current.text[id];
            const value = drawn.current.arcs?.[id].sweep;
            if (el && text !== undefined && value !== undefined) {
              el.textContent = text;
              el.dataset.value = value.toFixed(2);
            }
          }}
        />
      ))}
    </group>
  );
}
