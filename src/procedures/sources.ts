/**
 * CLINICAL.md's sources as the app cites them: the shared table (clinical/references.ts) and the
 * ones each operation declares as its own (`sources`), checked to resolve and never to disagree.
 */
import { SHARED_REFERENCES } from '../clinical/references';
import type { ProcedureDef } from './types';

/** Every number an operation cites: its list of sources and its published series' sources. */
function cited(p: ProcedureDef): [field: string, n: number][] {
  return [
    ...(p.references ?? []).map((n, i): [string, number] => [`references[${i}]`, n]),
    ...(p.published ?? []).flatMap((r, i) =>
      r.refs.map((n, j): [string, number] => [`published[${i}].refs[${j}]`, n]),
    ),
  ];
}

/**
 * What is wrong with an operation's sources, each as "<field>: <problem>": a number it cites with
 * no citation (neither its own nor shared), an own source that a shared one already numbers.
 */
export function sourceProblems(p: ProcedureDef): string[] {
  const problems: string[] = [];
  for (const [field, n] of cited(p))
    if (!p.sources?.[n] && !SHARED_REFERENCES[n])
      problems.push(
        `${field}: source ${n} has no citation (in its own \`sources\` or clinical/references.ts)`,
      );
  for (const n of Object.keys(p.sources ?? {}).map(Number))
    if (SHARED_REFERENCES[n]) problems.push(`sources.${n}: a shared source already has this number`);
  return problems;
}

/**
 * Every citation the app shows, by number: the shared ones and each operation's own. Two
 * operations may declare the same source only with the same citation: each such clash is listed.
 */
export function joinSources(procs: readonly ProcedureDef[]): {
  readonly references: Readonly<Record<number, string>>;
  readonly clashes: readonly string[];
} {
  const references: Record<number, string> = { ...SHARED_REFERENCES };
  const by = new Map<number, string>();
  const clashes: string[] = [];
  for (const p of procs)
    for (const [key, text] of Object.entries(p.sources ?? {})) {
      const n = Number(key);
      if (references[n] !== undefined && references[n] !== text)
        clashes.push(`${p.id}: sources.${n}: ${by.get(n) ?? 'the shared table'} cites it otherwise`);
      references[n] ??= text;
      if (!by.has(n)) by.set(n, p.id);
    }
  return { references, clashes };
}
