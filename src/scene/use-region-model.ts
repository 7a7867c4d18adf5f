import { useEffect } from 'react';
import type { Region } from '../anatomy/types';
import { useView } from '../state/store';
import type { RegionModel } from '../anatomy/mesh';
import { fetchModel } from './fetch-model';
import { readModel } from './model-reader';
import footUrl from '../../models/foot.glb?url';
import kneeUrl from '../../models/knee.glb?url';

export const MODEL_URL: Record<Region, string> = { foot: footUrl, knee: kneeUrl };

/** Loads under way, so a load started early (before React mounts) is joined, not repeated. */
const inflight = new Map<Region, Promise<RegionModel>>();

/**
 * Loads a region's model: the file is fetched here (reporting progress) and read by the model
 * reader, a worker the page's first script has started, so it is ready when the file is in.
 */
async function loadRegionModel(region: Region): Promise<RegionModel> {
  const url = MODEL_URL[region];
  const bytes = await fetchModel(url, (progress) => useView.setState({ progress }));
  return readModel(url, bytes);
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
