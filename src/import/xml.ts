/**
 * A small, safe XML reader for data files (IATI activities): elements, attributes, text, CDATA; comments and
 * processing instructions skipped. No DTD is read and no entity but the five predefined ones and character
 * references is expanded (no "billion laughs", no external entities), nesting is capped, and every error gives its
 * line. Namespace prefixes are kept in names (`xml:lang`); no DOM needed, in Node or in a browser.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** 1-based line of the start tag. */
  line: number;
}
export type XmlNode = XmlElement | string;

export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'XmlError';
  }
}

/** Elements nest at most this deep. */
export const MAX_XML_DEPTH = 256;

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.\u00b7\u00c0-\uffff]*/y;
const SPACE = /\s*/y;
const predefined: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Replaces the predefined entities and character references; any other entity is an error. */
function decode(s: string, line: number): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&\s]{0,32});/g, (_, e: string) => {
    if (e in predefined) return predefined[e]!;
    const m = /^#(x[0-9A-Fa-f]+|[0-9]+)$/.exec(e);
    if (m) {
      const code = m[1]![0] === 'x' ? parseInt(m[1]!.slice(1), 16) : parseInt(m[1]!, 10);
      if (code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff))
        return String.fromCodePoint(code);
    }
    throw new XmlError(
      `unknown entity "&${e};" (only &lt; &gt; &amp; &quot; &apos; and &#…; are read)`,
      line,
    );
  });
}

/** Parses an XML document and returns its root element. Throws {@link XmlError} with a line number. */
export function parseXml(text: string): XmlElement {
  const src = text.replace(/^\uFEFF/, '');
  let pos = 0;
  let line = 1;
  const advance = (to: number) => {
    for (let i = pos; i < to; i++) if (src.charCodeAt(i) === 10) line++;
    pos = to;
  };
  const expectEnd = (marker: string, what: string) => {
    const end = src.indexOf(marker, pos);
    if (end < 0) throw new XmlError(`${what} is not closed`, line);
    return end;
  };
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (pos < src.length) {
    const lt = src.indexOf('<', pos);
    const textEnd = lt < 0 ? src.length : lt;
    if (textEnd > pos) {
      const raw = src.slice(pos, textEnd);
      if (stack.length) stack[stack.length - 1]!.children.push(decode(raw, line));
      else if (raw.trim()) throw new XmlError('text outside the root element', line);
      advance(textEnd);
    }
    if (lt < 0) break;
    if (src.startsWith('<!--', pos)) advance(expectEnd('-->', 'a comment') + 3);
    else if (src.startsWith('<![CDATA[', pos)) {
      const end = expectEnd(']]>', 'a CDATA section');
      if (!stack.length) throw new XmlError('CDATA outside the root element', line);
      stack[stack.length - 1]!.children.push(src.slice(pos + 9, end));
      advance(end + 3);
    } else if (src.startsWith('<?', pos)) advance(expectEnd('?>', 'a processing instruction') + 2);
    else if (src.startsWith('<!DOCTYPE', pos) || src.startsWith('<!doctype', pos)) {
      // an internal subset could declare entities: refused rather than half-read
      const end = expectEnd('>', 'the DOCTYPE');
      if (src.slice(pos, end).includes('['))
        throw new XmlError('a DOCTYPE with declarations is not read', line);
      advance(end + 1);
    } else if (src.startsWith('</', pos)) {
      NAME.lastIndex = pos + 2;
      const m = NAME.exec(src);
      if (!m) throw new XmlError('a closing tag without a name', line);
      const open = stack.pop();
      if (!open || open.name !== m[0])
        throw new XmlError(
          `</${m[0]}> closes ${open ? `<${open.name}> (line ${open.line})` : 'nothing'}`,
          line,
        );
      const gt = src.indexOf('>', NAME.lastIndex);
      if (gt < 0 || src.slice(NAME.lastIndex, gt).trim())
        throw new XmlError(`</${m[0]}> is not closed`, line);
      advance(gt + 1);
    } else {
      NAME.lastIndex = pos + 1;
      const m = NAME.exec(src);
      if (!m) throw new XmlError('"<" that starts no tag (write &lt;)', line);
      const el: XmlElement = { name: m[0], attrs: {}, children: [], line };
      let p = NAME.lastIndex;
      let selfClosing = false;
      for (;;) {
        SPACE.lastIndex = p;
        SPACE.exec(src);
        p = SPACE.lastIndex;
        if (src.startsWith('/>', p)) {
          selfClosing = true;
          p += 2;
          break;
        }
        if (src[p] === '>') {
          p += 1;
          break;
        }
        NAME.lastIndex = p;
        const a = NAME.exec(src);
        if (!a) throw new XmlError(`unexpected "${src[p] ?? 'end of file'}" in <${el.name}>`, line);
        p = NAME.lastIndex;
        SPACE.lastIndex = p;
        SPACE.exec(src);
        p = SPACE.lastIndex;
        if (src[p] !== '=') throw new XmlError(`attribute ${a[0]} of <${el.name}> has no value`, line);
        p++;
        SPACE.lastIndex = p;
        SPACE.exec(src);
        p = SPACE.lastIndex;
        const q = src[p];
        if (q !== '"' && q !== "'")
          throw new XmlError(`attribute ${a[0]} of <${el.name}> is not quoted`, line);
        const end = src.indexOf(q, p + 1);
        if (end < 0) throw new XmlError(`attribute ${a[0]} of <${el.name}> is not closed`, line);
        const value = src.slice(p + 1, end);
        if (value.includes('<')) throw new XmlError(`"<" in attribute ${a[0]} of <${el.name}>`, line);
        if (a[0] in el.attrs) throw new XmlError(`attribute ${a[0]} twice in <${el.name}>`, line);
        el.attrs[a[0]] = decode(value.replace(/[\t\n\r]/g, ' '), line);
        p = end + 1;
      }
      if (stack.length) stack[stack.length - 1]!.children.push(el);
      else if (root) throw new XmlError(`a second root element <${el.name}>`, line);
      else root = el;
      if (!selfClosing) {
        if (stack.length >= MAX_XML_DEPTH)
          throw new XmlError(`elements nested more than ${MAX_XML_DEPTH} deep`, line);
        stack.push(el);
      }
      advance(p);
    }
  }
  if (stack.length)
    throw new XmlError(
      `<${stack[stack.length - 1]!.name}> (line ${stack[stack.length - 1]!.line}) is not closed`,
      line,
    );
  if (!root) throw new XmlError('no element: this is not an XML document', line);
  return root;
}

/** Child elements, optionally of one name. */
export function children(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name),
  );
}
/** The first child element of a name. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el ? children(el, name)[0] : undefined;
}
/** The text of an element and its descendants, whitespace collapsed. */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return '';
  const parts: string[] = [];
  const walk = (e: XmlElement) =>
    e.children.forEach((c) => (typeof c === 'string' ? parts.push(c) : walk(c)));
  walk(el);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
