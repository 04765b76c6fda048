import { describe, expect, it } from 'vitest';
import { child, children, parseXml, textOf, XmlError } from './xml';

describe('parseXml', () => {
  it('reads elements, attributes, text, entities, CDATA; skips comments, PIs and a plain DOCTYPE', () => {
    const root = parseXml(
      '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE a>\n<!-- c -->\n<a x="1" y=\'t &amp; &#233;&#x20AC;\'>\n  <b xml:lang="fr">Mopti &lt;Sévaré&gt;</b><c/><![CDATA[<raw>]]>\n</a>',
    );
    expect(root.name).toBe('a');
    expect(root.attrs).toEqual({ x: '1', y: 't & é€' });
    expect(child(root, 'b')!.attrs['xml:lang']).toBe('fr');
    expect(textOf(child(root, 'b'))).toBe('Mopti <Sévaré>');
    expect(children(root).map((c) => c.name)).toEqual(['b', 'c']);
    expect(child(root, 'b')!.line).toBe(5);
    expect(root.children.filter((c) => typeof c === 'string').join('')).toContain('<raw>');
  });
  it('refuses what it does not read, with the line', () => {
    const bad: [string, RegExp][] = [
      ['<a>\n<b></a>', /line 2: <\/a> closes <b>/],
      ['<a>&ent;</a>', /unknown entity "&ent;"/],
      ['<!DOCTYPE a [<!ENTITY x "xx">]><a>&x;</a>', /DOCTYPE with declarations/],
      ['<a b=1></a>', /not quoted/],
      ['<a></a><b/>', /second root/],
      ['<a>', /<a> \(line 1\) is not closed/],
      ['', /not an XML document/],
      ['<a x="1" x="2"/>', /twice/],
      ['<a>&#0;</a>', /unknown entity/],
    ];
    for (const [text, re] of bad) {
      expect(() => parseXml(text), text).toThrow(XmlError);
      expect(() => parseXml(text), text).toThrow(re);
    }
  });
  it('caps nesting without recursion limits of its own', () => {
    expect(() => parseXml('<a>'.repeat(300) + '</a>'.repeat(300))).toThrow(/nested more than 256/);
    expect(parseXml('<a>'.repeat(200) + '</a>'.repeat(200)).name).toBe('a');
  });
});
