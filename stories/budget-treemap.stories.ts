import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { live, stallFetch } from './support';
import { expect, userEvent, waitFor } from 'storybook/test';
import raw from '../data/parsec.json';
import { syntheticBudget } from '../test/fixtures/synthetic-budget';
import '../src/components/budget-treemap/budget-treemap';
import type { ParsecBudgetTreemap } from '../src/components/budget-treemap/budget-treemap';
import type { ParsecSelectEvent } from '../src/events/select';

type Args = {
  lang: string;
  theme: string;
  width: number;
  currency: string;
  path: string;
  /** A control generated from the manifest (any public attribute works the same way, see stories/support.ts). */
  'no-legend'?: boolean;
};

const meta: Meta<Args> = {
  title: 'Widgets/Budget treemap',
  component: 'parsec-budget-treemap',
  args: { lang: 'en', theme: 'light', width: 760, currency: 'EUR', path: '' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'fr'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    currency: { control: 'inline-radio', options: ['EUR', 'XOF'] },
    width: { control: { type: 'range', min: 280, max: 1200, step: 10 } },
  },
  render: (a) =>
    html`<div lang=${a.lang} class="story-frame" data-width=${a.width}>
      <parsec-budget-treemap
        ${live(a)}
        theme=${a.theme}
        currency=${a.currency}
        path=${a.path}
      ></parsec-budget-treemap>
    </div>`,
  decorators: [
    (story, ctx) => {
      queueMicrotask(() => {
        const frame = document.querySelector<HTMLElement>(`.story-frame[data-width="${ctx.args.width}"]`);
        frame?.style.setProperty('width', `${ctx.args.width}px`);
      });
      return story();
    },
  ],
};
export default meta;
type Story = StoryObj<Args>;

const element = (root: HTMLElement) => root.querySelector('parsec-budget-treemap') as ParsecBudgetTreemap;
const tiles = (el: ParsecBudgetTreemap) => [...el.shadowRoot!.querySelectorAll('[role="treeitem"]')];

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(tiles(el).length).toBeGreaterThan(3));
    await expect(el.shadowRoot!.querySelector('[part="source"]')!.textContent).toMatch(/Expertise France/);
  },
};

export const French: Story = {
  args: { lang: 'fr' },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() =>
      expect(el.shadowRoot!.querySelector('svg[role]')!.getAttribute('aria-label')).toMatch(
        /^Carte proportionnelle/,
      ),
    );
  },
};

export const Dark: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(tiles(el).length).toBeGreaterThan(3));
    await expect(getComputedStyle(el).backgroundColor).toBe('rgb(13, 17, 23)');
  },
};

export const Narrow: Story = {
  args: { width: 320 },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() =>
      expect(Number(el.shadowRoot!.querySelector('svg')!.getAttribute('width'))).toBeLessThanOrEqual(320),
    );
  },
};

export const Drilled: Story = {
  args: { path: 'parsec-total' },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() =>
      expect(tiles(el).some((t) => t.getAttribute('aria-label')!.startsWith('Cessna'))).toBe(true),
    );
  },
};

export const XOF: Story = {
  args: { currency: 'XOF' },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() =>
      expect(tiles(el).some((t) => /CFA francs/.test(t.getAttribute('aria-label')!))).toBe(true),
    );
  },
};

export const Large: Story = {
  render: () => html`<parsec-budget-treemap .data=${syntheticBudget(10_000)}></parsec-budget-treemap>`,
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('canvas')).not.toBeNull());
    // 100 programmes: the 7 largest, then the rest grouped in a drillable "Other (n)" (each may hold the area of its
    // lines too small to draw, one level down)
    await expect(tiles(el).filter((t) => t.getAttribute('aria-level') === '1')).toHaveLength(8);
  },
};

const invalid = (() => {
  const d = JSON.parse(JSON.stringify(raw));
  d.meta.asOf = 'soon';
  d.budget[0].amount.amount = -5;
  return d;
})();

export const InvalidData: Story = {
  render: () => html`<parsec-budget-treemap .data=${invalid}></parsec-budget-treemap>`,
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() =>
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).toMatch(/meta\.asOf/),
    );
  },
};

export const Loading: Story = {
  // a dataset URL that has not answered yet: the loading state reserves the chart's height (no layout shift)
  beforeEach: () => stallFetch('slow-dataset.json'),
  render: () =>
    html`<div class="story-frame-loading">
      <parsec-budget-treemap src="/slow-dataset.json"></parsec-budget-treemap>
    </div>`,
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part="loading"]')).not.toBeNull());
    const box = el.shadowRoot!.querySelector('[part="loading"]')!.getBoundingClientRect();
    await expect(box.height).toBeGreaterThanOrEqual(220);
  },
};

const noBudget = (() => {
  const d = JSON.parse(JSON.stringify(raw));
  d.budget = [];
  return d;
})();

export const Empty: Story = {
  render: () => html`<parsec-budget-treemap .data=${noBudget}></parsec-budget-treemap>`,
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part="empty"]')).not.toBeNull());
  },
};

export const NoLegend: Story = {
  // the manifest's controls are live: the `no-legend` control removes the legend
  args: { 'no-legend': true },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(tiles(el).length).toBeGreaterThan(3));
    await expect(el.hasAttribute('no-legend')).toBe(true);
    await expect(el.shadowRoot!.querySelector('[part~="legend"]')).toBeNull();
  },
};

export const Keyboard: Story = {
  // arrows move the focus between tiles, Enter selects: a parsec-select event with the tile's id and sources
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(tiles(el).length).toBeGreaterThan(3));
    const selected: ParsecSelectEvent[] = [];
    el.addEventListener('parsec-select', (e) => selected.push(e));
    const first = el.shadowRoot!.querySelector<SVGElement>('[role="treeitem"][tabindex="0"]')!;
    first.focus();
    await expect(el.shadowRoot!.activeElement).toBe(first);
    await userEvent.keyboard('{ArrowRight}');
    const second = el.shadowRoot!.activeElement as SVGElement;
    await expect(second).not.toBe(first);
    await expect(second.getAttribute('role')).toBe('treeitem');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(selected).toHaveLength(1));
    await expect(selected[0]!.detail.widget).toBe('parsec-budget-treemap');
    await expect(selected[0]!.detail.id).toBeTruthy();
    await expect(selected[0]!.detail.sources.length).toBeGreaterThan(0);
  },
};
