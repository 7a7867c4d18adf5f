import { lazy, Suspense } from 'react';
import { useView } from '../../state/store';
import { QuietBoundary } from '../QuietBoundary';

/** The film view and everything it needs load on first opening, never with the first view. */
const FilmView = lazy(() => import('./FilmView'));

const close = () => useView.setState({ filmOpen: false });

/** The film view while it is open; a chunk that cannot be fetched closes it and changes nothing else. */
export function FilmHost() {
  const open = useView((s) => s.filmOpen);
  if (!open) return null;
  return (
    <QuietBoundary onError={close}>
      <Suspense fallback={null}>
        <FilmView />
      </Suspense>
    </QuietBoundary>
  );
}
