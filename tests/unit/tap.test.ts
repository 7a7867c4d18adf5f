import { describe, expect, test } from 'vitest';
import { TAP_MAX_MS, TAP_SLOP_PX, TapTracker } from '../../src/scene/tap';

describe('tap tracker', () => {
  test('a finger lifted where it went down, soon, taps', () => {
    const taps = new TapTracker();
    taps.down(1, 100, 100, 1000);
    expect(taps.isTap(1, 103, 98, 1120)).toBe(true);
    expect(taps.end(1, 103, 98, 1120)).toBe('missed');
  });

  test('wandering past the slop makes a drag, not a tap', () => {
    const taps = new TapTracker();
    taps.down(1, 100, 100, 0);
    expect(taps.isTap(1, 100 + TAP_SLOP_PX, 100, 10)).toBe(true);
    expect(taps.isTap(1, 100 + TAP_SLOP_PX * 0.8, 100 + TAP_SLOP_PX * 0.8, 10)).toBe(false);
    expect(taps.end(1, 130, 100, 10)).toBe('none');
  });

  test('holding longer than a tap makes a press, not a tap', () => {
    const taps = new TapTracker();
    taps.down(1, 0, 0, 5000);
    expect(taps.isTap(1, 0, 0, 5000 + TAP_MAX_MS)).toBe(true);
    expect(taps.isTap(1, 0, 0, 5000 + TAP_MAX_MS + 1)).toBe(false);
  });

  test('two fingers make a pinch: neither taps, even the one that stayed still', () => {
    const taps = new TapTracker();
    taps.down(1, 50, 50, 0);
    taps.down(2, 300, 50, 20);
    expect(taps.end(1, 50, 50, 100)).toBe('none');
    expect(taps.end(2, 300, 50, 120)).toBe('none');
    // Both lifted: the next finger taps again.
    taps.down(3, 10, 10, 500);
    expect(taps.end(3, 10, 10, 550)).toBe('missed');
  });

  test('a tap a bone claimed is not a tap on empty space', () => {
    const taps = new TapTracker();
    taps.down(7, 10, 10, 0);
    taps.claim(7);
    expect(taps.end(7, 10, 10, 50)).toBe('claimed');
  });

  test('a pointer the browser cancelled, or never saw go down, taps nothing', () => {
    const taps = new TapTracker();
    taps.down(1, 10, 10, 0);
    taps.cancel(1);
    expect(taps.isTap(1, 10, 10, 5)).toBe(false);
    expect(taps.end(9, 0, 0, 0)).toBe('none');
  });
});
