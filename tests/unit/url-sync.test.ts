import { describe, expect, test } from 'vitest';
import { angleChanges, sessionChanges } from '../../src/app/use-url-sync';
import { sessionFromUrl } from '../../src/state/session-store';
import { advanced, pausedAtStep } from '../../src/state/playback-store';
import { buildTimeline } from '../../src/engine/timeline';

const read = (search: string, hash = '') => sessionFromUrl(search, hash, 'en-US');

describe('a link read again (back/forward, a new fragment)', () => {
  test('only what differs is set: equal fields keep their identity, so nothing re-plans', () => {
    const now = read('?p=hto-opening&target=60', '#hka=172');
    expect(sessionChanges(now, read('?p=hto-opening&target=60', '#hka=172'))).toEqual({});
    const patch = sessionChanges(now, read('?p=hto-opening&target=65', '#hka=172'));
    expect(Object.keys(patch)).toEqual(['params']);
    expect(patch.params).toMatchObject({ target: 65 });
  });

  test('a new fragment: only the angles that differ, none when popstate has set them already', () => {
    const now = read('?p=chevron', '#hva=28');
    expect(angleChanges(now, '?p=chevron', '#hva=35', 'en-US')).toEqual({
      foot: read('?p=chevron', '#hva=35').foot,
    });
    const after = { ...now, foot: read('?p=chevron', '#hva=35').foot };
    expect(angleChanges(after, '?p=chevron', '#hva=35', 'en-US')).toEqual({});
  });
});

test("a link's step: the clock paused at that step's start, kept within the procedure", () => {
  const timeline = buildTimeline([2, 3, 4]);
  expect(pausedAtStep(timeline, 2)).toEqual({ time: 2, step: 1, total: 9, playing: false });
  expect(pausedAtStep(timeline, 1)).toMatchObject({ time: 0, step: 0 });
  expect(pausedAtStep(timeline, 0)).toMatchObject({ time: 0, step: 0 });
  expect(pausedAtStep(timeline, 99)).toMatchObject({ time: 5, step: 2 });
});

test('the clock a frame later: at its speed, a slow frame at most a quarter second, looping or stopping at the end', () => {
  const clock = { time: 1, total: 9, speed: 2, loop: false };
  expect(advanced(clock, 0.1)).toEqual({ time: 1.2, playing: true });
  expect(advanced(clock, 3)).toEqual({ time: 1.5, playing: true });
  expect(advanced({ ...clock, time: 8.9 }, 0.1)).toEqual({ time: 9, playing: false });
  expect(advanced({ ...clock, time: 8.9, loop: true }, 0.1)).toEqual({ time: 0, playing: true });
});
