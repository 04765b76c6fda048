// Vite plugin: collapses the whitespace of Lit's css`…`, html`…` and svg`…` template literals in our sources.
// A run of whitespace containing a line break renders like a single space in HTML, SVG and CSS (our templates have
// no <pre>), so the output is unchanged; only bytes go. Templates are found with the TypeScript parser, and only
// their literal text is touched, never the `${…}` expressions.
import ts from 'typescript';

const TAGS = new Set(['css', 'html', 'svg']);

/**
 * Rewrites the literal text of the tagged templates whose tag is in `tags`: `edit(text, index, count)` gets each
 * piece of literal text (between the opening delimiter, ` or }, and the closing one, ` or ${) and returns its
 * replacement. The `${…}` expressions are never touched. Shared by the plugins in this folder.
 */
export function editTemplateLiterals(code, fileName, tags, edit) {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && tags.has(node.tag.text)) {
      const t = node.template;
      const spans = ts.isNoSubstitutionTemplateLiteral(t)
        ? [t]
        : [t.head, ...t.templateSpans.map((s) => s.literal)];
      spans.forEach((lit, i) => {
        const start = lit.getStart(source) + 1;
        const end = lit.getEnd() - (ts.isTemplateHead(lit) || ts.isTemplateMiddle(lit) ? 2 : 1);
        const text = code.slice(start, end);
        const next = edit(text, i, spans.length);
        if (next !== text) edits.push([start, end, next]);
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!edits.length) return code;
  let out = '';
  let last = 0;
  for (const [a, b, text] of edits.sort((x, y) => x[0] - y[0])) {
    out += code.slice(last, a) + text;
    last = b;
  }
  return out + code.slice(last);
}

export function collapseTemplates(code, fileName = 'x.ts') {
  return editTemplateLiterals(code, fileName, TAGS, (text) => text.replace(/\s*\n\s*/g, ' '));
}

export function minifyTemplates() {
  return {
    name: 'parsec-minify-templates',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || /\.test\.ts$/.test(id) || !/\b(css|html|svg)`/.test(code))
        return null;
      const out = collapseTemplates(code, id);
      return out === code ? null : { code: out, map: null };
    },
  };
}
