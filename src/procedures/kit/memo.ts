/** A key part: an object found again by its identity (held weakly), a string or number by value. */
export type MemoKey = object | string | number;

interface Node<T> {
  readonly objects: WeakMap<object, Node<T>>;
  readonly values: Map<string | number, Node<T>>;
  made?: { readonly value: T };
}

const node = <T>(): Node<T> => ({ objects: new WeakMap(), values: new Map() });

/**
 * The procedures' one cache: a value made once per combination of keys, found again by them. A
 * variant is one stable definition per set of choices, a sitting one per pair of definitions, and
 * what a procedure works out from a posed patient one per pose, gauge and parameters: identity
 * matters (the engine caches by it), and results keyed by an old pose go with it.
 */
export function keyedMemo<T>(): (keys: readonly MemoKey[], make: () => T) => T {
  const root = node<T>();
  return (keys, make) => {
    let at = root;
    for (const k of keys) {
      const level: WeakMap<object, Node<T>> | Map<string | number, Node<T>> =
        typeof k === 'object' ? at.objects : at.values;
      let next = (level as Map<MemoKey, Node<T>>).get(k);
      if (!next) (level as Map<MemoKey, Node<T>>).set(k, (next = node()));
      at = next;
    }
    at.made ??= { value: make() };
    return at.made.value;
  };
}
