// Vite plugin: minifies the text of Lit's css`…` template literals in our sources (after minify-templates.mjs has
// collapsed their line breaks, or on its own): comments go, and the spaces CSS does not need (around braces,
// semicolons, commas and child combinators, after colons, the last semicolon of a block). Quoted strings and the
// `${…}` expressions are never touched; a space next to an expression is kept (it may be a descendant combinator).
// The rules and values are unchanged: only bytes go (about a fifth of the styles' text).
import { editTemplateLiterals } from './minify-templates.mjs';

const CSS = new Set(['css']);

/** Minifies one piece of CSS text (no expressions inside); `first`/`last`: it starts/ends the template. */
export function minifyCssText(text, first = true, last = true) {
  const out = text
    // quoted strings are kept as they are; the rest is minified
    .split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/)
    .map((part, i) => {
      if (i % 2) return part;
      return (
        part
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          // a space before a colon may be a descendant combinator (`.a :focus`): only the one after goes
          .replace(/ ?([{};,>]) ?/g, '$1')
          .replace(/: /g, ':')
          .replace(/;}/g, '}')
      );
    })
    .join('');
  let s = out;
  if (first) s = s.replace(/^ /, '');
  if (last) s = s.replace(/[ ;]+$/, '');
  return s;
}

export function minifyCss(code, fileName = 'x.ts') {
  return editTemplateLiterals(code, fileName, CSS, (text, i, count) => {
    // a comment across an expression, or a backslash escape of the template: left as it is
    if (/\/\*(?![\s\S]*\*\/)|\\/.test(text)) return text;
    let min = minifyCssText(text, i === 0, i === count - 1);
    // next to an expression, a space that stood there is kept (`.a ${b}`: a descendant combinator)
    if (i > 0 && /^\s/.test(text) && !/^[\s{};,>:]/.test(min)) min = ` ${min}`;
    if (i < count - 1 && /\s$/.test(text) && !/[\s{};,>:]$/.test(min)) min = `${min} `;
    return min;
  });
}

export function minifyCssTemplates() {
  return {
    name: 'parsec-minify-css',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || /\.test\.ts$/.test(id) || !/\bcss`/.test(code)) return null;
      const out = minifyCss(code, id);
      return out === code ? null : { code: out, map: null };
    },
  };
}
