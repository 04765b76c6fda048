import { afterEach, describe, expect, it } from 'vitest';
import { nigerPolice } from '../../test/fixtures/any-programme/niger-police';
import { wrapOf } from '../../test/mount';
import '../components/facility-map/facility-map';
import type { ParsecFacilityMap } from '../components/facility-map/facility-map';
import type { ParsecDataErrorEvent } from '../events/data-error';

// its own file: the page-wide "a chart is drawn" signal (util/idle.ts) must not have been given by another test
afterEach(() => document.querySelectorAll('.wrap').forEach((n) => n.remove()));

describe('the sections no widget reads, on a page where no chart is drawn', () => {
  it('are still checked and reported (at most some 2 s later), while the only widget waits for its base map', async () => {
    const real = window.fetch;
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
      String(input).includes('never-geometry') ? new Promise(() => {}) : real(input, init)) as typeof fetch;
    try {
      const d = structuredClone(nigerPolice);
      (d.cooperants.posts[1] as { years: number[] }).years = [];
      const wrap = wrapOf(768);
      const el = document.createElement('parsec-facility-map') as ParsecFacilityMap;
      el.setAttribute('loading', 'eager');
      el.setAttribute('geo-src', '/never-geometry.json');
      el.setAttribute('timeout', '60000');
      const events: ParsecDataErrorEvent[] = [];
      el.addEventListener('parsec-data-error', (e) => events.push(e));
      el.data = d as ParsecFacilityMap['data'];
      wrap.append(el);
      for (let i = 0; i < 100 && !events.length; i++) await new Promise((r) => setTimeout(r, 50));
      expect(el.shadowRoot!.querySelector('.state.loading')).not.toBeNull();
      expect(events).toHaveLength(1);
      expect(events[0]!.detail).toMatchObject({
        sections: ['cooperants'],
        issues: [{ path: 'cooperants.posts[1].years' }],
      });
    } finally {
      window.fetch = real;
    }
  });
});
