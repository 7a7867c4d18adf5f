import { useEffect } from 'react';
import type { Region } from '../anatomy/types';
import { useView } from '../state/view-store';
import type { RegionModel } from '../anatomy/mesh';
import { loadRegionModel } from './load-region-model';
import footUrl from '../../models/foot.glb?url';
import kneeUrl from '../../models/knee.glb?url';

export const MODEL_URL: Record<Region, string> = { foot: footUrl, knee: kneeUrl };

/** Loads a region's model once, reporting progress and failure through the view store (retry = attempt). */
export function useRegionModel(region: Region): RegionModel | undefined {
  const attempt = useView((s) => s.attempt);
  const model = useView((s) => s.models[region]);
  useEffect(() => {
    useView.setState({ drawn: false });
    if (useView.getState().models[region]) {
      useView.setState({ status: 'ready' });
      return;
    }
    let live = true;
    useView.setState({ status: 'loading', progress: 0 });
    loadRegionModel(MODEL_URL[region], (progress) => live && useView.setState({ progress })).then(
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
  }, [region, attempt]);
  return model;
}
