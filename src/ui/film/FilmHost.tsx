import { lazy, Suspense } from 'react';
import { useTextsReady } from '../../i18n';
import { useView } from '../../state/store';
import { QuietBoundary } from '../QuietBoundary';

/** The film view and everything it needs load on first opening, never with the first view. */
const FilmView = lazy(() => import('./FilmView'));

const close = () => useView.setState({ filmOpen: false });

/**
 * The film view while it is open; a chunk that cannot be fetched closes it and changes nothing
 * else. Its words are in the long texts (fetched just after the first view), so it waits for them.
 */
export function FilmHost() {
  const open = useView((s) => s.filmOpen);
  const texts = useTextsReady();
  if (!open || !texts) return null;
  return (
    <QuietBoundary onError={close}>
      <Suspense fallback={null}>
        <FilmView />
      </Suspense>
    </QuietBoundary>
  );
}
