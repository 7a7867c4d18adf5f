/**
 * The quiz's cases as the procedures declare them (`quiz: { answers, wrongFor }`): each case is
 * answered by one procedure and has its texts in both languages, and each wrong option names a case
 * that is asked. A typo would otherwise drop a question without a word.
 */
import { describe, expect, it } from 'vitest';
import { en, it as it_ } from '../locale-strings';
import { PROCEDURES, procedureById } from '../../src/procedures/registry';
import { quizProblems, type HasString } from '../../src/procedures/schema-quiz';
import type { ProcedureDef } from '../../src/procedures/types';

const has = (strings: object) => (key: string) =>
  typeof key
    .split('.')
    .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], strings) === 'string';
const STRINGS: HasString = { en: has(en), it: has(it_) };

describe("the quiz's cases", () => {
  it('are each answered by one procedure, with their texts in both languages, and every wrong option names one', () => {
    expect(quizProblems(PROCEDURES, STRINGS)).toEqual([]);
    // The check has something to check: cases answered, and wrong options for them.
    expect(PROCEDURES.filter((p) => p.quiz?.answers).length).toBeGreaterThanOrEqual(5);
    expect(PROCEDURES.flatMap((p) => p.quiz?.wrongFor ?? []).length).toBeGreaterThanOrEqual(10);
  });

  it('name the procedure and the field of a case misspelt, answered twice, without texts, or answered and ruled out at once', () => {
    const chevron = procedureById('chevron')!;
    const scarf = procedureById('scarf')!;
    const akin = procedureById('akin')!;
    const with_ = (p: ProcedureDef, quiz: ProcedureDef['quiz']): ProcedureDef => ({ ...p, quiz });
    const broken = [
      with_(chevron, { answers: 'mildBunion', wrongFor: ['moderateBunnion', 'mildBunion'] }),
      with_(scarf, { answers: 'mildBunion', wrongFor: ['toeDeviation'] }),
      with_(akin, { answers: 'toeDeviation', wrongFor: ['hammerToe'] }),
      { ...akin, id: 'lapidus', quiz: { answers: 'severeBunion' } },
    ];
    expect(quizProblems(broken, STRINGS)).toEqual([
      'scarf: quiz.answers: "mildBunion" is answered by chevron already',
      'lapidus: quiz.answers: "severeBunion" has no quiz.case.severeBunion.prompt in en',
      'lapidus: quiz.answers: "severeBunion" has no quiz.case.severeBunion.why in en',
      'lapidus: quiz.answers: "severeBunion" has no quiz.case.severeBunion.prompt in it',
      'lapidus: quiz.answers: "severeBunion" has no quiz.case.severeBunion.why in it',
      'chevron: quiz.wrongFor[0]: "moderateBunnion" is answered by no procedure',
      'chevron: quiz.wrongFor[1]: "mildBunion" is the case it answers',
      'akin: quiz.wrongFor[0]: "hammerToe" is answered by no procedure',
    ]);
  });

  it('a text missing in one language only is named with that language', () => {
    const onlyEnglish: HasString = { en: STRINGS.en!, it: (key) => key !== 'quiz.case.lyticLesion.why' };
    expect(quizProblems(PROCEDURES, onlyEnglish)).toEqual([
      'cementoplasty: quiz.answers: "lyticLesion" has no quiz.case.lyticLesion.why in it',
    ]);
  });
});
