import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { useView } from '../state/store';

/** How long a lost WebGL context may take to come back before the view is built afresh, ms. */
export const RESTORE_WAIT_MS = 2000;

/**
 * A lost WebGL context (a GPU reset, a driver update, too many tabs) comes back without a reload:
 * when the browser restores it, three.js uploads everything again and the view is redrawn; if it
 * has not come back after RESTORE_WAIT_MS, the views are mounted again on a new canvas (the models
 * stay loaded).
 */
export function ContextGuard() {
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    const canvas = gl.domElement;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const lost = () => {
      clearTimeout(timer);
      timer = setTimeout(() => useView.getState().retry(), RESTORE_WAIT_MS);
    };
    const restored = () => {
      clearTimeout(timer);
      invalidate();
    };
    canvas.addEventListener('webglcontextlost', lost);
    canvas.addEventListener('webglcontextrestored', restored);
    return () => {
      clearTimeout(timer);
      canvas.removeEventListener('webglcontextlost', lost);
      canvas.removeEventListener('webglcontextrestored', restored);
    };
  }, [gl, invalidate]);
  return null;
}
