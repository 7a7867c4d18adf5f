/**
 * The quiz's "which operation?" cases, derived from what each operation declares it is for
 * (`indication`): each case fits the operation that declares it and no operation it offers as
 * wrong, has its texts in both languages, and a slip in the data is named with the procedure and
 * the field rather than dropping a question without a word.
 */
import { describe, expect, it } from 'vitest';
import { en, it as it_ } from '../locale-strings';
import { PROCEDURES, procedureById } from '../../src/procedures/registry';
import { fits, quizCases } from '../../src/procedures/indications';
import { quizProblems, type HasString } from '../../src/procedures/schema-quiz';
import type { ProcedureDef } from '../../src/procedures/types';

const has = (strings: object) => (key: string) =>
  typeof key
    .split('.')
    .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], strings) === 'string';
const STRINGS: HasString = { en: has(en), it: has(it_) };

describe("the quiz's cases", () => {
  it('are declared by one operation each, with their texts in both languages', () => {
    expect(quizProblems(PROCEDURES, STRINGS)).toEqual([]);
    expect(quizCases(PROCEDURES).map((c) => c.id)).toEqual([
      'mildBunion',
      'moderateBunion',
      'toeDeviation',
      'varusKnee',
      'valgusKnee',
      'lyticLesion',
    ]);
  });

  it("offer as wrong only operations the case's numbers rule out, its region's first", () => {
    for (const c of quizCases(PROCEDURES)) {
      const answer = procedureById(c.answer)!;
      const quotes = answer.indication!.case!.quotes;
      expect(fits(answer, answer.region, quotes), c.id).toBe(true);
      expect(c.wrong).toHaveLength(3);
      for (const id of c.wrong)
        expect(fits(procedureById(id)!, answer.region, quotes), `${c.id} ${id}`).toBe(false);
      // Of the operations of its region that do not fit, none is passed over for one of another region.
      const regions = c.wrong.map((id) => procedureById(id)!.region === answer.region);
      expect(regions).toEqual([...regions].sort((a, b) => Number(b) - Number(a)));
    }
    // A varus knee is not asked against the closing HTO, which suits it too.
    const varus = quizCases(PROCEDURES).find((c) => c.id === 'varusKnee')!;
    expect(varus.wrong).toEqual(['dfo-opening', 'dfo-closing', 'cementoplasty']);
  });

  it('name the procedure and the field of a slip: a case twice, off its own indication, unknown measures, no texts', () => {
    const chevron = procedureById('chevron')!;
    const scarf = procedureById('scarf')!;
    const akin = procedureById('akin')!;
    const broken: ProcedureDef[] = [
      chevron,
      procedureById('hto-opening')!,
      procedureById('cementoplasty')!,
      { ...scarf, indication: { suits: { ima: [23, 12] }, case: { id: 'mildBunion', quotes: { ima: 18 } } } },
      { ...akin, indication: { suits: { hvai: [10, 30] }, case: { id: 'hammerToe', quotes: { hvai: 15 } } } },
    ];
    expect(quizProblems(broken, STRINGS)).toEqual([
      'scarf: indication.suits.ima: 23 is above 12',
      'akin: indication.suits.hvai: no measure of the foot nor parameter',
      'scarf: indication.case: "mildBunion" is declared by chevron already',
      'scarf: indication.case: "mildBunion" does not fit its own indication',
      'akin: indication.case: "hammerToe" has no quiz.case.hammerToe.prompt in en',
      'akin: indication.case: "hammerToe" has no quiz.case.hammerToe.why in en',
      'akin: indication.case: "hammerToe" has no quiz.case.hammerToe.prompt in it',
      'akin: indication.case: "hammerToe" has no quiz.case.hammerToe.why in it',
    ]);
    // With the bunion operations alone, a bunion case has too few wrong options to be asked.
    expect(quizProblems([chevron, scarf, akin], STRINGS)).toContain(
      'chevron: indication.case: "mildBunion" rules out 2 operations, 3 are needed to ask it',
    );
  });

  it('a text missing in one language only is named with that language', () => {
    const onlyEnglish: HasString = { en: STRINGS.en!, it: (key) => key !== 'quiz.case.lyticLesion.why' };
    expect(quizProblems(PROCEDURES, onlyEnglish)).toEqual([
      'cementoplasty: indication.case: "lyticLesion" has no quiz.case.lyticLesion.why in it',
    ]);
  });
});
