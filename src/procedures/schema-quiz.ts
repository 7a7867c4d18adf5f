/**
 * The study quiz's cases, checked across the procedures: a case is named by one procedure's
 * `quiz.answers` and by others' `quiz.wrongFor`, and its texts are the i18n keys
 * `quiz.case.<id>.prompt` / `.why`. A typo in either list, or a case without its texts, would
 * otherwise drop a question silently. Each problem is "<procedure id>: <field>: <problem>".
 */
import type { ProcedureDef } from './types';

/** Whether a language has a string for an i18n key, by language code. */
export type HasString = Readonly<Record<string, (key: string) => boolean>>;

export function quizProblems(procedures: readonly ProcedureDef[], strings: HasString): string[] {
  const problems: string[] = [];
  const answeredBy = new Map<string, string>();
  const textsOf = (at: string, id: string) => {
    for (const [lang, has] of Object.entries(strings))
      for (const text of ['prompt', 'why'])
        if (!has(`quiz.case.${id}.${text}`))
          problems.push(`${at}: "${id}" has no quiz.case.${id}.${text} in ${lang}`);
  };
  for (const p of procedures) {
    const id = p.quiz?.answers;
    if (id === undefined) continue;
    const other = answeredBy.get(id);
    if (other) problems.push(`${p.id}: quiz.answers: "${id}" is answered by ${other} already`);
    else answeredBy.set(id, p.id);
    textsOf(`${p.id}: quiz.answers`, id);
  }
  for (const p of procedures)
    p.quiz?.wrongFor?.forEach((id, i) => {
      const at = `${p.id}: quiz.wrongFor[${i}]`;
      if (id === p.quiz?.answers) problems.push(`${at}: "${id}" is the case it answers`);
      // A case another procedure answers has its texts checked there.
      else if (!answeredBy.has(id)) problems.push(`${at}: "${id}" is answered by no procedure`);
    });
  return problems;
}
