import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { collapseTemplates } from './minify-templates.mjs';

describe('collapseTemplates(code)', () => {
  it('collapses whitespace with line breaks in css, html and svg literals only', () => {
    const code = 'const a = css`\n  :host {\n    color: red;\n  }\n`;\nconst s = `keep\n  me`;\n';
    expect(collapseTemplates(code)).toBe(
      'const a = css` :host { color: red; } `;\nconst s = `keep\n  me`;\n',
    );
  });
  it('leaves expressions, nested templates and strings inside them untouched', () => {
    const code = "html`<p>\n  ${x ? html`<b>\n  ${'a\\n  b'}</b>` : `raw\n  text`}\n</p>`";
    expect(collapseTemplates(code)).toBe("html`<p> ${x ? html`<b> ${'a\\n  b'}</b>` : `raw\n  text`} </p>`");
  });
  it('keeps single-line whitespace', () => {
    const code = 'svg`<text x="1">a  b</text>`';
    expect(collapseTemplates(code)).toBe(code);
  });
});
