import { useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BufferAttribute, BufferGeometry, type Mesh } from 'three';
import type { RenderFragment } from '../../geometry/fragment-geometry';
import { boneMaterial, boneSeeThroughMaterial, cutFaceMaterial } from '../materials';
import { usePane } from '../pane';

const MATERIALS = [boneMaterial, cutFaceMaterial];
/** The inner (cut) faces stay opaque: a cavity reads as a solid shape inside the translucent bone. */
const SEE_THROUGH = [boneSeeThroughMaterial, cutFaceMaterial];

interface Props {
  readonly part: string;
  readonly stage: number;
  readonly id: string;
  readonly fragment: RenderFragment;
  /** Drawn translucent so what lies inside shows. */
  readonly seeThrough?: boolean;
}

/** A piece of a cut bone: bone surface plus its sawn faces in the cancellous colour. */
export function FragmentMesh({ part, stage, id, fragment, seeThrough = false }: Props) {
  const ref = useRef<Mesh>(null);
  const geometry = useMemo(() => {
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(fragment.positions, 3));
    g.setAttribute('normal', new BufferAttribute(fragment.normals, 3));
    g.setIndex(new BufferAttribute(fragment.indices, 1));
    const boneIndices = fragment.boneTriangles * 3;
    g.addGroup(0, boneIndices, 0);
    g.addGroup(boneIndices, fragment.indices.length - boneIndices, 1);
    g.computeBoundingSphere();
    return g;
  }, [fragment]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  const invalidate = useThree((s) => s.invalidate);
  const pane = usePane();
  useEffect(() => {
    const unregister = pane.register({ object: ref.current!, part, stage, fragment: id });
    invalidate();
    return unregister;
  }, [pane, part, stage, id, invalidate]);
  return (
    <mesh
      ref={ref}
      name={`${part}:${id}`}
      geometry={geometry}
      material={seeThrough ? SEE_THROUGH : MATERIALS}
      visible={false}
    />
  );
}
