import type { ProcedureDef } from '../procedures/types';
import { useTextsReady, useTranslation } from '../i18n';
import { shotsTaken } from '../engine/fluoroscopy';
import { captionKeys } from '../engine/narration';
import { usePlayback } from '../state/playback-store';
import { useSession } from '../state/store';
import { StepClock } from './StepClock';
import { captionValues } from './caption-values';
import { useNarration } from './use-narration';

/**
 * The current step's title and caption in the chosen voice; announced to screen readers, and read
 * aloud when the user asks for it.
 */
export function StepCaption({
  proc,
  values,
}: {
  readonly proc: ProcedureDef;
  readonly values: Record<string, number>;
}) {
  const { t } = useTranslation();
  const step = usePlayback((s) => s.step);
  const voice = useSession((s) => s.voice);
  const lang = useSession((s) => s.lang);
  useNarration(proc, values);
  // The captions are in the texts fetched after the first view: no caption until they are in.
  const ready = useTextsReady();
  if (!ready) return null;
  const current = proc.steps[step] ?? proc.steps[0]!;
  const keys = captionKeys(proc, step, voice);
  // The kinds of tool at work in the step, for tests and assistive text: `burr`, `kwire,headlessScrew`.
  const tools = [
    ...new Set([...(current.instruments ?? []), ...(current.implants ?? [])].map((u) => u.kind)),
  ].join(',');
  return (
    <div className="caption" data-step={step + 1} data-tools={tools} data-testid="caption" aria-live="polite">
      <div className="caption-count">
        {t('procedure.step', { n: step + 1, total: proc.steps.length })}
        {current.fluoro && (
          <span data-testid="shots" data-value={shotsTaken(proc, step)}>
            {' · '}
            {t('procedure.shots', { count: shotsTaken(proc, step) })}
          </span>
        )}
      </div>
      <h2>{t(keys.title)}</h2>
      <p>{t(keys.text, captionValues(lang, values))}</p>
      {current.clock !== undefined && <StepClock proc={proc} step={step} />}
    </div>
  );
}
