import { describe, expect, test } from 'vitest';
import { angleChanges, sessionChanges } from '../../src/app/use-url-sync';
import { sessionFromUrl } from '../../src/state/session-slice';
import { advanced, goToStep, pausedAtStep, usePlayback } from '../../src/state/playback-store';
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

test("a link's step: the clock paused on that step's key frame, kept within the procedure", () => {
  const timeline = buildTimeline([{ duration: 2 }, { duration: 3, key: 0.5 }, { duration: 4 }]);
  expect(pausedAtStep(timeline, 2)).toEqual({
    time: 3.5,
    step: 1,
    key: 1,
    keyStart: 2,
    total: 9,
    playing: false,
  });
  // By default the key frame is the end of the step, just inside it.
  expect(pausedAtStep(timeline, 1)).toMatchObject({ time: 1.999, step: 0, key: 0, keyStart: 0 });
  expect(pausedAtStep(timeline, 0)).toMatchObject({ step: 0, keyStart: 0 });
  expect(pausedAtStep(timeline, 99)).toMatchObject({ time: 8.999, step: 2, keyStart: 5 });
});

test('playing from a paused step starts it from its beginning; scrubbing leaves the key frame', () => {
  const timeline = buildTimeline([{ duration: 2 }, { duration: 3 }, { duration: 4 }]);
  usePlayback.setState({ ...pausedAtStep(timeline, 1), playing: false });
  goToStep(timeline, 1);
  expect(usePlayback.getState()).toMatchObject({ step: 1, key: 1, time: 4.999 });
  usePlayback.getState().play();
  expect(usePlayback.getState()).toMatchObject({ playing: true, key: null, time: 2 });
  goToStep(timeline, 2);
  expect(usePlayback.getState()).toMatchObject({ playing: true, key: null, time: 5 });
  usePlayback.getState().pause();
  goToStep(timeline, 0);
  usePlayback.getState().seek(1.5);
  expect(usePlayback.getState()).toMatchObject({ key: null, time: 1.5 });
});

test('the clock a frame later: at its speed, a slow frame at most a quarter second, looping or stopping at the end', () => {
  const clock = { time: 1, total: 9, speed: 2, loop: false, hold: null };
  expect(advanced(clock, 0.1)).toEqual({ time: 1.2, playing: true });
  expect(advanced(clock, 3)).toEqual({ time: 1.5, playing: true });
  expect(advanced({ ...clock, time: 8.9 }, 0.1)).toEqual({ time: 9, playing: false });
  expect(advanced({ ...clock, time: 8.9, loop: true }, 0.1)).toEqual({ time: 0, playing: true });
});
