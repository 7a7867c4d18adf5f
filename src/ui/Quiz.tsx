import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import {
  makeQuiz,
  type ChoiceQuestion,
  type OrderQuestion,
  type QuizNumber,
  type QuizOption,
  type QuizText,
} from '../engine/quiz';
import { formatNumber, useTextsReady, useTranslation, type Language } from '../i18n';
import { useSession } from '../state/store';

/** Questions in one round of the quiz (two of each kind). */
const ROUND = 10;
/** This visit's quiz when the link does not fix one: drawn once, when the module loads. */
const VISIT_SEED = Math.floor(Math.random() * 999_999) + 1;

const isText = (v: QuizText | QuizNumber): v is QuizText => 'key' in v;

/** A quiz text in the reader's language, its nested texts translated and its numbers formatted first. */
function say(t: TFunction, lang: Language, text: QuizText): string {
  const values = Object.fromEntries(
    Object.entries(text.values ?? {}).map(([k, v]) => [
      k,
      typeof v === 'string' ? v : isText(v) ? say(t, lang, v) : formatNumber(lang, v.value, v.digits),
    ]),
  );
  return t(text.key, values);
}

/**
 * The order picked so far as one line, "Your order: 1. Incision · 2. The cut": the words, the
 * punctuation and the numbers are the language's.
 */
export function yourOrder(t: TFunction, lang: Language, steps: readonly string[]): string {
  const order = steps.length
    ? steps
        .map((step, i) => t('quiz.orderItem', { n: formatNumber(lang, i + 1, 0), step }))
        .join(t('quiz.orderJoin'))
    : t('quiz.nothingPicked');
  return t('quiz.yourOrder', { order });
}

/** The step's place in the student's order, drawn on its button. */
const badge: CSSProperties = {
  display: 'inline-grid',
  placeItems: 'center',
  flex: 'none',
  width: '1.6em',
  height: '1.6em',
  borderRadius: '50%',
  border: '2px solid currentColor',
  fontWeight: 700,
};
/** A step's button: its place first, then its title, wrapped beside it. */
const stepButton: CSSProperties = { display: 'flex', alignItems: 'center', gap: '0.5em' };
const row: CSSProperties = { display: 'flex', gap: '0.5rem', flexWrap: 'wrap', margin: '0.4rem 0' };

interface Answered {
  readonly right: boolean;
}

/** What a question's own part of the quiz gets: the question, its translator, where to report. */
interface AskProps<Q> {
  readonly q: Q;
  readonly text: (x: QuizText) => string;
  readonly onAnswer: (right: boolean) => void;
}

/**
 * The study view's quiz: questions made from the procedures (the next step, the order of the steps,
 * the operation behind a cut, the correction angle for a load-line target, the operation for a
 * deformity), one at a time, each answer marked with its explanation and the score kept. Loaded
 * only in the study view.
 */
export default function Quiz() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const seed = useSession((s) => s.seed);
  // A new quiz each visit unless the link fixes the seed.
  const questions = useMemo(() => makeQuiz(seed || VISIT_SEED, ROUND), [seed]);
  const [index, setIndex] = useState(0);
  const [result, setResult] = useState<Answered | null>(null);
  const [score, setScore] = useState({ right: 0, answered: 0 });
  const q = questions[index % questions.length]!;
  const body = useRef<HTMLDivElement>(null);
  // "Next question" goes away when pressed: the keyboard's focus moves on to the new options.
  useEffect(() => {
    if (index > 0) body.current?.querySelector('button')?.focus();
  }, [index]);
  // An answer that took its own button away ("Check") leaves the keyboard on "Next question".
  const next = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (result && document.activeElement === document.body) next.current?.focus();
  }, [result]);
  const ready = useTextsReady();
  const text = (x: QuizText) => say(t, lang, x);

  const mark = (right: boolean) => {
    setResult({ right });
    setScore((s) => ({ right: s.right + (right ? 1 : 0), answered: s.answered + 1 }));
  };

  if (!ready) return null;
  return (
    <section className="panel quiz" aria-labelledby="quiz-title" data-testid="quiz" data-question={index + 1}>
      <h2 id="quiz-title">{t('quiz.title')}</h2>
      <p className="quiz-prompt">{text(q.prompt)}</p>
      <div ref={body} data-kind={q.kind}>
        {q.kind === 'order-steps' ? (
          <OrderSteps key={index} q={q} text={text} onAnswer={mark} />
        ) : (
          <PickOne key={index} q={q} text={text} onAnswer={mark} />
        )}
      </div>
      <p data-testid="quiz-score" data-right={score.right} data-answered={score.answered}>
        {t('quiz.score', { ...score, count: score.right })}
      </p>
      {result && (
        <button
          type="button"
          ref={next}
          onClick={() => {
            setIndex(index + 1);
            setResult(null);
          }}
          data-testid="quiz-next"
        >
          {t('quiz.next')}
        </button>
      )}
    </section>
  );
}

function Feedback({ right, children }: { right: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div role="status" data-testid="quiz-feedback" data-result={right ? 'right' : 'wrong'}>
      <strong>{right ? t('quiz.right') : t('quiz.wrong')}</strong> {children}
    </div>
  );
}

/** One option to pick: the page marks it and the right one once answered. */
function PickOne({ q, text, onAnswer }: AskProps<ChoiceQuestion>) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<number | null>(null);
  const answered = chosen !== null;
  const choose = (i: number) => {
    if (answered) return;
    setChosen(i);
    onAnswer(i === q.answer);
  };
  return (
    <>
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
      <ol className="quiz-options">
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
              {text(o.label)}
            </button>
          </li>
        ))}
      </ol>
      {answered && <Feedback right={chosen === q.answer}>{text(q.explanation)}</Feedback>}
    </>
  );
}

/**
 * The steps to put in order: each press adds a step at the end of the student's order (its place
 * shows on it); pressing a placed step takes it back with every step after it; "Undo" takes back
 * the last. Buttons only, so keyboard and touch work alike; "Check" marks the whole order.
 */
function OrderSteps({ q, text, onAnswer }: AskProps<OrderQuestion>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const [picked, setPicked] = useState<readonly string[]>([]);
  const [checked, setChecked] = useState(false);
  const check = useRef<HTMLButtonElement>(null);
  const complete = picked.length === q.options.length;
  // The last step placed: the keyboard goes on to "Check".
  useEffect(() => {
    if (complete && !checked) check.current?.focus();
  }, [complete, checked]);
  const right = picked.every((id, i) => id === q.order[i]);
  const label = (id: string) => text(q.options.find((o) => o.id === id)!.label);

  const press = (o: QuizOption) => {
    if (checked) return;
    const at = picked.indexOf(o.id);
    setPicked(at >= 0 ? picked.slice(0, at) : [...picked, o.id]);
  };

  return (
    <>
      <ol className="quiz-options">
        {q.options.map((o) => {
          const place = picked.indexOf(o.id);
          return (
            <li key={o.id}>
              <button
                type="button"
                onClick={() => press(o)}
                aria-pressed={place >= 0}
                aria-disabled={checked || undefined}
                data-testid={`quiz-step-${o.id}`}
                data-place={place >= 0 ? place + 1 : undefined}
                data-correct={checked ? String(q.order[place] === o.id) : undefined}
                style={stepButton}
              >
                <span style={{ ...badge, visibility: place >= 0 ? 'visible' : 'hidden' }} aria-hidden="true">
                  {formatNumber(lang, place + 1, 0)}
                </span>
                <span>{text(o.label)}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <p aria-live="polite" data-testid="quiz-your-order">
        {yourOrder(t, lang, picked.map(label))}
      </p>
      {!checked && (
        <div style={row}>
          <button
            type="button"
            onClick={() => setPicked(picked.slice(0, -1))}
            disabled={!picked.length}
            data-testid="quiz-undo"
          >
            {t('quiz.undo')}
          </button>
          <button
            type="button"
            ref={check}
            onClick={() => {
              setChecked(true);
              onAnswer(right);
            }}
            disabled={!complete}
            data-testid="quiz-check"
          >
            {t('quiz.check')}
          </button>
        </div>
      )}
      {checked && (
        <Feedback right={right}>
          {text(q.explanation)}
          <ol data-testid="quiz-right-order">
            {q.order.map((id) => (
              <li key={id}>{label(id)}</li>
            ))}
          </ol>
        </Feedback>
      )}
    </>
  );
}
