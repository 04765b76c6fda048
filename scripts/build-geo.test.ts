import { describe, it, expect } from 'vitest';
import { geoArea, geoContains } from 'd3';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import topo from '../data/geo/mali.topo.json';

interface Props {
  id: string;
  name: string;
}
type Place = Feature<Geometry, Props>;

const topology = topo as unknown as Topology<{
  regions: GeometryCollection<Props>;
  countries: GeometryCollection<Props>;
}>;
const regions = (feature(topology, topology.objects.regions) as FeatureCollection<Geometry, Props>).features;
const countries = (feature(topology, topology.objects.countries) as FeatureCollection<Geometry, Props>)
  .features;
const byId = (list: Place[], id: string): Place => {
  const found = list.find((f) => f.properties.id === id);
  if (!found) throw new Error(`no feature ${id}`);
  return found;
};

describe('data/geo/mali.topo.json', () => {
  it('has the 8 legacy regions of Mali plus the Bamako district', () => {
    expect(regions.map((f) => f.properties.id).sort()).toEqual(
      ['bamako', 'gao', 'kayes', 'kidal', 'koulikoro', 'mopti', 'segou', 'sikasso', 'tombouctou'].sort(),
    );
    expect(byId(regions, 'mopti').properties.name).toBe('Mopti');
    expect(byId(regions, 'segou').properties.name).toBe('Ségou');
    for (const f of regions) expect(Object.keys(f.properties).sort()).toEqual(['id', 'name']);
  });

  it('puts Sévaré and Koro in the Mopti region, and in no other', () => {
    const mopti = byId(regions, 'mopti');
    const sevare: [number, number] = [-4.1, 14.533];
    const koro: [number, number] = [-3.0814, 14.0683];
    expect(geoContains(mopti, sevare)).toBe(true);
    expect(geoContains(mopti, koro)).toBe(true);
    for (const f of regions.filter((r) => r !== mopti)) {
      expect(geoContains(f, sevare), f.properties.id).toBe(false);
      expect(geoContains(f, koro), f.properties.id).toBe(false);
    }
  });

  it('puts Bamako in the Bamako district', () => {
    expect(geoContains(byId(regions, 'bamako'), [-8.0028, 12.6392])).toBe(true);
    expect(geoContains(byId(regions, 'koulikoro'), [-8.0028, 12.6392])).toBe(false);
  });

  it('has Mali and its seven neighbours', () => {
    const ids = countries.map((f) => f.properties.id);
    for (const id of ['mli', 'dza', 'ner', 'bfa', 'civ', 'gin', 'sen', 'mrt']) expect(ids).toContain(id);
    expect(byId(countries, 'civ').properties.name).toBe("Côte d'Ivoire");
    expect(geoContains(byId(countries, 'mli'), [-4.1, 14.533])).toBe(true);
    expect(geoContains(byId(countries, 'bfa'), [-1.5197, 12.3714])).toBe(true); // Ouagadougou
    expect(geoContains(byId(countries, 'mli'), [-1.5197, 12.3714])).toBe(false);
  });

  it('winds every feature the way d3-geo expects (area < 2π)', () => {
    for (const f of [...regions, ...countries]) {
      const area = geoArea(f);
      expect(area, f.properties.id).toBeGreaterThan(0);
      expect(area, f.properties.id).toBeLessThan(2 * Math.PI);
    }
    // and the sizes are plausible: Mopti ≈ 79,000 km², Mali ≈ 1.24 million km²
    const km2 = (f: Place) => geoArea(f) * 6371 ** 2;
    expect(km2(byId(regions, 'mopti'))).toBeGreaterThan(70_000);
    expect(km2(byId(regions, 'mopti'))).toBeLessThan(90_000);
    expect(km2(byId(countries, 'mli'))).toBeGreaterThan(1.15e6);
    expect(km2(byId(countries, 'mli'))).toBeLessThan(1.3e6);
  });
});
