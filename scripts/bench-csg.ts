/**
 * The same cuts done with three-bvh-csg, for comparison with the worker's manifold-3d: time per
 * procedure (median, p95 of fresh cuts, BVHs built each time as a first cut builds its manifold)
 * and whether the result is closed (open edges after welding coincident vertices).
 *
 * three-bvh-csg does not split a result into pieces, so a chain's later cut works on the whole
 * result of the earlier one (the manifold chain cuts only the named fragment): a little more work.
 */
import { BufferAttribute, BufferGeometry, Vector3 } from 'three';
import { ConvexGeometry } from 'three/examples/jsm/geometries/ConvexGeometry.js';
import { mergeVertices } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { ADDITION, Brush, Evaluator, INTERSECTION, SUBTRACTION } from 'three-bvh-csg';
import { cutChains, cutJobs } from '../src/engine/fragments';
import type { MeshData } from '../src/geometry/cut';
import type { ConvexPiece } from '../src/geometry/cutters';
import { PROCEDURES } from '../src/procedures/registry';
import { figure, type Measure } from './bench';
import { defaultCase, quantile } from './bench-cuts';

const RUNS = 5;

function brushOf(geometry: BufferGeometry): Brush {
  const brush = new Brush(geometry);
  brush.updateMatrixWorld();
  return brush;
}

function boneBrush(mesh: MeshData): Brush {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(mesh.positions.slice(), 3));
  g.setIndex(new BufferAttribute(mesh.indices.slice(), 1));
  return brushOf(g);
}

/** The cutter: the union of its convex pieces. */
function cutterBrush(evaluator: Evaluator, pieces: readonly ConvexPiece[]): Brush {
  const hulls = pieces.map((piece) => {
    const g = new ConvexGeometry(piece.map((p) => new Vector3(p[0], p[1], p[2])));
    g.deleteAttribute('normal');
    return brushOf(g);
  });
  return hulls.slice(1).reduce((sum, hull) => evaluator.evaluate(sum, hull, ADDITION), hulls[0]!);
}

/** Edges not shared by exactly two triangles once coincident vertices are welded. */
export function openEdges(geometry: BufferGeometry): number {
  const welded = mergeVertices(geometry.index ? geometry.toNonIndexed() : geometry, 1e-4);
  const index = welded.index!.array;
  const uses = new Map<string, number>();
  for (let t = 0; t < index.length; t += 3)
    for (let k = 0; k < 3; k++) {
      const a = index[t + k]!;
      const b = index[t + ((k + 1) % 3)]!;
      const key = a < b ? `${a}/${b}` : `${b}/${a}`;
      uses.set(key, (uses.get(key) ?? 0) + 1);
    }
  let open = 0;
  for (const n of uses.values()) if (n !== 2) open += 1;
  return open;
}

export const csgMeasures: Measure[] = PROCEDURES.map((proc) => ({
  id: `csg-${proc.id}`,
  async run(ctx) {
    const { ctx: plan, posed } = await defaultCase(proc);
    const evaluator = new Evaluator();
    evaluator.attributes = ['position'];
    evaluator.useGroups = false;
    const times: number[] = [];
    let open = 0;
    for (let run = 0; run < RUNS; run++) {
      let elapsed = 0;
      for (const [part, chain] of cutChains(proc)) {
        const t0 = performance.now();
        const current = new Map<string, Brush>([[part, boneBrush(posed.get(part)!)]]);
        for (const job of cutJobs(chain, plan)) {
          const source = current.get(job.bone)!;
          const result = evaluator.evaluate(
            source,
            cutterBrush(evaluator, job.cutter),
            job.keepsInside ? INTERSECTION : SUBTRACTION,
          );
          result.updateMatrixWorld();
          for (const f of job.fragments) current.set(f.id, result);
          current.set(job.id, result);
        }
        elapsed += performance.now() - t0;
        // Counted once, outside the timing.
        if (run === 0) for (const b of new Set(current.values())) open += openEdges(b.geometry);
      }
      times.push(elapsed);
    }
    times.sort((a, b) => a - b);
    const median = Math.round(quantile(times, 0.5));
    const manifold = ctx.figures.find((f) => f.name === `${proc.id}: first cut median`)?.value ?? null;
    return [
      figure(`${proc.id}: three-bvh-csg cut median`, median, 'ms'),
      figure(`${proc.id}: three-bvh-csg cut p95`, Math.round(quantile(times, 0.95)), 'ms'),
      figure(
        `${proc.id}: three-bvh-csg / manifold first cut`,
        manifold ? Math.round((median / manifold) * 10) / 10 : null,
        '×',
      ),
      figure(`${proc.id}: three-bvh-csg open edges`, open, 'edges'),
    ];
  },
}));
