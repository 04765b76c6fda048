import { describe, expect, it } from 'vitest';
import { CATEGORY_COUNT, tokens } from './tokens';

const lum = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const f = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
};
const contrast = (a: string, b: string) => {
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};

/** The default of each `--_name: var(--parsec-…, #hex)` in one block of the token sheet. */
function block(css: string, selector: string): Map<string, string> {
  const start = css.indexOf(selector);
  const body = css.slice(start, css.indexOf('}', start));
  return new Map(
    [...body.matchAll(/--_([\w-]+): var\(--parsec-[\w-]+, (#[0-9a-f]{6})\)/g)].map((m) => [m[1]!, m[2]!]),
  );
}

describe('theme tokens', () => {
  const css = tokens.cssText;
  const themes = { light: block(css, ':host {'), dark: block(css, ":host([theme='dark'])") };

  for (const [name, t] of Object.entries(themes)) {
    it(`${name}: every categorical colour is a mark ≥ 3:1 on the background and carries white text ≥ 4.5:1`, () => {
      const bg = t.get('bg')!;
      for (let i = 1; i <= CATEGORY_COUNT; i++) {
        // one palette for both themes: the dark blocks inherit it (palette.test.ts checks it in full)
        const c = t.get(`cat-${i}`) ?? themes.light.get(`cat-${i}`)!;
        expect(c, `cat-${i}`).toMatch(/^#/);
        expect(contrast(c, bg), `cat-${i} ${c} on ${bg}`).toBeGreaterThanOrEqual(3);
        expect(contrast(c, '#ffffff'), `white on cat-${i} ${c}`).toBeGreaterThanOrEqual(4.5);
      }
    });

    it(`${name}: text and muted text ≥ 4.5:1, borders and the unknown state ≥ 3:1`, () => {
      const bg = t.get('bg')!;
      expect(contrast(t.get('fg')!, bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(t.get('muted')!, bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(t.get('border')!, bg)).toBeGreaterThanOrEqual(3);
      expect(contrast(t.get('unknown')!, bg)).toBeGreaterThanOrEqual(3);
    });
  }

  it('the dark values are the same with theme="dark" and on a dark background', () => {
    const media = block(css, ":host(:not([theme])[data-scheme='dark'])");
    expect([...media]).toEqual([...themes.dark]);
  });
});
