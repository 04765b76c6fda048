import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { translationFor, type Translation } from '../i18n/index';
import { parseLang, warnOnce } from '../util/attributes';

type Host = ReactiveControllerHost & HTMLElement;

const hosts = new Set<LocaleController>();
let observer: MutationObserver | undefined;

function observe() {
  if (observer || typeof MutationObserver === 'undefined') return;
  // one observer for all widgets: `lang` changes anywhere in the light DOM are rare and cheap to check
  observer = new MutationObserver(() => hosts.forEach((c) => c.refresh()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/** {@link parseLang} per tag: it builds a formatter to check the tag, paid once per page rather than per widget. */
const parsed = new Map<string, string | undefined>();
function parseLangOnce(tag: string): string | undefined {
  if (!parsed.has(tag)) parsed.set(tag, parseLang(tag));
  return parsed.get(tag);
}

/**
 * Finds the nearest usable `lang` from `el` upwards, crossing shadow roots; else `<html lang>`; else `en`. A tag that
 * Intl rejects (`i-klingon`, `x-private`, `123`) is skipped: the next one up the chain is used, and `onInvalid` is told.
 * `en_US` is read as `en-US`. The result is always a canonical tag every Intl formatter accepts.
 */
export function resolveLang(el: Element, onInvalid?: (tag: string, from: Element) => void): string {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      const tag = node.getAttribute('lang');
      if (tag) {
        const lang = parseLangOnce(tag);
        if (lang) return lang;
        onInvalid?.(tag, node);
      }
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return parseLangOnce(document.documentElement.lang) ?? 'en';
}

/**
 * Resolves the widget's language (`lang` on the element → nearest ancestor → `<html lang>`) and follows changes live.
 * Exposes the string table `t` and the tag for Intl formats.
 */
export class LocaleController implements ReactiveController {
  lang = 'en';
  t: Translation = translationFor('en');
  constructor(private readonly host: Host) {
    host.addController(this);
  }
  hostConnected(): void {
    hosts.add(this);
    observe();
    this.refresh();
  }
  hostDisconnected(): void {
    hosts.delete(this);
  }
  /** Re-reads the language; asks for an update when it changed. */
  refresh(): void {
    const invalid: string[] = [];
    const lang = resolveLang(this.host, (tag) => invalid.push(tag));
    for (const tag of invalid) warnOnce(this.host, { attribute: 'lang', value: tag, fallback: lang });
    if (lang !== this.lang) {
      this.lang = lang;
      this.t = translationFor(lang);
      this.host.requestUpdate();
    }
  }
}
