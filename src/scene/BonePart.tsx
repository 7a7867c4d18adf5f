import { useThree, type ThreeEvent } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { BufferAttribute, BufferGeometry, Sphere, type Mesh } from 'three';
import { applyPose, type PartPose } from '../anatomy/pose';
import { useView } from '../state/store';
import type { RestMesh } from '../anatomy/mesh';
import { isMouse, nameTappedBone } from './bone-naming';
import { boneHoverMaterial, boneMaterial, skinMaterial } from './materials';
import { usePane } from './pane';

interface Props {
  readonly id: string;
  readonly rest: RestMesh;
  readonly pose: PartPose | undefined;
  readonly soft: boolean;
}

const sphere = new Sphere();

/**
 * One bone (or the skin): the rest mesh moved to the patient's pose on the CPU. Where it is and
 * whether it shows (cut, removed, skin off) is set each frame by the procedure driver.
 */
export function BonePart({ id, rest, pose, soft }: Props) {
  const invalidate = useThree((s) => s.invalidate);
  const ref = useRef<Mesh>(null);
  const pane = usePane();
  useEffect(() => pane.register({ object: ref.current!, part: id, soft }), [pane, id, soft]);
  // Only the main view names the bone under the pointer: the label is placed in its coordinates.
  const pointing = !soft && pane.primary;
  const hovered = useView((s) => s.hovered?.part === id);
  // Its own arrays, filled below from the rest mesh and posed (the rest mesh stays as it came).
  const geometry = useMemo(() => {
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(new Float32Array(rest.positions.length), 3));
    g.setAttribute('normal', new BufferAttribute(new Float32Array(rest.normals.length), 3));
    g.setIndex(new BufferAttribute(rest.index, 1));
    return g;
  }, [rest]);
  useEffect(() => () => geometry.dispose(), [geometry]);

  useLayoutEffect(() => {
    const pos = geometry.getAttribute('position') as BufferAttribute;
    const nor = geometry.getAttribute('normal') as BufferAttribute;
    (pos.array as Float32Array).set(rest.positions);
    (nor.array as Float32Array).set(rest.normals);
    if (pose) applyPose(pose, pos.array as Float32Array, nor.array as Float32Array);
    pos.needsUpdate = true;
    nor.needsUpdate = true;
    geometry.computeBoundingSphere();
    geometry.computeBoundingBox();
    invalidate();
  }, [geometry, rest, pose, invalidate]);

  // A mouse names what it hovers (or clicks); a finger has no hover and names what it taps.
  const setHover = (e: ThreeEvent<PointerEvent | MouseEvent>) => {
    if (!isMouse(e.nativeEvent)) return;
    e.stopPropagation();
    useView.setState({ hovered: { part: id, x: e.nativeEvent.offsetX, y: e.nativeEvent.offsetY } });
    invalidate();
  };
  const tapped = (e: ThreeEvent<PointerEvent>) => {
    // The nearest bone under the finger, not every one the ray passes through.
    if (nameTappedBone(id, e.nativeEvent)) e.stopPropagation();
    invalidate();
  };
  const clearHover = () => {
    const hovered = useView.getState().hovered;
    // A lifted finger leaves the view: the name it tapped stays (HoverLabel puts it away).
    if (hovered?.part === id && !hovered.pinned) useView.setState({ hovered: null });
    invalidate();
  };
  const focusOn = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation();
    sphere.copy(geometry.boundingSphere!).applyMatrix4(e.object.matrixWorld);
    useView.setState({ focus: { centre: sphere.center.toArray(), radius: sphere.radius } });
  };
  return (
    <mesh
      ref={ref}
      name={id}
      geometry={geometry}
      material={soft ? skinMaterial : hovered ? boneHoverMaterial : boneMaterial}
      renderOrder={soft ? 1 : 0}
      visible={!soft}
      onPointerMove={pointing ? setHover : undefined}
      onClick={pointing ? setHover : undefined}
      onPointerUp={pointing ? tapped : undefined}
      onPointerOut={pointing ? clearHover : undefined}
      onDoubleClick={pointing ? focusOn : undefined}
    />
  );
}
