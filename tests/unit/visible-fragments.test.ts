import { describe, expect, it } from 'vitest';
import { chevron } from '../../src/procedures/defs/chevron';
import { cutChains, visibleFragments } from '../../src/engine/fragments';

describe('fragments on show as the cuts are made', () => {
  const chain = cutChains(chevron).get('metatarsal1')!;
  const stages = [['capital', 'shaft'], ['shaft']];

  it('groups the chevron cuts on the first metatarsal', () => {
    expect(chain.map((c) => c.id)).toEqual(['v', 'trim']);
  });

  it('shows the bone whole, then the V pieces, then the trimmed shaft with the same capital', () => {
    expect([...visibleFragments(chain, stages, 0)]).toEqual([]);
    expect([...visibleFragments(chain, stages, 1)].sort()).toEqual(['0#capital', '0#shaft']);
    expect([...visibleFragments(chain, stages, 2)].sort()).toEqual(['0#capital', '1#shaft']);
  });
});
