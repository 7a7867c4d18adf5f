/** A part's rest mesh in the region frame (mm), as plain float arrays ready to pose. */
export interface RestMesh {
  readonly positions: Float32Array;
  readonly normals: Float32Array;
  readonly index: Uint32Array;
}

/** A region's loaded parts by id. */
export type RegionModel = ReadonlyMap<string, RestMesh>;
