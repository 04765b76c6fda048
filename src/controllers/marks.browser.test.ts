import { html, LitElement, svg } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import type { MarkWords } from '../describe/types';
import * as events from './marks-events';
import { MarksController, type MarksInteraction } from './marks';
import { TooltipController } from './tooltip';

/** The marks' interaction arrives after the first frame: what the reader does before it is handled when it comes. */

const KEYS = ['a', 'b', 'c'];
const words = (key: string) =>
  ({ tooltip: { title: key, lines: [] }, detail: { kind: 'mark', id: key } }) as unknown as MarkWords;

class TestMarks extends LitElement {
  arrive!: (i: MarksInteraction) => void;
  readonly pending = new Promise<MarksInteraction>((r) => (this.arrive = r));
  loaded: MarksInteraction | undefined;
  asked = 0;
  selected: string[] = [];
  hovered: (string | null)[] = [];
  readonly tooltip = new TooltipController(
    this,
    () => null,
    () => undefined,
  );
  readonly marks = new MarksController(
    this,
    {
      tooltip: this.tooltip,
      hover: (d) => this.hovered.push(d?.id ?? null),
      select: (d) => this.selected.push(d.id),
      tooltips: () => true,
      interaction: () => {
        this.asked++;
        return this.loaded ?? this.pending.then((i) => (this.loaded = i));
      },
    },
    { keys: () => KEYS, words },
  );
  override render() {
    return html`<svg data-marks width="40" height="10">
      ${KEYS.map(
        (k, i) =>
          svg`<g data-key=${k} tabindex=${this.marks.tabIndex(k)}><rect x=${i * 12} width="10" height="10"></rect></g>`,
      )}
    </svg>`;
  }
}
customElements.define('test-marks', TestMarks);

afterEach(() => document.querySelectorAll('test-marks').forEach((n) => n.remove()));

async function mount() {
  const el = document.createElement('test-marks') as TestMarks;
  document.body.append(el);
  await el.updateComplete;
  return el;
}
const mark = (el: TestMarks, key: string) =>
  el.shadowRoot!.querySelector<SVGGElement>(`[data-key="${key}"]`)!;

describe('MarksController before its interaction code arrives', () => {
  it('draws the roving tabindex without the code, and asks for it at the first event only', async () => {
    const el = await mount();
    expect(KEYS.map((k) => mark(el, k).getAttribute('tabindex'))).toEqual(['0', '-1', '-1']);
    expect(el.asked).toBe(0);
    mark(el, 'a').focus();
    expect(el.asked).toBe(1);
  });

  it('handles the focus and keys that came before it, in order, when it arrives', async () => {
    const el = await mount();
    mark(el, 'a').focus();
    mark(el, 'a').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }),
    );
    mark(el, 'a').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }),
    );
    await new Promise((r) => setTimeout(r, 20));
    // nothing handled yet: no highlight, no hover, the first mark still in the tab order
    expect(el.marks.highlight).toBeUndefined();
    expect(el.hovered).toEqual([]);
    el.arrive(events);
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    // focus on a: hovered; ArrowRight twice, each from a (the key the event was pressed on): b, then b again
    expect(el.hovered[0]).toBe('a');
    expect(el.marks.roving.active).toBe('b');
    expect(el.shadowRoot!.activeElement).toBe(mark(el, 'b'));
    expect(mark(el, 'b').getAttribute('tabindex')).toBe('0');
  });

  it('handles a click that came before it (a tap on a mark selects it)', async () => {
    const el = await mount();
    mark(el, 'c')
      .querySelector('rect')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(el.selected).toEqual([]);
    el.arrive(events);
    await new Promise((r) => setTimeout(r, 0));
    expect(el.selected).toEqual(['c']);
    expect(el.marks.lastFocused).toBe('c');
  });

  it('once arrived, handles each event at once', async () => {
    const el = await mount();
    el.loaded = events;
    mark(el, 'b')
      .querySelector('rect')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(el.selected).toEqual(['b']);
  });
});
