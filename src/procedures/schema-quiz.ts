/**
 * The study quiz's cases, checked across the procedures: each operation's `indication` names only
 * measures of its region or its own parameters, in ranges that run low to high; a case is declared
 * once, fits the operation that declares it, rules out enough others to be asked, and has its
 * texts (`quiz.case.<id>.prompt` / `.why`) in every language. A slip would otherwise drop or skew a
 * question silently. Each problem is "<procedure id>: <field>: <problem>".
 */
import { REGION_MEASURES } from '../clinical/measures';
import { fits, ruledOut, WRONG_OPTIONS } from './indications';
import type { ProcedureDef } from './types';

/** Whether a language has a string for an i18n key, by language code. */
export type HasString = Readonly<Record<string, (key: string) => boolean>>;

function suitsProblems(p: ProcedureDef): string[] {
  const known = new Set<string>([...REGION_MEASURES[p.region], ...p.params.map((x) => x.id)]);
  return Object.entries(p.indication?.suits ?? {}).flatMap(([id, [low, high]]) => [
    ...(known.has(id)
      ? []
      : [`${p.id}: indication.suits.${id}: no measure of the ${p.region} nor parameter`]),
    ...(low <= high ? [] : [`${p.id}: indication.suits.${id}: ${low} is above ${high}`]),
  ]);
}

export function quizProblems(procedures: readonly ProcedureDef[], strings: HasString): string[] {
  const problems = procedures.flatMap(suitsProblems);
  const declaredBy = new Map<string, string>();
  for (const p of procedures) {
    const c = p.indication?.case;
    if (!c) continue;
    const at = `${p.id}: indication.case`;
    const other = declaredBy.get(c.id);
    if (other) problems.push(`${at}: "${c.id}" is declared by ${other} already`);
    else declaredBy.set(c.id, p.id);
    if (!fits(p, p.region, c.quotes)) problems.push(`${at}: "${c.id}" does not fit its own indication`);
    const wrong = ruledOut(procedures, p).length;
    if (wrong < WRONG_OPTIONS)
      problems.push(`${at}: "${c.id}" rules out ${wrong} operations, ${WRONG_OPTIONS} are needed to ask it`);
    for (const [lang, has] of Object.entries(strings))
      for (const text of ['prompt', 'why'])
        if (!has(`quiz.case.${c.id}.${text}`))
          problems.push(`${at}: "${c.id}" has no quiz.case.${c.id}.${text} in ${lang}`);
  }
  return problems;
}
