import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BufferAttribute, BufferGeometry, type Group, type Mesh } from 'three';
import type { RegionLandmarks } from '../../anatomy/landmarks';
import {
  KNEE_ARC_ANGLES as ANGLES,
  kneeOverlay,
  overlayTrack,
  type AngleArc,
  type KneeArcAngle as AngleId,
} from '../../engine/overlay-measures';
import type { Plan } from '../../engine/plan';
import { formatNumber, useTranslation } from '../../i18n';
import { useSession } from '../../state/store';
import { type Side } from '../../state/session-slice';
import {
  movedSince,
  noRaycast,
  notDrawn,
  OVERLAY_MATERIALS,
  OVERLAY_ORDER,
  placeSegment,
} from './overlay-parts';
import { AngleLabel, AxisTube } from './overlay-pieces';
import type { LabelOffset } from './SceneLabel';
import { usePane } from '../pane';

/** Straight pieces per arc. */
const SEGMENTS = 40;
/** Half the width of an arc's band, mm. */
const ARC_HALF_WIDTH = 0.9;
/** Radius of the axis tubes, mm. */
const AXIS_RADIUS = 0.7;
/** How far the condylar line runs past each condyle, mm. */
const CONDYLAR_OVERHANG = 8;
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
  const drawnAt = useRef(notDrawn());
  // Each label as last written: its value, its text and what the text was made of (hundredths of a
  // degree, the language): the text is made again only when one of those changes.
  const drawn = useRef({
    value: {} as Partial<Record<AngleId, number>>,
    text: {} as Partial<Record<AngleId, string>>,
    madeOf: {} as Partial<Record<AngleId, number>>,
    t: null as typeof t | null,
    lang: '',
  });
  const geometry = useMemo(() => arcGeometry(), []);
  useEffect(() => () => geometry.dispose(), [geometry]);
  useEffect(() => invalidate(), [plan, pre, lang, invalidate]);

  /** Writes a label's text; a label whose DOM is not there yet picks it up when it attaches. */
  const setLabel = (id: AngleId, value: number) => {
    const d = drawn.current;
    const hundredths = Math.round(value * 100);
    if (d.madeOf[id] === hundredths && d.t === t && d.lang === lang) return;
    d.madeOf[id] = hundredths;
    d.value[id] = value;
    const text = t('overlay.angleLabel', { name: t(`overlay.${id}`), value: formatNumber(lang, value) });
    d.text[id] = text;
    const el = labels.current[id];
    if (!el) return;
    el.textContent = text;
    el.dataset.value = value.toFixed(2);
  };

  useFrame(() => {
    const mesh = arcsMesh.current;
    if (!mesh || !femoral.current || !tibial.current || !condylar.current) return;
    const track = overlayTrack(kneeOverlay, plan, pre);
    const retold = drawn.current.t !== t || drawn.current.lang !== lang;
    if (!movedSince(drawnAt.current, track, pane.frame) && !retold) return;
    const m = track.at(pane.frame);
    placeSegment(femoral.current, m.femoralAxis[0], m.femoralAxis[1], AXIS_RADIUS);
    placeSegment(tibial.current, m.tibialAxis[0], m.tibialAxis[1], AXIS_RADIUS);
    placeSegment(condylar.current, m.condylarLine[0], m.condylarLine[1], AXIS_RADIUS);
    condylar.current.scale.y += 2 * CONDYLAR_OVERHANG;

    const position = geometry.getAttribute('position') as BufferAttribute;
    for (let k = 0; k < ANGLES.length; k++) {
      const id = ANGLES[k]!;
      const arc = m.arcs[id];
      fillArc(position.array as Float32Array, k, arc);
      const p = m.labelAt[id];
      anchors.current[id]?.position.set(p[0], p[1], p[2]);
      setLabel(id, arc.sweep);
    }
    drawn.current.t = t;
    drawn.current.lang = lang;
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
            const value = drawn.current.value[id];
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
