import * as Comlink from 'comlink';
import type { CutJob } from '../geometry/cut-chain';
import { CUT_ERROR } from '../geometry/cut-errors';
import type { CutWorkerApi, RenderStage } from '../geometry/cut-worker';
import { useCutStatus } from '../state/store';

/** A few recent results per session are plenty: a slider drag revisits nearby values. */
const CACHE_SIZE = 24;
/** How many workers one cut may use before it is given up (the first and two replacements). */
const MAX_ATTEMPTS = 3;
/**
 * A cut not answered in this long is taken for a hung worker, ms. Far above any real cut (tens of
 * ms, plus the kernel's first load); a dead worker is noticed at once through its lock.
 */
const WATCHDOG_MS = 60_000;

/** A cut handed to the worker, kept whole so it can be sent again to a new one. */
interface Pending {
  /** Its cache key: a dropped cut leaves the cache at once, so the next request makes it afresh. */
  readonly key: string;
  readonly part: string;
  /** The posed bone, kept for a redo until the cut settles (then let go: the cache keeps only stages). */
  positions: Float32Array;
  indices: Uint32Array;
  readonly jobs: CutJob[];
  attempts: number;
  /** How many views still wait for it; a cut nobody waits for is dropped before it is sent. */
  wanted: number;
  /** Counted in the "recomputing" notice until it settles. */
  redoing: boolean;
  timer?: ReturnType<typeof setTimeout>;
  resolve(stages: RenderStage[]): void;
  reject(error: unknown): void;
}

/** One live worker, or none; `generation` tells apart answers from a worker since replaced. */
let worker: Worker | undefined;
let remote: Comlink.Remote<CutWorkerApi> | undefined;
let generation = 0;
const pending = new Set<Pending>();
/**
 * Cuts waiting their turn: one goes to the worker at a time, so a cut no longer wanted (a slider
 * moved on, a procedure closed, a link replaced) is dropped instead of delaying the ones that are.
 */
const queue: Pending[] = [];
const cache = new Map<string, { readonly stages: Promise<RenderStage[]>; readonly job: Pending }>();

/** Raised for a cut dropped before it was sent: nobody waits for it, so nothing is reported. */
class Dropped extends Error {}

/** Sends the next cut in the queue when the worker is free. */
function pump(): void {
  if (pending.size > 0) return;
  const next = queue.shift();
  if (next) send(next);
}

/** One view no longer waits for the cut; dropped if it was the last and the cut is still queued. */
function unwant(job: Pending): void {
  job.wanted -= 1;
  const at = queue.indexOf(job);
  if (job.wanted > 0 || at < 0) return;
  queue.splice(at, 1);
  if (cache.get(job.key)?.job === job) cache.delete(job.key);
  job.reject(new Dropped());
}

function setRecomputing(delta: number): void {
  useCutStatus.setState((s) => ({ recomputing: Math.max(0, s.recomputing + delta) }));
}

const NO_POSITIONS = new Float32Array(0);
const NO_INDICES = new Uint32Array(0);

function settle(job: Pending): void {
  pending.delete(job);
  clearTimeout(job.timer);
  job.positions = NO_POSITIONS;
  job.indices = NO_INDICES;
  if (job.redoing) {
    job.redoing = false;
    setRecomputing(-1);
  }
  pump();
}

/**
 * The worker died, hung or lost its kernel: it is replaced and every cut it owed is sent to the new
 * one (a cut that has used up its attempts fails instead).
 */
function replaceWorker(reason: string, from: number): void {
  if (from !== generation) return;
  console.warn(`Geometry worker replaced (${reason}); redoing ${pending.size} cut(s)`);
  generation += 1;
  worker?.terminate();
  worker = undefined;
  remote = undefined;
  const owed = [...pending];
  pending.clear();
  for (const job of owed) {
    clearTimeout(job.timer);
    if (job.wanted <= 0) {
      // Nobody waits for it any more: not worth a new worker's time.
      if (job.redoing) setRecomputing(-1);
      if (cache.get(job.key)?.job === job) cache.delete(job.key);
      job.reject(new Dropped());
      continue;
    }
    if (job.attempts >= MAX_ATTEMPTS) {
      if (job.redoing) setRecomputing(-1);
      job.reject(new Error(`The geometry worker stopped ${job.attempts} times (${reason})`));
      continue;
    }
    if (!job.redoing) {
      job.redoing = true;
      setRecomputing(1);
    }
    send(job);
  }
  // Every cut it owed may have been given up: the queue goes on.
  pump();
}

function api(): Comlink.Remote<CutWorkerApi> {
  if (!remote) {
    const gen = generation;
    worker = new Worker(new URL('../geometry/cut-worker.ts', import.meta.url), { type: 'module' });
    // The worker's script failed to load or threw outside a cut: it cannot be trusted with one.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      replaceWorker('error', gen);
    });
    remote = Comlink.wrap<CutWorkerApi>(worker);
    // Web Locks exist in secure contexts (https, localhost); elsewhere the watchdog alone notices.
    if (typeof navigator !== 'undefined' && 'locks' in navigator) {
      const name = `cut-worker-${gen}-${Math.random().toString(36).slice(2)}`;
      remote
        .hold(name)
        .then(() => navigator.locks.request(name, () => replaceWorker('it stopped', gen)))
        .catch(() => undefined);
    }
  }
  return remote;
}

function send(job: Pending): void {
  const gen = generation;
  const cut = api().cut;
  job.attempts += 1;
  pending.add(job);
  job.timer = setTimeout(() => replaceWorker('no answer', gen), WATCHDOG_MS);
  // Copies are handed over, not cloned: the job keeps its arrays for a redo.
  const p = job.positions.slice();
  const i = job.indices.slice();
  cut(job.part, Comlink.transfer(p, [p.buffer]), Comlink.transfer(i, [i.buffer]), job.jobs).then(
    (stages) => {
      if (gen !== generation || !pending.has(job)) return;
      settle(job);
      job.resolve(stages);
    },
    (error: unknown) => {
      if (gen !== generation || !pending.has(job)) return;
      if (error instanceof Error && error.name === CUT_ERROR.engine) {
        replaceWorker(error.message, gen);
        return;
      }
      settle(job);
      job.reject(error);
    },
  );
}

/** Queues one cut chain for the worker, redone in a new worker if that one dies before answering. */
function runInWorker(
  key: string,
  part: string,
  positions: Float32Array,
  indices: Uint32Array,
  jobs: CutJob[],
): { stages: Promise<RenderStage[]>; job: Pending } {
  let job!: Pending;
  const stages = new Promise<RenderStage[]>((resolve, reject) => {
    job = { key, part, positions, indices, jobs, attempts: 0, wanted: 0, redoing: false, resolve, reject };
  });
  queue.push(job);
  pump();
  return { stages, job };
}

/** A stable key for a cut chain on a posed bone, rounded so float noise does not miss the cache. */
export function cutKey(part: string, poseKey: string, jobs: readonly CutJob[]): string {
  return `${part}|${poseKey}|${JSON.stringify(jobs, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v))}`;
}

/**
 * Cuts a bone in the worker, once per key. A cut that cannot be made is reported (a console warning
 * and a notice over the stage) and resolves to no stages, so the bone is shown whole and the app
 * carries on; it is not cached, so the next change tries again.
 */
export function cutInWorker(
  key: string,
  part: string,
  positions: Float32Array,
  indices: Uint32Array,
  jobs: CutJob[],
  signal?: AbortSignal,
): Promise<RenderStage[]> {
  let hit = cache.get(key);
  if (!hit) {
    const { stages, job } = runInWorker(key, part, positions.slice(), indices.slice(), jobs);
    const made = stages.then(
      (result) => {
        useCutStatus.setState((s) =>
          s.failed.includes(part) ? { failed: s.failed.filter((f) => f !== part) } : s,
        );
        return result;
      },
      (error: unknown) => {
        if (cache.get(key)?.stages === made) cache.delete(key);
        if (error instanceof Dropped) return [];
        console.warn(`Cutting ${part} failed: the bone is shown whole`, error);
        useCutStatus.setState((s) => (s.failed.includes(part) ? s : { failed: [...s.failed, part] }));
        return [];
      },
    );
    hit = { stages: made, job };
    cache.set(key, hit);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  const { job } = hit;
  job.wanted += 1;
  if (signal?.aborted) unwant(job);
  else signal?.addEventListener('abort', () => unwant(job), { once: true });
  return hit.stages;
}
