import type { MarkWords } from '../describe/types';
import type { FocusGroupController } from './focus-group';
import type { MarksController } from './marks';

/**
 * What the marks do with the reader's pointer, focus and keys (see {@link MarksController}): a chunk of its own, loaded
 * after the chart's first paint, or at the reader's first pointer or focus in the widget (the events that came before
 * are handled then, in order, with the path they had).
 */
export function handleMarkEvent(c: MarksController, e: Event, path: readonly EventTarget[]): void {
  const region = path.find((n): n is HTMLElement => n instanceof Element && n.hasAttribute('data-marks'));
  switch (e.type) {
    case 'pointermove':
    case 'pointerdown': {
      if (!region) return;
      const key = keyAt(c, e as PointerEvent, path, region);
      if (key === undefined) {
        if (c.highlight !== undefined && !hasFocus(c)) c.clear();
        return;
      }
      show(c, key, (words) => c.wiring.tooltip.showAtPointer(key, words.tooltip, e as PointerEvent));
      return;
    }
    case 'pointerout': {
      const to = (e as PointerEvent).relatedTarget as Node | null;
      if (region && (!to || !region.contains(to)) && !hasFocus(c)) c.clear();
      return;
    }
    case 'click': {
      if (!region) return;
      const key = keyAt(c, e as MouseEvent, path, region);
      if (key !== undefined) {
        c.roving.active = key;
        c.lastFocused = key;
        activate(c, key, 'pointer');
      }
      return;
    }
    case 'focusin': {
      const key = markKey(path);
      if (key !== undefined && region) {
        c.lastFocused = key;
        c.roving.focused(key);
      }
      return;
    }
    case 'focusout': {
      const to = (e as FocusEvent).relatedTarget as Node | null;
      const root = c.host.shadowRoot ?? c.host;
      const inside = to && root.contains(to) && markKey([to]) !== undefined;
      if (!inside) c.clear();
      return;
    }
    case 'keydown': {
      if (!region) return;
      const ke = e as KeyboardEvent;
      const key = markKey(path);
      if (key !== undefined) rovingKeydown(c.roving, ke, key);
      if (!ke.defaultPrevented) c.options.keydown?.(ke);
      return;
    }
  }
}

/** A mark got the keyboard focus (the roving focus's `onFocus`): highlighted, its tooltip at the mark. */
export function focusMark(c: MarksController, key: string): void {
  const el = (c.host.shadowRoot ?? c.host).querySelector(`[data-key="${CSS.escape(key)}"]`);
  const at = el && (c.options.anchor?.(key, el) ?? el);
  show(c, key, (w) => at && c.wiring.tooltip.showAtElement(key, w.tooltip, at));
}

/** A mark activated (Enter or Space, a click or a tap): `parsec-select`, then the widget's own `activate`. */
export function activate(c: MarksController, key: string, via: 'key' | 'pointer'): void {
  const words = c.options.words(key);
  if (!words) return;
  c.wiring.select(words.detail);
  c.options.activate?.(key, via);
}

/**
 * The keys of a roving focus: arrows step through the keys (or the widget's `navigate` moves), Home and End jump to
 * the ends, Enter and Space activate.
 */
export function rovingKeydown(fg: FocusGroupController, event: KeyboardEvent, key: string): void {
  const keys = fg.options.keys();
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    fg.options.onActivate?.(key, event);
    return;
  }
  let next = fg.options.navigate?.(key, event, keys);
  if (next === null) return;
  if (next === undefined) {
    const i = keys.indexOf(key);
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = keys[Math.min(keys.length - 1, i + 1)];
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = keys[Math.max(0, i - 1)];
        break;
      case 'Home':
        next = keys[0];
        break;
      case 'End':
        next = keys[keys.length - 1];
        break;
      default:
        return;
    }
  }
  event.preventDefault();
  if (next !== undefined) void fg.focus(next);
}

function hasFocus(c: MarksController): boolean {
  const active = (c.host.shadowRoot as ShadowRoot | null)?.activeElement;
  return !!active && markKey([active]) !== undefined;
}

function markKey(path: readonly EventTarget[]): string | undefined {
  for (const n of path) {
    if (!(n instanceof Element)) continue;
    if (n.hasAttribute('data-marks')) return undefined;
    const key = n.getAttribute('data-key');
    if (key !== null) return key;
  }
  return undefined;
}

function keyAt(
  c: MarksController,
  e: MouseEvent,
  path: readonly EventTarget[],
  region: HTMLElement,
): string | undefined {
  const key = markKey(path);
  if (!c.options.hit) return key;
  // a DOM mark that is a container (a group with canvas children) yields to the hit test of what is painted in it
  const plot = region.querySelector('[data-plot]') ?? region;
  const r = plot.getBoundingClientRect();
  return c.options.hit(e.clientX - r.left, e.clientY - r.top) ?? key;
}

function show(c: MarksController, key: string, tooltip: (w: MarkWords) => void) {
  const words = c.options.words(key);
  if (!words) return;
  if (c.highlight !== key) {
    c.highlight = key;
    c.host.requestUpdate();
  }
  if (c.wiring.tooltips()) tooltip(words);
  c.wiring.hover(words.detail);
}
