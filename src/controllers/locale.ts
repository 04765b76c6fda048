import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { translationFor, type Translation } from '../i18n/index';

type Host = ReactiveControllerHost & HTMLElement;

const hosts = new Set<LocaleController>();
let observer: MutationObserver | undefined;

function observe() {
  if (observer || typeof MutationObserver === 'undefined') return;
  // one observer for all widgets: `lang` changes anywhere in the light DOM are rare and cheap to check
  observer = new MutationObserver(() => hosts.forEach((c) => c.refresh()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/** Finds the nearest `lang` from `el` upwards, crossing shadow roots; else `<html lang>`; else `en`. */
export function resolveLang(el: Element): string {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.getAttribute('lang')) return node.getAttribute('lang')!;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return document.documentElement.lang || 'en';
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
    const lang = resolveLang(this.host);
    if (lang !== this.lang) {
      this.lang = lang;
      this.t = translationFor(lang);
      this.host.requestUpdate();
    }
  }
}
