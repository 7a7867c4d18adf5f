import { useTranslation } from '../i18n';
import type { ProcedureDef } from '../procedures/types';
import { proceduresOf } from '../procedures/registry';
import { useSession } from '../state/store';

const REGIONS: readonly ProcedureDef['region'][] = ['foot', 'knee'];

/**
 * The start of a consultation: every operation as a large card with its cut drawn, grouped by foot
 * and knee; choosing one opens it on this patient (the other region's model loads if needed).
 */
export function ProcedureCards() {
  const { t } = useTranslation();
  const setProcedure = useSession((s) => s.setProcedure);
  return (
    <section className="panel cards" aria-labelledby="cards-title" data-testid="procedure-cards">
      <h2 id="cards-title">{t('start.title')}</h2>
      {REGIONS.map((region) => (
        <div key={region}>
          <h3>{t(`region.${region}`)}</h3>
          <ul className="card-grid">
            {proceduresOf(region).map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  className="card"
                  onClick={() => setProcedure(p.id)}
                  data-testid={`card-${p.id}`}
                >
                  {p.icon && (
                    <svg viewBox="0 0 24 24" width={44} height={44} aria-hidden="true">
                      <path
                        d={p.icon}
                        fill="none"
                        stroke="currentColor"
                        strokeWidth={1.5}
                        strokeLinecap="round"
                      />
                    </svg>
                  )}
                  <span>{t(`proc.${p.id}.name`)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
