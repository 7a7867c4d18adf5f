/**
 * The strings follow src/i18n/GLOSSARY.md: one term per concept, one register, plural forms
 * wherever a count meets a noun. Banned forms are matched as phrases (the verb «taglia» is fine,
 * the label «Taglia» is not).
 */
import { describe, expect, it } from 'vitest';
import { en, it as it_ } from '../locale-strings';

type Strings = Record<string, unknown>;
const flat = (o: Strings, path = ''): [string, string][] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${path}${k}`, v] as [string, string]] : flat(v as Strings, `${path}${k}.`),
  );
const IT = flat(it_ as Strings);
const EN = flat(en as Strings);

/** Italian forms the glossary bans, each with the term to use instead. */
const BANNED_IT: readonly [RegExp, string][] = [
  [/asse di carico/i, 'linea di carico'],
  [/bersaglio/i, 'obiettivo'],
  [/^Taglia$/, 'Corporatura'],
  [/soluzione salina/i, 'soluzione fisiologica'],
  [/divaricatore(?! osseo)/i, 'distanziatore interdigitale'],
  [/\bperdite\b/i, 'stravaso'],
  [/arco a C/i, 'amplificatore di brillanza'],
  [/rivestimento dell'articolazione/i, "la capsula, l'involucro che avvolge l'articolazione"],
  [/ritensionat/i, 'ristretta e ricucita'],
  [/\bcambr[ae]\b/i, 'graffetta'],
  [/fissazione/i, 'sintesi'],
  [/corticale (interna|esterna)/i, 'corticale mediale / laterale'],
  [/incisione della (cute|pelle)/i, 'incisione cutanea'],
  [/\bTecniche\b/, 'Per lo specialista'],
];

/** English forms the glossary bans. */
const BANNED_EN: readonly [RegExp, string][] = [
  [/\bload axis\b/i, 'load line'],
  [/\bsaline solution\b/i, 'saline'],
];

/** The patient voice: what is read to the patient (captions, summaries, info, recovery, handout). */
const isPatientVoice = (key: string) =>
  /\.patient$|\.summary$|^proc\.[^.]+\.info\.|^recovery\.|^handout\./.test(key);

/** Adjectives and participles agreeing with one patient, male or female: the impersonal form avoids them. */
const GENDERED = /\b(svegli[oa]|sdraiat[oa]|sedut[oa]|operat[oa]|dimess[oa]|stes[oa]|distes[oa])\b/i;
/** The familiar tu and the formal Lei addressed to the patient: the patient voice uses neither. */
const TU = /\b(senti|cammini|torni|puoi|devi|sei|hai|ti|tuo|tua|tuoi|tue)\b/i;
const LEI = /\b(Lei|può alzarsi|le spiegherà|i suoi angoli|si sieda)\b/;

/** Placeholders that name something (an operation, a setting) or stand before a function word. */
const NOT_COUNTS = new Set(['procedure', 'param', 'used', 'pre', 'post', 'elapsed', 'to']);
/** Words after a number that are not nouns (a preposition, a verb): "Step {{n}} of {{total}}". */
const FUNCTION_WORDS = new Set(['of', 'di', 'is', 'è', 'was', 'were', 'in', 'su']);
/** Units after a number are symbols, not nouns: no plural forms needed. */
const UNIT = /^(mm|mL|cm|min|h|s|G|kg)\b/;

describe('the glossary holds in both languages', () => {
  it('no banned term is used', () => {
    const found = [
      ...IT.flatMap(([k, v]) =>
        BANNED_IT.filter(([re]) => re.test(v)).map(([, use]) => `it ${k}: use «${use}»`),
      ),
      ...EN.flatMap(([k, v]) =>
        BANNED_EN.filter(([re]) => re.test(v)).map(([, use]) => `en ${k}: use "${use}"`),
      ),
    ];
    expect(found).toEqual([]);
  });

  it('the Italian patient voice is impersonal and gender-neutral: no tu, no Lei, no adjective agreeing with the patient', () => {
    const found = IT.filter(([k]) => isPatientVoice(k)).flatMap(([k, v]) => [
      ...(GENDERED.test(v) ? [`${k}: gendered «${GENDERED.exec(v)![0]}»`] : []),
      ...(TU.test(v) ? [`${k}: tu «${TU.exec(v)![0]}»`] : []),
      ...(LEI.test(v) ? [`${k}: Lei «${LEI.exec(v)![0]}»`] : []),
    ]);
    expect(found).toEqual([]);
  });

  it('a count placed before a noun has plural forms (_one/_other) in both languages', () => {
    const found: string[] = [];
    for (const [lang, strings] of [
      ['en', EN],
      ['it', IT],
    ] as const) {
      for (const [k, v] of strings) {
        for (const m of v.matchAll(/\{\{(\w+)\}\} ([\p{L}]+)/gu)) {
          const [, name, word] = m as unknown as [string, string, string];
          if (NOT_COUNTS.has(name) || FUNCTION_WORDS.has(word.toLowerCase()) || UNIT.test(word)) continue;
          if (!/_(one|other)$/.test(k)) found.push(`${lang} ${k}: «{{${name}}} ${word}»`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('plural forms come in pairs in both languages', () => {
    const keys = (s: [string, string][]) => new Set(s.map(([k]) => k));
    for (const all of [keys(EN), keys(IT)])
      for (const k of all)
        if (k.endsWith('_one')) expect(all.has(k.replace(/_one$/, '_other')), k).toBe(true);
  });
});
