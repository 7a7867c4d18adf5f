import { describe, expect, test } from 'vitest';
import { sessionChanges } from '../../src/app/use-url-sync';
import { sessionFromUrl } from '../../src/state/session-store';

const read = (search: string, hash = '') => sessionFromUrl(search, hash, 'en-US');

describe('a link read again (back/forward, a new fragment)', () => {
  test('only what differs is set: equal fields keep their identity, so nothing re-plans', () => {
    const now = read('?p=hto-opening&target=60', '#hka=172');
    expect(sessionChanges(now, read('?p=hto-opening&target=60', '#hka=172'))).toEqual({});
    const patch = sessionChanges(now, read('?p=hto-opening&target=65', '#hka=172'));
    expect(Object.keys(patch)).toEqual(['params']);
    expect(patch.params).toMatchObject({ target: 65 });
  });

  test("the fragment's angles alone: set once, not again by the hashchange after popstate", () => {
    const now = read('?p=chevron', '#hva=28');
    const { foot, knee } = read('?p=chevron', '#hva=35');
    expect(sessionChanges(now, { foot, knee })).toEqual({ foot });
    const after = { ...now, foot };
    expect(sessionChanges(after, { foot: read('?p=chevron', '#hva=35').foot, knee })).toEqual({});
  });
});
