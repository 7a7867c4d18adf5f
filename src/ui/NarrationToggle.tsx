import { useState } from 'react';
import { useTranslation } from '../i18n';
import { useSession } from '../state/store';
import { deviceSpeech } from './device-speech';

/**
 * "Read aloud": each step's caption is read by the device's voice as the operation plays. Where
 * the browser cannot speak, the switch stays off and says why, in words on show (not a tooltip a
 * finger cannot reach); the choice stays in the link for a device that can.
 */
export function NarrationToggle() {
  const { t } = useTranslation();
  const narrate = useSession((s) => s.narrate);
  const set = useSession((s) => s.set);
  const [available] = useState(() => deviceSpeech() !== null);
  return (
    <label className="toggle">
      <input
        type="checkbox"
        checked={available && narrate}
        disabled={!available}
        aria-describedby={available ? undefined : 'narrate-unavailable'}
        onChange={(e) => set({ narrate: e.target.checked })}
        data-testid="narrate"
      />
      {t('controls.narrate')}
      {!available && (
        <small id="narrate-unavailable" className="toggle-note" data-testid="narrate-unavailable">
          {t('controls.narrateUnavailable')}
        </small>
      )}
    </label>
  );
}
