import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { PROCEDURES } from '../../src/procedures/registry';
import { RecoveryTimeline } from '../../src/ui/RecoveryTimeline';

// Words come out as ⟦key⟧ and numbers as ⟨n⟩: whatever the timeline shows that is neither was
// written into the component instead of going through the strings and the number formatting.
vi.mock('../../src/i18n', () => ({
  useTranslation: () => ({
    t: (key: string, values?: object) => `⟦${key}${values ? JSON.stringify(values) : ''}⟧`,
    i18n: { language: 'it' },
  }),
  formatNumber: (lang: string, value: number, digits: number) => `⟨${lang}:${value.toFixed(digits)}⟩`,
}));

/** The text the page shows and the labels a screen reader reads, each piece on its own. */
function shown(html: string): string[] {
  const labels = [...html.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]!);
  const texts = html.replace(/<[^>]*>/g, '\n').split('\n');
  return [...labels, ...texts].map((s) => s.replace(/&quot;/g, '"').trim()).filter(Boolean);
}

describe('the recovery timeline', () => {
  const timed = PROCEDURES.filter((p) => p.recovery?.length);

  it.each(timed.map((p) => [p.id, p.recovery!] as const))(
    '%s: every word is a string and every number formatted',
    (_id, milestones) => {
      const pieces = shown(renderToStaticMarkup(createElement(RecoveryTimeline, { milestones })));
      const leftover = pieces.map((s) => s.replace(/⟦[^⟧]*⟧|⟨[^⟩]*⟩/g, '').trim()).filter(Boolean);
      expect(leftover).toEqual([]);
      // The markers' numbers (on the axis and in the list) in the language's digits.
      expect(pieces.filter((s) => s === '⟨it:1⟩')).toHaveLength(2);
    },
  );

  it('covers the procedures that have a timeline', () => {
    expect(timed.length).toBeGreaterThan(5);
  });
});
