import type { RootState } from '@react-three/fiber';
import { Vector3 } from 'three';
import type { Region } from '../../anatomy/types';
import type { Projection, Side } from '../../state/session-slice';
import { xrayCamera, xrayCentre, type Cover } from './xray-camera';
import { XrayPipeline } from './xray-pipeline';
import { labelHost } from '../overlays/label-host';

type Vec3 = readonly [number, number, number];

/** The X-ray view while it is on: aimed by the session, drawn each frame, undone by `stop`. */
export interface XrayMode {
  /** Points the C-arm at the step's camera target (region frame, mm), or the region's default. */
  aim(region: Region, proj: Projection, side: Side, scale: number, stepTarget: Vec3 | undefined): void;
  render(state: RootState): void;
  /**
   * Where points of the region (its frame, mm) fall on the canvas as last drawn, CSS pixels from its
   * top left, and the millimetres (in the beam's plane, man size times the patient's scale) one CSS
   * pixel spans: what a film of this image would be calibrated with.
   */
  project(points: readonly Vec3[]): { points: [number, number][]; mmPerPx: number };
  /** The rows of the view its controls cover, CSS pixels: a standing film is drawn between them. */
  coverBy(cover: Cover): void;
  stop(): void;
}

/** Hides (or shows again) the labels SceneLabel puts next to the canvas: overlays are not X-rayed. */
function setLabelsHidden(canvas: HTMLCanvasElement, hidden: boolean): void {
  const box = canvas.parentElement;
  const host = labelHost(canvas);
  if (!host) return;
  for (let i = 0; i < host.children.length; i++) {
    const el = host.children[i];
    if (el !== box && el instanceof HTMLElement) el.style.visibility = hidden ? 'hidden' : '';
  }
}

/**
 * Turns the canvas into the C-arm's monitor. Pointer picking and the orbit controls rest
 * meanwhile: the C-arm does not orbit, and the bones under the pointer are not where the 3D
 * camera would find them. Loaded on first use, with no React in it: the initial bundle's chunks
 * stay as they are.
 */
export function startXray(state: RootState): XrayMode {
  const canvas = state.gl.domElement;
  const pipeline = new XrayPipeline(state.gl);
  const orbit = state.controls as { enabled?: boolean } | null;
  const orbitWas = orbit?.enabled;
  if (orbit && orbitWas !== undefined) orbit.enabled = false;
  state.setEvents({ enabled: false });
  let shown: Projection = 'ap';
  const placed = { mirror: 1, scale: 1 };
  const at = new Vector3();
  return {
    aim(region, proj, side, scale, stepTarget) {
      pipeline.aim(region, xrayCamera(region, proj, side, scale, xrayCentre(region, stepTarget, proj)));
      shown = proj;
      Object.assign(placed, { mirror: side === 'left' ? -1 : 1, scale });
      state.invalidate();
    },
    project(points) {
      const { clientWidth: w, clientHeight: h, width } = canvas;
      const projected = points.map((p): [number, number] => {
        at.set(p[0] * placed.mirror * placed.scale, p[1] * placed.scale, p[2] * placed.scale);
        at.project(pipeline.camera);
        return [((at.x + 1) / 2) * w, ((1 - at.y) / 2) * h];
      });
      return { points: projected, mmPerPx: (pipeline.mmPerPx * width) / Math.max(1, w) };
    },
    coverBy(cover) {
      pipeline.cover = cover;
      state.invalidate();
    },
    render({ gl, scene }) {
      pipeline.render(gl, scene);
      setLabelsHidden(canvas, true);
      // For the browser tests: the projection of the X-ray frame last drawn.
      canvas.dataset.xray = shown;
    },
    stop() {
      pipeline.dispose();
      if (orbit && orbitWas !== undefined) orbit.enabled = orbitWas;
      state.setEvents({ enabled: true });
      setLabelsHidden(canvas, false);
      delete canvas.dataset.xray;
      state.invalidate();
    },
  };
}
