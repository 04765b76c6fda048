import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { live, stallFetch, expectLoadingState } from './support';
import { expect, waitFor } from 'storybook/test';
import raw from '../data/parsec.json';
import { civilianStaffDataset } from '../test/fixtures/civilian-staff';
import { syntheticCooperantDataset } from '../test/fixtures/synthetic-cooperant';
import '../src/components/cooperant-chart/cooperant-chart';
import type { ParsecCooperantChart } from '../src/components/cooperant-chart/cooperant-chart';

type Args = { lang: string; theme: string; width: number; groupBy: string; mode: string };

const meta: Meta<Args> = {
  title: 'Widgets/Cooperant chart',
  component: 'parsec-cooperant-chart',
  args: { lang: 'en', theme: 'light', width: 760, groupBy: 'place', mode: 'auto' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'fr'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    groupBy: { control: 'inline-radio', options: ['place', 'entity', 'rank', 'service', 'year'] },
    mode: { control: 'inline-radio', options: ['auto', 'units', 'bars'] },
    width: { control: { type: 'range', min: 280, max: 1200, step: 10 } },
  },
  render: (a) =>
    html`<div lang=${a.lang} class="story-frame" data-width=${a.width}>
      <parsec-cooperant-chart
        ${live(a)}
        theme=${a.theme}
        group-by=${a.groupBy}
        mode=${a.mode}
      ></parsec-cooperant-chart>
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

const element = (root: HTMLElement) => root.querySelector('parsec-cooperant-chart') as ParsecCooperantChart;
const units = (el: ParsecCooperantChart) => [
  ...el.shadowRoot!.querySelectorAll('svg.cooperant .unit[role="listitem"]'),
];
/** Group names as read: the lines of a wrapped name joined by a space. */
const names = (el: ParsecCooperantChart) =>
  [...el.shadowRoot!.querySelectorAll('svg.cooperant .label.name')].map(
    (t) => [...t.querySelectorAll('tspan')].map((l) => l.textContent).join(' ') || t.textContent,
  );
const summary = (el: ParsecCooperantChart) => el.shadowRoot!.querySelector('#summary')?.textContent ?? '';

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(units(el)).toHaveLength(14));
    await expect(el.shadowRoot!.querySelectorAll('svg.cooperant .unit.not-itemised')).toHaveLength(5);
    await expect(summary(el)).toMatch(/^14 posts in 2011, of which 9 itemised: 4 in Bamako/);
  },
};

export const ByPlace: Story = {
  args: { groupBy: 'place' },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(names(el)).toContain('Place not stated'));
    await expect(names(el).at(-1)).toBe('Not itemised');
  },
};

export const ByEntity: Story = {
  args: { groupBy: 'entity' },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() =>
      expect(names(el)).toEqual([
        'DCM (Military coordination detachment)',
        'EMA (Military administration school)',
        'National Guard of Mali',
        'DMHTA (Armed forces directorate of equipment, fuel and transport)',
        'EMP (Peacekeeping school)',
        'DEM (Directorate of military schools)',
        'Air Force',
        'Not itemised',
      ]),
    );
  },
};

export const ByRank: Story = {
  args: { groupBy: 'rank' },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() =>
      expect(names(el)).toEqual(['Senior officer', 'Officer', 'Non-commissioned officer', 'Not itemised']),
    );
  },
};

export const ByService: Story = {
  args: { groupBy: 'service' },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(names(el)).toEqual(['Air Force', 'Service not stated', 'Not itemised']));
  },
};

export const ByYear: Story = {
  args: { groupBy: 'year' },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(units(el)).toHaveLength(24));
    await expect(el.shadowRoot!.querySelectorAll('svg.cooperant .unit.approx')).toHaveLength(10);
    await expect(summary(el)).toContain('about 10 posts in 2016, none itemised');
  },
};

/** "All years": each itemised post once; the years' counts said side by side, never added up. */
export const AllYears: Story = {
  render: (a) =>
    html`<div lang=${a.lang} style="width:${a.width}px">
      <parsec-cooperant-chart year="all"></parsec-cooperant-chart>
    </div>`,
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(units(el)).toHaveLength(9));
    await expect(summary(el)).toMatch(/^9 distinct posts itemised/);
    await expect(summary(el)).toContain('not added up');
  },
};

/** Past 500 posts the chart draws bars by itself and says so; the toggle brings the units back. */
export const AutoBars: Story = {
  render: () =>
    html`<parsec-cooperant-chart .data=${syntheticCooperantDataset(600)}></parsec-cooperant-chart>`,
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('.note[role="status"]')).not.toBeNull());
    await expect(el.shadowRoot!.querySelector('svg.cooperant')!.classList.contains('bars')).toBe(true);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-mode="units"]')!.click();
    await waitFor(() => expect(units(el)).toHaveLength(600));
  },
};

/** Another dataset (fictional civilian advisers): no ranks, so rank and service are offered last. */
export const OtherDataset: Story = {
  render: () =>
    html`<parsec-cooperant-chart year="all" .data=${civilianStaffDataset}></parsec-cooperant-chart>`,
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(units(el)).toHaveLength(6));
    const options = [...el.shadowRoot!.querySelector('select')!.options].map((o) => o.value);
    await expect(options.slice(-2)).toEqual(['rank', 'service']);
  },
};

export const Bars: Story = {
  args: { mode: 'bars', groupBy: 'year' },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() =>
      expect(el.shadowRoot!.querySelectorAll('svg.cooperant .focusable[role="listitem"]')).toHaveLength(2),
    );
    await expect(el.shadowRoot!.querySelector('.bar.hollow.approx')).not.toBeNull();
  },
};

export const French: Story = {
  args: { lang: 'fr' },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(summary(el)).toMatch(/^14 postes en 2011, dont 9 détaillés/));
    await expect(names(el).at(-1)).toBe('Non détaillé');
  },
};

export const Dark: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(units(el)).toHaveLength(14));
    await expect(getComputedStyle(el).backgroundColor).toBe('rgb(13, 17, 23)');
  },
};

export const Narrow: Story = {
  args: { width: 320 },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() =>
      expect(
        Number(el.shadowRoot!.querySelector('svg.cooperant')!.getAttribute('width')),
      ).toBeLessThanOrEqual(320),
    );
    await expect(units(el)).toHaveLength(14);
  },
};

export const Large: Story = {
  render: () =>
    html`<parsec-cooperant-chart
      mode="units"
      .data=${syntheticCooperantDataset(10_000)}
    ></parsec-cooperant-chart>`,
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('canvas')).not.toBeNull(), { timeout: 5000 });
    await expect(
      el.shadowRoot!.querySelectorAll('svg.cooperant .focusable[role="listitem"]').length,
    ).toBeGreaterThan(5);
    await expect(summary(el)).toMatch(/^10,000 posts in 2011/);
  },
};

const invalid = (() => {
  const d = JSON.parse(JSON.stringify(raw));
  d.cooperants.posts[0].place = 'timbuktu';
  return d;
})();

export const InvalidData: Story = {
  render: () => html`<parsec-cooperant-chart .data=${invalid}></parsec-cooperant-chart>`,
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() =>
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).toMatch(
        /cooperants\.posts\[0\]\.place/,
      ),
    );
  },
};

export const Loading: Story = {
  // a dataset URL that has not answered yet: the loading state reserves the chart's height (no layout shift)
  beforeEach: () => stallFetch('slow-dataset.json'),
  render: () => html`<parsec-cooperant-chart src="/slow-dataset.json"></parsec-cooperant-chart>`,
  play: async ({ canvasElement }) => expectLoadingState(element(canvasElement)),
};

const noPosts = (() => {
  const d = JSON.parse(JSON.stringify(raw));
  d.cooperants.posts = [];
  d.cooperants.totals = [];
  return d;
})();

export const Empty: Story = {
  render: () => html`<parsec-cooperant-chart .data=${noPosts}></parsec-cooperant-chart>`,
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part="empty"]')).not.toBeNull());
  },
};
