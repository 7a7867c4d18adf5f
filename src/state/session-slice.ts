import type { FootAngles, KneeAngles } from '../anatomy/deformity';
import type { Region } from '../anatomy/types';
import { ANGLE_RANGES, DEFAULT_ANGLES, kneeShownFor, treatsOtherKnee } from '../engine/case-angles';
import { allParams, defaultParams, impliedBy, procedureById } from '../procedures/registry';
import type { ParamValue, ProcedureDef } from '../procedures/types';
import { canCompare } from './compare';
import type { SliceAccess } from './store';
import { decodeUrl, encodeUrl, type Notice, type ParsedValues } from './url-codec';

export type Side = 'right' | 'left';
export type Sex = 'm' | 'f';
export type Lang = 'en' | 'it';
export type Voice = 'patient' | 'technical';
export type Mode = 'consult' | 'study' | 'kiosk' | 'embed';
export type ViewKind = '3d' | 'xray';
/**
 * The X-ray view's projection: the C-arm's AP or lateral, or the standing film the region's
 * angles are measured on (the foot's weight-bearing dorsoplantar, the knee's long leg).
 */
export type Projection = 'ap' | 'lat' | 'standing';

/** What the user chose: everything here is reflected in the URL. */
export interface Session {
  readonly region: Region;
  readonly side: Side;
  readonly sex: Sex;
  readonly lang: Lang;
  readonly skin: boolean;
  /** Each step's caption read aloud as it plays (the device's speech synthesis). */
  readonly narrate: boolean;
  readonly foot: FootAngles;
  readonly knee: KneeAngles;
  /** The procedure shown, or null for the anatomy alone. */
  readonly procedure: string | null;
  /** Shown beside the procedure: 'before' (the patient before surgery), another procedure's id, or null. */
  readonly compare: string | null;
  /** The procedure's parameters (all of them, defaults filled in). */
  readonly params: Readonly<Record<string, ParamValue>>;
  /** Captions for a patient, or technical ones for a student. */
  readonly voice: Voice;
  readonly mode: Mode;
  /** The shaded 3D bones, or the fluoroscopy (X-ray) image of the same scene. */
  readonly view: ViewKind;
  /** The C-arm projection shown in the X-ray view. */
  readonly proj: Projection;
  /** The step (1-based) the link asked to open at. */
  readonly startStep: number;
  /** The playback speed the link asked for. */
  readonly startSpeed: number;
  /** The kiosk's languages, one procedure in each in turn. */
  readonly langs: readonly Lang[];
  /** Seconds without input before the kiosk plays by itself again. */
  readonly idle: number;
  /** The quiz's seed; 0 for a new quiz each visit. */
  readonly seed: number;
  /** URL values that were clamped or ignored, until the user dismisses them. */
  readonly notices: readonly Notice[];
}

export interface SessionActions {
  set(patch: Partial<Omit<Session, 'foot' | 'knee' | 'notices'>>): void;
  setFoot(patch: Partial<FootAngles>): void;
  setKnee(patch: Partial<KneeAngles>): void;
  /** Opens a procedure (its region too) with default parameters, or null for the anatomy alone. */
  setProcedure(id: string | null): void;
  setParam(id: string, value: ParamValue): void;
  dismissNotices(): void;
  /** Tells the user something (in the notices), once: a notice already shown is not added again. */
  notify(notice: Notice): void;
}

function pick<K extends string>(values: ParsedValues, keys: Record<K, unknown>, base: Record<K, number>) {
  const out = { ...base };
  for (const k of Object.keys(keys) as K[]) {
    const v = values[k];
    if (typeof v === 'number') out[k] = v;
  }
  return out;
}

/**
 * The knee a knee operation is shown on (the engine's choice: the patient's, or the operation's
 * typical case), with a notice when it is the typical case.
 */
export function kneeForProcedure(
  proc: ProcedureDef | undefined,
  knee: KneeAngles,
): { knee: KneeAngles; notice?: Notice } {
  const shown = kneeShownFor(proc, knee);
  if (!proc || !shown.typical) return { knee: shown.knee };
  return {
    knee: shown.knee,
    notice: { param: 'p', kind: 'typicalCase', given: proc.id, used: shown.typical },
  };
}

/** Builds a session from a URL (never throws) and the browser's language as a fallback. */
export function sessionFromUrl(search: string, hash: string, browserLang = 'en'): Session {
  const { values, notices } = decodeUrl(search, hash);
  const proc = procedureById(values.p as string | undefined);
  const params = { ...(proc ? defaultParams(proc) : {}) };
  const given = proc ? allParams(proc).filter((d) => values[d.id] !== undefined) : [];
  // A chosen option brings what it implies; then the link's own values win.
  for (const d of given) Object.assign(params, impliedBy(proc!, d.id, values[d.id]!));
  for (const d of given) params[d.id] = values[d.id]!;
  const linkKnee = pick(values, ANGLE_RANGES.knee, DEFAULT_ANGLES.knee);
  // A link that gives the patient's knee angles is shown as given, whatever the operation.
  const gaveKnee = Object.keys(ANGLE_RANGES.knee).some((k) => values[k] !== undefined);
  const shown = gaveKnee ? { knee: linkKnee } : kneeForProcedure(proc, linkKnee);
  return {
    procedure: proc?.id ?? null,
    // decodeUrl has put 'none' (with a notice) for a comparison the procedure does not allow.
    compare: values.vs === undefined || values.vs === 'none' ? null : String(values.vs),
    params,
    voice: (values.voice as Voice | undefined) ?? 'patient',
    mode: (values.mode as Mode | undefined) ?? 'consult',
    view: (values.view as ViewKind | undefined) ?? '3d',
    proj: (values.proj as Projection | undefined) ?? 'ap',
    startStep: typeof values.step === 'number' ? Math.round(values.step) : 1,
    startSpeed: typeof values.speed === 'number' ? values.speed : 1,
    langs: String(values.langs ?? 'it,en').split(',') as Lang[],
    idle: typeof values.idle === 'number' ? values.idle : 60,
    seed: typeof values.seed === 'number' ? Math.round(values.seed) : 0,
    region: proc?.region ?? (values.region as Region | undefined) ?? 'foot',
    side: (values.side as Side | undefined) ?? 'right',
    sex: (values.sex as Sex | undefined) ?? 'm',
    lang: (values.lang as Lang | undefined) ?? (browserLang.toLowerCase().startsWith('it') ? 'it' : 'en'),
    skin: values.skin === '1',
    narrate: values.narrate === '1',
    foot: pick(values, ANGLE_RANGES.foot, DEFAULT_ANGLES.foot),
    knee: shown.knee,
    notices: shown.notice ? [...notices, shown.notice] : notices,
  };
}

/**
 * The address of a session: its choices in the query string, only what differs from the defaults
 * (and the language), with the step shown and the playback speed; the patient's own angles (only
 * the region's) in the fragment, which a browser never sends to a server.
 */
export function sessionToUrl(s: Session, step = 1, speed = s.startSpeed): string {
  const values = {
    p: s.procedure ?? 'none',
    vs: s.compare ?? 'none',
    ...s.params,
    step,
    speed,
    voice: s.voice,
    mode: s.mode,
    view: s.view,
    proj: s.proj,
    langs: s.langs.join(','),
    idle: s.idle,
    seed: s.seed,
    region: s.region,
    side: s.side,
    sex: s.sex,
    lang: s.lang,
    skin: s.skin ? '1' : '0',
    narrate: s.narrate ? '1' : '0',
  };
  // The language always: opened without it, a link would show the reader's browser language.
  const query = encodeUrl(values, undefined, ['lang']);
  // A knee operation shown on a knee of the other deformity keeps its angles even at their defaults:
  // opened without them, the link would show the operation's typical case instead.
  const proc = procedureById(s.procedure);
  const keepKnee = treatsOtherKnee(proc, s.knee) ? Object.keys(ANGLE_RANGES.knee) : [];
  const angles =
    s.region === 'foot' ? encodeUrl({ ...s.foot }) : encodeUrl({ ...s.knee }, undefined, keepKnee);
  return `${query}${angles.replace(/^\?/, '#')}`;
}

const initial =
  typeof window === 'undefined'
    ? sessionFromUrl('', '')
    : sessionFromUrl(window.location.search, window.location.hash, navigator.language);

/** The session and its actions, as a slice of the app's store. */
export type SessionState = Session & SessionActions;

/** The session, as a slice of the app's store: read from the page's address at start. */
export const sessionSlice = ({ set, get }: SliceAccess<SessionState>): SessionState => ({
  ...initial,
  set: (patch) => set(patch),
  setFoot: (patch) => set((s) => ({ foot: { ...s.foot, ...patch } })),
  setKnee: (patch) => set((s) => ({ knee: { ...s.knee, ...patch } })),
  dismissNotices: () => set({ notices: [] }),
  notify: (notice) =>
    set((s) =>
      s.notices.some((n) => n.kind === notice.kind && n.param === notice.param && n.given === notice.given)
        ? {}
        : { notices: [...s.notices, notice] },
    ),
  setProcedure: (id) => {
    const proc = procedureById(id);
    if (!proc) return set({ procedure: null, params: {}, compare: null });
    const shown = kneeForProcedure(proc, get().knee);
    // The last operation's word on the case is stale now (and a kiosk switching all day keeps one).
    const notices = get().notices.filter((n) => n.kind !== 'typicalCase');
    set({
      procedure: proc.id,
      region: proc.region,
      params: defaultParams(proc),
      startStep: 1,
      compare: canCompare(proc.id, get().compare) ? get().compare : null,
      knee: shown.knee,
      notices: shown.notice ? [...notices, shown.notice] : notices,
    });
  },
  setParam: (id, value) =>
    set((s) => {
      const proc = procedureById(s.procedure);
      return { params: { ...s.params, ...(proc ? impliedBy(proc, id, value) : {}), [id]: value } };
    }),
});
