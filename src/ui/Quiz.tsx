import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { makeQuiz, type QuizText } from '../engine/quiz';
import { useTextsReady } from '../i18n/texts';
import { useSession } from '../state/session-store';

/** Questions in one round of the quiz. */
const ROUND = 9;
/** This visit's quiz when the link does not fix one: drawn once, when the module loads. */
const VISIT_SEED = Math.floor(Math.random() * 999_999) + 1;

/** A quiz text in the reader's language, its nested texts translated first. */
function say(t: TFunction, text: QuizText): string {
  const values = Object.fromEntries(
    Object.entries(text.values ?? {}).map(([k, v]) => [k, typeof v === 'object' ? say(t, v) : v]),
  );
  return t(text.key, values);
}

/**
 * The study view's quiz: questions made from the procedures (the next step, the operation behind a
 * cut, the operation for a deformity), one at a time, each answer marked with its explanation and
 * the score kept. Loaded only in the study view.
 */
export default function Quiz() {
  const { t } = useTranslation();
  const seed = useSession((s) => s.seed);
  // A new quiz each visit unless the link fixes the seed.
  const questions = useMemo(() => makeQuiz(seed || VISIT_SEED, ROUND), [seed]);
  const [index, setIndex] = useState(0);
  const [chosen, setChosen] = useState<number | null>(null);
  const [score, setScore] = useState({ right: 0, answered: 0 });
  const q = questions[index % questions.length]!;
  const options = useRef<HTMLOListElement>(null);
  // "Next question" goes away when pressed: the keyboard's focus moves on to the new options.
  useEffect(() => {
    if (index > 0) options.current?.querySelector('button')?.focus();
  }, [index]);
  const ready = useTextsReady();
  const answered = chosen !== null;

  const choose = (i: number) => {
    if (answered) return;
    setChosen(i);
    setScore((s) => ({ right: s.right + (i === q.answer ? 1 : 0), answered: s.answered + 1 }));
  };

  if (!ready) return null;
  return (
    <section className="panel quiz" aria-labelledby="quiz-title" data-testid="quiz" data-question={index + 1}>
      <h2 id="quiz-title">{t('quiz.title')}</h2>
      <p className="quiz-prompt">{say(t, q.prompt)}</p>
      {q.icon && (
        <svg
          viewBox="0 0 24 24"
          width={96}
          height={96}
          role="img"
          aria-label={t('quiz.cutPicture')}
          className="quiz-cut"
        >
          <path d={q.icon} fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" />
        </svg>
      )}
      <ol className="quiz-options" ref={options}>
        {q.options.map((o, i) => (
          <li key={o.id}>
            <button
              type="button"
              onClick={() => choose(i)}
              aria-pressed={chosen === i}
              disabled={answered && chosen !== i && i !== q.answer}
              data-testid={`quiz-option-${o.id}`}
              data-correct={answered ? String(i === q.answer) : undefined}
            >
              {say(t, o.label)}
            </button>
          </li>
        ))}
      </ol>
      {answered && (
        <div role="status" data-testid="quiz-feedback" data-result={chosen === q.answer ? 'right' : 'wrong'}>
          <strong>{chosen === q.answer ? t('quiz.right') : t('quiz.wrong')}</strong> {say(t, q.explanation)}
        </div>
      )}
      <p data-testid="quiz-score" data-right={score.right} data-answered={score.answered}>
        {t('quiz.score', score)}
      </p>
      {answered && (
        <button
          type="button"
          onClick={() => {
            setIndex(index + 1);
            setChosen(null);
          }}
          data-testid="quiz-next"
        >
          {t('quiz.next')}
        </button>
      )}
    </section>
  );
}
