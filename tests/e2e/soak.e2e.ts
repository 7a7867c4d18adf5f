/**
 * The kiosk's long run in small: after a first round through every procedure, more rounds leave
 * the renderer holding the same geometries and textures, and the heap about where it was (the
 * benchmark makes 500 switches).
 */
import { describe, expect, test } from 'vitest';
import { resources, ROUND, switchProcedures } from '../../scripts/soak';
import { pagePerTest, waitForReady } from './helpers';
import { expectClean } from './expectations';

const open = pagePerTest();

describe('soak', () => {
  test('procedure switches leak no geometry, texture or heap', async () => {
    const app = await open('?p=chevron');
    await waitForReady(app);
    // A first round fills what is meant to be kept: both models, the worker's cuts, the tool cache.
    let at = await switchProcedures(app.page, ROUND);
    const before = await resources(app.page);
    at = await switchProcedures(app.page, 2 * ROUND, at);
    expect(at).toBe(0);
    const after = await resources(app.page);
    expect(after.geometries).toBe(before.geometries);
    expect(after.textures).toBe(before.textures);
    expect(after.objects).toBeLessThan(before.objects * 1.1);
    expectClean(app);
  }, 600_000);
});
