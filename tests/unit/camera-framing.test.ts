import { describe, expect, test } from 'vitest';
import { COMPOSED_ASPECT, DEFAULT_VIEW, framedFor } from '../../src/scene/camera-views';

/** Half the width a camera at `position` looking at `target` sees there, for a vertical field of 35°. */
function halfWidthSeen(aspect: number, position: readonly number[], target: readonly number[]): number {
  const distance = Math.hypot(...position.map((p, i) => p - target[i]!));
  return distance * Math.tan((35 / 2) * (Math.PI / 180)) * aspect;
}

describe('step views framed for the shape of the view', () => {
  const { position, target } = DEFAULT_VIEW.foot;

  test('a view as wide as the composed one, or wider, is aimed as composed', () => {
    expect(framedFor(COMPOSED_ASPECT, position, target)).toEqual(position);
    expect(framedFor(16 / 9, position, target)).toEqual(position);
  });

  test.each([
    ['a phone held upright', 390 / 470],
    ['a tablet held upright', 768 / 580],
    ['a kiosk held upright', 1080 / 1860],
  ])('%s sees as much across the target as the composed view does', (_, aspect) => {
    const composed = halfWidthSeen(COMPOSED_ASPECT, position, target);
    const framed = framedFor(aspect, position, target);
    expect(halfWidthSeen(aspect, framed, target)).toBeCloseTo(composed, 6);
    // Moved back along the same line of sight: the target stays in the middle.
    const along = (v: readonly number[]) => v.map((x, i) => x - target[i]!);
    const a = along(position);
    const b = along(framed);
    const cos = a.reduce((s, x, i) => s + x * b[i]!, 0) / (Math.hypot(...a) * Math.hypot(...b));
    expect(cos).toBeCloseTo(1, 9);
  });

  test('a degenerate size (a view not laid out yet) leaves the camera as composed', () => {
    expect(framedFor(0, position, target)).toEqual(position);
    expect(framedFor(Number.NaN, position, target)).toEqual(position);
  });
});
