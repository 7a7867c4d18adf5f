import { CameraControls, CameraControlsImpl } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { Sphere, Vector3 } from 'three';
import { SEX_SCALE } from '../anatomy/sizes';
import { useStore } from 'zustand';
import { useSession } from '../state/store';
import { useView } from '../state/store';
import { cameraLink, type CameraPose } from './camera-link';
import { DEFAULT_VIEW, framedFor } from './camera-views';
import { usePane } from './pane';
import { usePanePlan } from './use-pane-plan';

const { ACTION } = CameraControlsImpl;
/**
 * One finger orbits, two pinch to zoom and move together to pan (the library's defaults today,
 * stated so an upgrade cannot change what a hand does); three pan too.
 */
const TOUCHES = {
  one: ACTION.TOUCH_ROTATE,
  two: ACTION.TOUCH_DOLLY_TRUCK,
  three: ACTION.TOUCH_TRUCK,
};

const focusSphere = new Sphere();
const at = new Vector3();
const to = new Vector3();

/**
 * Orbit, zoom and pan (mouse and touch); the region's default view (again on "reset view") or the
 * current procedure step's view; a smooth move onto a bone the user double-clicks. Lives inside the
 * canvas so the controls exist when its effects run. Views side by side move together (camera-link):
 * the main one aims at each step, the others follow whichever the user moves.
 */
export function CameraRig() {
  const region = useSession((s) => s.region);
  const side = useSession((s) => s.side);
  const sex = useSession((s) => s.sex);
  const resetCount = useView((s) => s.resetCount);
  const focus = useView((s) => s.focus);
  const pane = usePane();
  const plan = usePanePlan()?.plan;
  // Re-aim when the step or the procedure changes, not when a parameter nudges the plan.
  const planRef = useRef(plan);
  useEffect(() => {
    planRef.current = plan;
  }, [plan]);
  const procId = plan?.proc.id;
  const step = useStore(pane.status, (s) => s.step);
  const controls = useRef<CameraControls>(null);
  const shown = useRef<string | null>(null);
  const invalidate = useThree((s) => s.invalidate);
  const three = useThree((s) => s.get);

  useEffect(() => {
    const c = controls.current;
    if (!c) return;
    const lead = () => cameraLink.lead(pane);
    // Rewritten at each move of a gliding camera (no new array per frame).
    const pose: [number, number, number, number, number, number] = [0, 0, 0, 0, 0, 0];
    const moved = () => {
      c.getPosition(at);
      c.getTarget(to);
      pose[0] = at.x;
      pose[1] = at.y;
      pose[2] = at.z;
      pose[3] = to.x;
      pose[4] = to.y;
      pose[5] = to.z;
      cameraLink.moved(pane, pose);
    };
    // A drag starts with 'controlstart'; a wheel zoom only says 'control'.
    c.addEventListener('controlstart', lead);
    c.addEventListener('control', lead);
    c.addEventListener('update', moved);
    // The test surface: where the main view's camera is (tests drive it with a finger or the mouse).
    const viz = window.__viz;
    const camera = () => ({ azimuth: c.azimuthAngle, polar: c.polarAngle, distance: c.distance });
    if (pane.primary && viz) viz.camera = camera;
    const unfollow = cameraLink.follow(pane, (p: CameraPose) => {
      void c.setLookAt(p[0], p[1], p[2], p[3], p[4], p[5], false);
      invalidate();
    });
    return () => {
      c.removeEventListener('controlstart', lead);
      c.removeEventListener('control', lead);
      c.removeEventListener('update', moved);
      unfollow();
      if (viz?.camera === camera) delete viz.camera;
    };
  }, [pane, invalidate]);

  useEffect(() => {
    const c = controls.current;
    // A view beside the main one looks where that one does.
    if (!c || !pane.primary) return;
    cameraLink.lead(pane);
    const { position: p, target: t } = planRef.current?.cameras[step] ?? DEFAULT_VIEW[region];
    const k = SEX_SCALE[region][sex];
    const m = side === 'left' ? -k : k;
    // Glide within a region (a jump cut under reduced motion); jump when the region changes.
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const animate = shown.current === region && !reduced;
    shown.current = region;
    const target = [t[0] * m, t[1] * k, t[2] * k] as const;
    // Framed for the view's shape when it is aimed (a later resize leaves the user's camera alone).
    const { width, height } = three().size;
    const from = framedFor(width / height, [p[0] * m, p[1] * k, p[2] * k], target);
    void c.setLookAt(from[0], from[1], from[2], target[0], target[1], target[2], animate);
  }, [pane, region, side, sex, resetCount, procId, step, three]);

  useEffect(() => {
    if (!focus || !controls.current || !pane.primary) return;
    cameraLink.lead(pane);
    focusSphere.set(focusSphere.center.fromArray(focus.centre), focus.radius * 1.4);
    void controls.current.fitToSphere(focusSphere, true);
  }, [pane, focus]);

  return <CameraControls ref={controls} makeDefault minDistance={20} maxDistance={4000} touches={TOUCHES} />;
}
