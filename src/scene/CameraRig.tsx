import { CameraControls } from '@react-three/drei';
import { useEffect, useRef } from 'react';
import { Sphere } from 'three';
import { SEX_SCALE } from '../anatomy/sizes';
import { usePlayback } from '../state/playback-store';
import { useProcedurePlan } from '../state/procedure-plan';
import { useSession } from '../state/session-store';
import { useView } from '../state/view-store';
import { DEFAULT_VIEW } from './camera-views';

const focusSphere = new Sphere();

/**
 * Orbit, zoom and pan (mouse and touch); the region's default view (again on "reset view") or the
 * current procedure step's view; a smooth move onto a bone the user double-clicks. Lives inside the
 * canvas so the controls exist when its effects run.
 */
export function CameraRig() {
  const region = useSession((s) => s.region);
  const side = useSession((s) => s.side);
  const sex = useSession((s) => s.sex);
  const resetCount = useView((s) => s.resetCount);
  const focus = useView((s) => s.focus);
  const plan = useProcedurePlan()?.plan;
  // Re-aim when the step or the procedure changes, not when a parameter nudges the plan.
  const planRef = useRef(plan);
  useEffect(() => {
    planRef.current = plan;
  }, [plan]);
  const procId = plan?.proc.id;
  const step = usePlayback((s) => s.step);
  const controls = useRef<CameraControls>(null);
  const shown = useRef<string | null>(null);

  useEffect(() => {
    const c = controls.current;
    if (!c) return;
    const { position: p, target: t } = planRef.current?.cameras[step] ?? DEFAULT_VIEW[region];
    const k = SEX_SCALE[region][sex];
    const m = side === 'left' ? -k : k;
    // Glide within a region (a jump cut under reduced motion); jump when the region changes.
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const animate = shown.current === region && !reduced;
    shown.current = region;
    void c.setLookAt(p[0] * m, p[1] * k, p[2] * k, t[0] * m, t[1] * k, t[2] * k, animate);
  }, [region, side, sex, resetCount, procId, step]);

  useEffect(() => {
    if (!focus || !controls.current) return;
    focusSphere.set(focusSphere.center.fromArray(focus.centre), focus.radius * 1.4);
    void controls.current.fitToSphere(focusSphere, true);
  }, [focus]);

  return <CameraControls ref={controls} makeDefault minDistance={20} maxDistance={4000} />;
}
