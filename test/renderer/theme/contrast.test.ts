// @vitest-environment node
// Reads the stylesheet as text, so it needs no DOM.
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../../renderer/styles.css', import.meta.url), 'utf8');

/** Foreground/background variable pairs the stylesheet actually puts together. */
const PAIRS: readonly [string, string][] = [
  ['text', 'bg'],
  ['text', 'surface'],
  ['muted', 'bg'],
  ['muted', 'surface'],
  ['accent', 'bg'],
  ['accent-text', 'accent'],
  ['danger', 'bg'],
  ['danger-text', 'danger'],
  ['success-text', 'bg'],
  ['success-text', 'success-bg'],
  ['info-text', 'info-bg'],
  ['warning-text', 'warning-bg'],
  ['error-text', 'error-bg'],
  ['sandbox-text', 'sandbox-bg'],
  ['text', 'option-active'],
  ['muted', 'option-active'],
];

function variables(block: string): Map<string, string> {
  return new Map(
    [...block.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
  );
}

function themes(): { light: Map<string, string>; dark: Map<string, string> } {
  const darkStart = css.indexOf('@media (prefers-color-scheme: dark)');
  const lightBlock = css.slice(css.indexOf(':root'), darkStart);
  const darkBlock = css.slice(darkStart, css.indexOf('}\n}', darkStart));
  return { light: variables(lightBlock), dark: variables(darkBlock) };
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) =>
    c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

describe('Theme colours', () => {
  it('computes WCAG contrast the standard way', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`gives every text pair at least 4.5:1 in the ${theme} theme`, () => {
      const palette = themes()[theme];
      const weak = PAIRS.flatMap(([fg, bg]) => {
        const f = palette.get(fg);
        const b = palette.get(bg);
        if (!f || !b) return [`${fg} on ${bg}: missing`];
        const ratio = contrast(f, b);
        return ratio >= 4.5 ? [] : [`${fg} on ${bg}: ${ratio.toFixed(2)}`];
      });
      expect(weak).toEqual([]);
    });
  }
});
