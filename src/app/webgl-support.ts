let supported: boolean | undefined;

/** Whether this browser can draw WebGL at all (probed once, before the 3D view mounts). */
export function hasWebGL(): boolean {
  if (supported === undefined) {
    try {
      const canvas = document.createElement('canvas');
      const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
      // The probe's context is given back at once: a page may keep only a few alive.
      gl?.getExtension('WEBGL_lose_context')?.loseContext();
      supported = Boolean(gl);
    } catch {
      supported = false;
    }
  }
  return supported;
}
