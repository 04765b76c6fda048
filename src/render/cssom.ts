import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets CSS properties on an element through CSSOM (`element.style.setProperty`), never through a `style` attribute,
 * which a strict Content-Security-Policy (`style-src 'self'`) blocks — Lit's `styleMap` writes the attribute on the
 * first render. An empty value removes the property. Use in element position: `<div ${cssom({'inline-size': '4px'})}>`.
 */
class CssomDirective extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('cssom() goes on an element, not in an attribute');
  }
  render(props: Record<string, string>): typeof nothing {
    void props;
    return nothing;
  }
  override update(part: ElementPart, [props]: [Record<string, string>]): typeof nothing {
    const style = (part.element as HTMLElement | SVGElement).style;
    for (const [name, value] of Object.entries(props)) {
      if (value) style.setProperty(name, value);
      else style.removeProperty(name);
    }
    return nothing;
  }
}

export const cssom = directive(CssomDirective);
