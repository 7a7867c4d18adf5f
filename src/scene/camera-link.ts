import type { Pane } from './pane';

/** Camera position then target, world space. */
export type CameraPose = readonly [number, number, number, number, number, number];

type Follower = (pose: CameraPose) => void;

/**
 * Views side by side look from the same place: the one the user last moved (or the main one, when
 * it aims at a new step) leads, and every other view follows it.
 */
class CameraLink {
  private leader: Pane | null = null;
  private last: CameraPose | null = null;
  private readonly followers = new Map<Pane, Follower>();

  lead(pane: Pane): void {
    this.leader = pane;
  }

  /**
   * A view's camera moved: the others follow when it leads (the main one leads by default). The
   * pose may be the leader's own array, rewritten at its next move: the link keeps its latest.
   */
  moved(pane: Pane, pose: CameraPose): void {
    if ((this.leader ?? null) !== pane && !(this.leader === null && pane.primary)) return;
    this.last = pose;
    // A single view (the usual case) has nobody to tell.
    if (this.followers.size < 2) return;
    for (const [other, follow] of this.followers) if (other !== pane) follow(pose);
  }

  /** Follows the leader from now on, starting where it looks now; returns the unsubscribe. */
  follow(pane: Pane, follow: Follower): () => void {
    this.followers.set(pane, follow);
    if (this.last) follow(this.last);
    return () => {
      this.followers.delete(pane);
      if (this.leader === pane) this.leader = null;
    };
  }
}

export const cameraLink = new CameraLink();
