import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { live, stallFetch, expectLoadingState } from './support';
import { expect, waitFor } from 'storybook/test';
import raw from '../data/parsec.json';
import { syntheticGantt } from '../test/fixtures/synthetic-gantt';
import '../src/components/phase-gantt/phase-gantt';
import type { ParsecPhaseGantt } from '../src/components/phase-gantt/phase-gantt';

type Args = { lang: string; theme: string; width: number; from: string; to: string; collapsed: string };

const meta: Meta<Args> = {
  title: 'Widgets/Phase Gantt',
  component: 'parsec-phase-gantt',
  args: { lang: 'en', theme: 'light', width: 860, from: '', to: '', collapsed: '' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'fr'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 280, max: 1200, step: 10 } },
  },
  render: (a) =>
    html`<div lang=${a.lang} class="gantt-frame" data-width=${a.width}>
      <parsec-phase-gantt
        ${live(a)}
        theme=${a.theme}
        from=${a.from || undefined}
        to=${a.to || undefined}
        collapsed=${a.collapsed || undefined}
      ></parsec-phase-gantt>
    </div>`,
  decorators: [
    (story, ctx) => {
      queueMicrotask(() => {
        const frame = document.querySelector<HTMLElement>(`.gantt-frame[data-width="${ctx.args.width}"]`);
        frame?.style.setProperty('width', `${ctx.args.width}px`);
      });
      return story();
    },
  ],
};
export default meta;
type Story = StoryObj<Args>;

const element = (root: HTMLElement) => root.querySelector('parsec-phase-gantt') as ParsecPhaseGantt;
const rows = (el: ParsecPhaseGantt) => [...el.shadowRoot!.querySelectorAll('[role="row"][aria-level="2"]')];

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(rows(el)).toHaveLength(raw.timeline.length));
    await expect(el.shadowRoot!.querySelector('[data-key="parsec-overall"] .ghost')).not.toBeNull();
    await expect(el.shadowRoot!.querySelector('[part="source"]')!.textContent).toMatch(/Civipol/);
  },
};

export const French: Story = {
  args: { lang: 'fr' },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() =>
      expect(el.shadowRoot!.querySelector('svg.gantt')!.getAttribute('aria-label')).toMatch(/^Chronologie/),
    );
    await expect(
      el.shadowRoot!.querySelector('[data-key="parsec-launch"]')!.getAttribute('aria-label'),
    ).toContain('3 mars 2017');
  },
};

export const Dark: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(rows(el).length).toBeGreaterThan(3));
    await expect(getComputedStyle(el).backgroundColor).toBe('rgb(13, 17, 23)');
  },
};

export const Narrow: Story = {
  args: { width: 360 },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() =>
      expect(Number(el.shadowRoot!.querySelector('svg.gantt')!.getAttribute('width'))).toBeLessThanOrEqual(
        360,
      ),
    );
    await expect(el.scrollWidth).toBeLessThanOrEqual(360);
  },
};

export const Zoomed: Story = {
  args: { from: '2019', to: '2020' },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(el.timeWindow).toEqual({ from: '2019-01-01', to: '2021-01-01' }));
    await expect(el.shadowRoot!.querySelector('[data-key="parsec-cessna-handover"] .shape')).not.toBeNull();
    await expect(el.shadowRoot!.querySelector('[data-key="parsec-launch"] .shape')).toBeNull();
  },
};

export const Collapsed: Story = {
  args: { collapsed: 'all' },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() =>
      expect(el.shadowRoot!.querySelectorAll('[role="row"][aria-expanded="false"]')).toHaveLength(6),
    );
    await expect(rows(el)).toHaveLength(0);
    // the opening window shows PARSEC's years: programmes wholly before or after it have no summary bar in view
    await expect(el.shadowRoot!.querySelectorAll('svg.gantt .summary').length).toBeGreaterThanOrEqual(4);
  },
};

const large1k = syntheticGantt(1000);
export const Large: Story = {
  render: () => html`<parsec-phase-gantt .data=${large1k}></parsec-phase-gantt>`,
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(rows(el).length).toBeGreaterThan(10));
    // virtualised: far fewer rows drawn than the 1,000 items
    await expect(rows(el).length).toBeLessThan(100);
  },
};

const large10k = syntheticGantt(10_000);
export const Large10k: Story = {
  name: 'Large (10,000)',
  render: () => html`<parsec-phase-gantt .data=${large10k}></parsec-phase-gantt>`,
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(rows(el).length).toBeGreaterThan(10));
    await expect(rows(el).length).toBeLessThan(100);
  },
};

const invalid = (() => {
  const d = JSON.parse(JSON.stringify(raw));
  d.timeline[0].date.value = '2017-13-45';
  return d;
})();

export const InvalidData: Story = {
  render: () => html`<parsec-phase-gantt .data=${invalid}></parsec-phase-gantt>`,
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() =>
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).toMatch(
        /timeline\[0\]\.date\.value/,
      ),
    );
  },
};

export const Loading: Story = {
  // a dataset URL that has not answered yet: the loading state reserves the chart's height (no layout shift)
  beforeEach: () => stallFetch('slow-dataset.json'),
  render: () => html`<parsec-phase-gantt src="/slow-dataset.json"></parsec-phase-gantt>`,
  play: async ({ canvasElement }) => expectLoadingState(element(canvasElement)),
};

const noTimeline = (() => {
  const d = JSON.parse(JSON.stringify(raw));
  d.timeline = [];
  return d;
})();

export const Empty: Story = {
  render: () => html`<parsec-phase-gantt .data=${noTimeline}></parsec-phase-gantt>`,
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part="empty"]')).not.toBeNull());
  },
};
