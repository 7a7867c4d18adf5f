import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en, it as it_ } from '../locale-strings';
import { yourOrder } from '../../src/ui/Quiz';

/** A translator holding both languages' strings, as the app has them once the texts are in. */
async function translator(lng: 'en' | 'it') {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { translation: en }, it: { translation: it_ } },
    lng,
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

describe('the order picked in the quiz', () => {
  it('reads as the language writes it, its colon and numbering from the strings', async () => {
    const t = await translator('en');
    expect(yourOrder(t, 'en', ['Skin incision', 'The cut'])).toBe(
      'Your order: 1. Skin incision · 2. The cut',
    );
    expect(yourOrder(t, 'en', [])).toBe('Your order: nothing picked yet');
    const ti = await translator('it');
    expect(yourOrder(ti, 'it', ['Incisione', 'Il taglio'])).toBe(
      'Il tuo ordine: 1. Incisione · 2. Il taglio',
    );
    expect(yourOrder(ti, 'it', [])).toBe('Il tuo ordine: ancora nessuna fase scelta');
  });

  it('every language places the list itself, so its punctuation is its own', () => {
    for (const strings of [en, it_]) {
      expect(strings.quiz.yourOrder).toContain('{{order}}');
      expect(strings.quiz.orderItem).toMatch(/{{n}}.*{{step}}/);
    }
  });
});

describe('the score', () => {
  it('agrees with its count in Italian: one right answer, two right answers', async () => {
    const ti = await translator('it');
    expect(ti('quiz.score', { right: 1, answered: 1, count: 1 })).toBe('1 risposta esatta su 1');
    expect(ti('quiz.score', { right: 2, answered: 3, count: 2 })).toBe('2 risposte esatte su 3');
    expect(ti('quiz.score', { right: 0, answered: 1, count: 0 })).toBe('0 risposte esatte su 1');
    const t = await translator('en');
    expect(t('quiz.score', { right: 1, answered: 2, count: 1 })).toBe('1 of 2 right');
  });
});
