import type { Vec3 } from '../anatomy/vec';

/**
 * A cutter is a union of convex solids, each given by its corner points (manifold hulls them).
 * Every cut kind — a saw's kerf, a chevron's V, a scarf's Z, a removed wedge, a burr's sweep — is
 * a few such pieces, so the boolean code never needs to know which osteotomy it is doing.
 */
export type ConvexPiece = readonly Vec3[];
