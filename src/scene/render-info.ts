import type { Object3D, WebGLRenderer } from 'three';
import type { ToolPlacement } from '../engine/tool-placement';

export interface RenderInfo {
  readonly triangles: number;
  readonly calls: number;
  readonly geometries: number;
  readonly textures: number;
  /** Renders of this view's scene so far (per-frame figures of the benchmark divide by it). */
  readonly frames: number;
  /** Shader programs compiled so far: each costs the first frame that needs it (software GL most). */
  readonly programs: number;
}

declare global {
  interface Window {
    /** Read-only counters for the benchmark and the browser tests. */
    __viz?: {
      renderInfo(): RenderInfo;
      /** The last render of a view beside the main one ('before', 'other'), null if there is none. */
      viewRenderInfo(view: string): RenderInfo | null;
      /** Names of the objects on show (every ancestor visible) whose name starts with prefix. */
      visibleNames(prefix: string): string[];
      /**
       * WBL % of the pre-operative and the current load line as last drawn (the same number
       * twice with no procedure open), or null when the knee overlay is not shown. Set by the
       * overlay while it is mounted.
       */
      loadLine?: () => { pre: number; current: number } | null;
      /**
       * Each tool and implant on show in the main view, measured from its working tip to the bones
       * as they lie in the frame on show (set by the procedure driver while a procedure is open).
       */
      toolPlacements?: () => readonly ToolPlacement[];
      /**
       * The main view's camera about its target: azimuth and polar angle in radians, distance in
       * mm (set by the camera rig while it is mounted).
       */
      camera?: () => { azimuth: number; polar: number; distance: number };
      /** In the X-ray view: the film landmarks of the patient on the canvas (CSS px) and the mm a CSS px spans. */
      xrayLandmarks?: () => { points: [number, number][]; mmPerPx: number };
      /** The sizes each tool whose name starts with prefix was built to, shown or not (Instrument). */
      toolSizes(prefix: string): { name: string; size: string; shown: boolean }[];
    };
  }
}

function shown(o: Object3D): boolean {
  for (let p: Object3D | null = o; p; p = p.parent) if (!p.visible) return false;
  return true;
}

/** Each view's counters, by its pane's kind (the latest canvas of each). */
const views = new Map<string, () => RenderInfo>();

/**
 * Counts what a view draws, for the benchmark and the tests; the main view also publishes
 * `window.__viz`, which reads the others through `viewRenderInfo`.
 */
export function exposeRenderInfo(gl: WebGLRenderer, scene: Object3D, view: string): () => void {
  // The counters of the last render of this scene: the renderer's own are overwritten by any other
  // render it does (the instruments' environment map is prefiltered with a few draw calls).
  const last = { triangles: 0, calls: 0, frames: 0 };
  scene.onAfterRender = () => {
    last.triangles = gl.info.render.triangles;
    last.calls = gl.info.render.calls;
    last.frames++;
  };
  const info = (): RenderInfo => ({
    triangles: last.triangles,
    calls: last.calls,
    geometries: gl.info.memory.geometries,
    textures: gl.info.memory.textures,
    frames: last.frames,
    programs: gl.info.programs?.length ?? 0,
  });
  views.set(view, info);
  // A closed view reports nothing (and its renderer is let go).
  const forget = () => {
    if (views.get(view) === info) views.delete(view);
  };
  if (view !== 'main') return forget;
  window.__viz = {
    renderInfo: info,
    viewRenderInfo: (other) => views.get(other)?.() ?? null,
    visibleNames: (prefix) => {
      const names: string[] = [];
      scene.traverse((o) => {
        if (o.name.startsWith(prefix) && shown(o)) names.push(o.name);
      });
      return names;
    },
    toolSizes: (prefix) => {
      const tools: { name: string; size: string; shown: boolean }[] = [];
      scene.traverse((o) => {
        if (o.name.startsWith(prefix) && typeof o.userData.size === 'string')
          tools.push({ name: o.name, size: o.userData.size, shown: shown(o) });
      });
      return tools;
    },
  };
  return forget;
}
