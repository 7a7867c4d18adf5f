/**
 * Tells a tap from a drag or a pinch: a finger (or pen) that goes down and lifts where it went
 * down, soon, with no other finger down meanwhile. A mouse names a bone by hovering; a finger has no
 * hover, so a tap does it instead.
 */

/** How far a finger may wander between down and up and still tap, in CSS pixels (default 10). */
export const TAP_SLOP_PX = 10;

/** How long a tap may last, in ms (default 500): longer is a press, as the browser's long-press. */
export const TAP_MAX_MS = 500;

/** How long a tapped bone's name stays on screen, in ms (default 4000), unless tapped away. */
export const TAP_LABEL_MS = 4000;

interface Down {
  readonly x: number;
  readonly y: number;
  readonly time: number;
  /** Another pointer went down while this one was down: a pinch or a pan, not a tap. */
  multi: boolean;
  /** A bone took this tap (see {@link TapTracker.claim}). */
  claimed: boolean;
}

/** The pointers down on one view, each with where and when it went down. */
export class TapTracker {
  private readonly downs = new Map<number, Down>();

  /** A pointer went down at (x, y) client pixels, at `time` ms. */
  down(id: number, x: number, y: number, time: number): void {
    const multi = this.downs.size > 0;
    for (const d of this.downs.values()) d.multi = true;
    this.downs.set(id, { x, y, time, multi, claimed: false });
  }

  /** Whether the pointer lifting at (x, y), at `time` ms, ends a tap; the pointer stays tracked. */
  isTap(id: number, x: number, y: number, time: number): boolean {
    const d = this.downs.get(id);
    if (!d || d.multi) return false;
    return Math.hypot(x - d.x, y - d.y) <= TAP_SLOP_PX && time - d.time <= TAP_MAX_MS;
  }

  /** Something under the pointer answered its tap (a bone named itself). */
  claim(id: number): void {
    const d = this.downs.get(id);
    if (d) d.claimed = true;
  }

  /**
   * The pointer is gone (lifted or cancelled): whether it ended a tap nothing claimed, i.e. a tap
   * on empty space (which puts away a tapped bone's name).
   */
  end(id: number, x: number, y: number, time: number): 'missed' | 'claimed' | 'none' {
    const tap = this.isTap(id, x, y, time);
    const claimed = this.downs.get(id)?.claimed ?? false;
    this.downs.delete(id);
    return !tap ? 'none' : claimed ? 'claimed' : 'missed';
  }

  /** A pointer cancelled by the browser (a gesture it took over) ends no tap. */
  cancel(id: number): void {
    this.downs.delete(id);
  }
}
