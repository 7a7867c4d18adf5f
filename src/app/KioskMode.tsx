import { useEffect } from 'react';
import { KioskOverlay } from '../ui/KioskOverlay';
import { useKioskLoop } from './use-kiosk';

/** What the kiosk loop tells the page: whether a visitor is exploring, how many operations it has started. */
export interface KioskState {
  readonly exploring: boolean;
  readonly shown: number;
}

/**
 * The waiting-room kiosk, loaded only in kiosk mode (the first view of every other mode does not
 * carry it): its loop, and its own controls over the stage.
 */
export default function KioskMode({ onState }: { readonly onState: (state: KioskState) => void }) {
  const { exploring, shown } = useKioskLoop();
  useEffect(() => onState({ exploring, shown }), [exploring, shown, onState]);
  return <KioskOverlay exploring={exploring} />;
}
