import { useEffect } from 'react';
import type { Region } from '../anatomy/types';
import { useView } from '../state/store';
import type { RegionModel } from '../anatomy/mesh';
import { fetchModel } from './fetch-model';
import footUrl from '../../models/foot.glb?url';
import kneeUrl from '../../models/knee.glb?url';

export const MODEL_URL: Record<Region, string> = { foot: footUrl, knee: kneeUrl };

/** Loads under way, so a load started early (before React mounts) is joined, not repeated. */
const inflight = new Map<Region, Promise<RegionModel>>();

let parser: Promise<typeof import('./load-region-model')> | undefined;

/**
 * The glTF parser and the model baking: their own chunk (three.js's loader), fetched beside the
 * file. A failed fetch is forgotten, so "try again" fetches it afresh.
 */
const loadParser = () =>
  (parser ??= import('./load-region-model').catch((error: unknown) => {
    parser = undefined;
    throw error;
  }));

/**
 * Loads a region's model: the file and the code that reads it are fetched side by side, the file
 * from the app's first script on, before three.js has arrived.
 */
async function loadRegionModel(region: Region): Promise<RegionModel> {
  const url = MODEL_URL[region];
  const reading = loadParser();
  // Not left unheard while the file comes: its failure is the load's failure.
  reading.catch(() => undefined);
  const bytes = await fetchModel(url, (progress) => useView.setState({ progress }));
  return (await reading).parseRegionModel(url, bytes);
}

/** Starts loading a region's model now; the app calls this before it renders, to overlap the two. */
export function preloadRegion(region: Region): Promise<RegionModel> {
  let p = inflight.get(region);
  if (!p) {
    p = loadRegionModel(region);
    // A failed load is forgotten, so "try again" fetches afresh.
    p.catch(() => inflight.delete(region));
    inflight.set(region, p);
  }
  return p;
}

/**
 * Loads a region's model once, reporting progress and failure through the view store (retry =
 * attempt). Only the main view loads (`load`); a view beside it shows what that one loaded.
 */
export function useRegionModel(region: Region, load = true): RegionModel | undefined {
  const attempt = useView((s) => s.attempt);
  const model = useView((s) => s.models[region]);
  useEffect(() => {
    if (!load) return;
    if (useView.getState().models[region]) {
      useView.setState({ status: 'ready' });
      return;
    }
    let live = true;
    useView.setState({ status: 'loading' });
    preloadRegion(region).then(
      (m) =>
        useView.setState((s) => ({
          models: { ...s.models, [region]: m },
          status: live ? 'ready' : s.status,
        })),
      () => live && useView.setState({ status: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [region, attempt, load]);
  return model;
}
