import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { minifyCss, minifyCssText } from './minify-css.mjs';

describe('minifyCssText(text)', () => {
  it('drops comments and the spaces CSS does not need', () => {
    expect(
      minifyCssText(
        ' /* a note */ .a > .b, .c { color: var(--x, red); margin: 0 auto; } @media print { .d { e: f } } ',
      ),
    ).toBe('.a>.b,.c{color:var(--x,red);margin:0 auto}@media print{.d{e:f}}');
  });
  it('keeps a space before a colon (a descendant combinator), calc operators and quoted strings', () => {
    expect(minifyCssText('.base :has(x) { width: calc(1px + 2%); content: "a ;  { b"; }')).toBe(
      '.base :has(x){width:calc(1px + 2%);content:"a ;  { b"}',
    );
  });
});

describe('minifyCss(code)', () => {
  it('minifies css literals only, and keeps a space that stands next to an expression', () => {
    const code =
      'const a = css` .a ${b} .c { color: red; } `;\nconst s = `keep { a: b; }`;\nconst h = html` <p> x </p> `;';
    expect(minifyCss(code)).toBe(
      'const a = css`.a ${b} .c{color:red}`;\nconst s = `keep { a: b; }`;\nconst h = html` <p> x </p> `;',
    );
  });
  it('leaves a literal with a backslash escape as it is', () => {
    const code = "const a = css`.a::before { content: '\\2014'; }`;";
    expect(minifyCss(code)).toBe(code);
  });
});
