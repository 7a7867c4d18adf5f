import { describe, expect, it } from 'vitest';
import { firstThatMayFit, type Arrangement } from '../../src/ui/use-fit-level';

// A bar like the top bar: the settings fold, then the side, then the picker into a menu with the
// side back out (so an arrangement may be wider than the one before it), then everything.
const ARRANGEMENTS: readonly Arrangement[] = [
  { folded: [], menus: 0 },
  { folded: ['settings'], menus: 1 },
  { folded: ['settings', 'side'], menus: 1 },
  { folded: ['settings', 'picker'], menus: 2 },
  { folded: ['settings', 'picker', 'side'], menus: 2 },
];
const WIDTHS = new Map([
  ['settings', 400],
  ['side', 150],
  ['picker', 500],
]);
const FULL = 1500;

describe("the top bar's fit skips the arrangements that cannot fit", () => {
  it('takes the next arrangement when it may fit', () => {
    // 1500 − 400 + 44 = 1144.
    expect(firstThatMayFit(ARRANGEMENTS, FULL, 1144, WIDTHS)).toBe(1);
  });

  it('skips one too wide even with its menus at their narrowest', () => {
    expect(firstThatMayFit(ARRANGEMENTS, FULL, 1143, WIDTHS)).toBe(2);
  });

  it('takes the first that may fit, though a later one is narrower', () => {
    // 2: 1500 − 550 + 44 = 994; 3: 1500 − 900 + 88 = 688; 4: 538.
    expect(firstThatMayFit(ARRANGEMENTS, FULL, 700, WIDTHS)).toBe(3);
    expect(firstThatMayFit(ARRANGEMENTS, FULL, 994, WIDTHS)).toBe(2);
  });

  it('ends at the most folded when none may fit', () => {
    expect(firstThatMayFit(ARRANGEMENTS, FULL, 300, WIDTHS)).toBe(4);
  });

  it('counts a group it has not measured as taking no room', () => {
    expect(firstThatMayFit(ARRANGEMENTS, FULL, 1143, new Map())).toBe(4);
  });
});
