import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

/**
 * The geometries the facility map draws on, in one shape: the bundled one (`data/geo/*.topo.json`), Natural Earth's
 * countries of the world (world-atlas, a lazy chunk), or one a page gives (`geo` property or `geo-src` attribute, see
 * docs/map.md). Decoding them is in `geo-decode.ts`, loaded with them. Pure: no fetch, no DOM.
 */

/** Properties of a feature of the base map. */
export interface GeoProps {
  /** Matches a `region` attribute, a place's `admin1` (as a slug) or a region-only item's region. */
  id: string;
  /** The name written on the map, in the geometry's own language. */
  name: string;
  /** The name by language, when the geometry gives several (`{ "fr": "Suède", "en": "Sweden" }`). */
  names?: Record<string, string>;
  /** ISO 3166-1 alpha-2 code of a country: its name in the reader's language comes from `Intl.DisplayNames`. */
  iso2?: string;
}
export type GeoFeature = Feature<Geometry, GeoProps>;

/** A longitude/latitude box: [west, east], [south, north]. */
export interface GeoBox {
  lon: readonly [number, number];
  lat: readonly [number, number];
}

/** The decoded base map: first-level regions (the map's subject) and countries (context), and what it says of itself. */
export interface MapGeoData {
  regions: FeatureCollection<Geometry, GeoProps>;
  countries: FeatureCollection<Geometry, GeoProps>;
  /** The country the regions divide: drawn by its regions (never twice), the outline of the inset locator. */
  home?: string | undefined;
  /** The box the geometry covers (its edges are cut there); absent: the whole world. */
  box?: GeoBox | undefined;
  /** What the geometry says of itself (`regions before the reform…`), by language: a note when its regions are drawn. */
  note?: Record<string, string> | undefined;
  /** The credit drawn in the map's corner (`Natural Earth`); none when the geometry gives none. */
  attribution?: string | undefined;
}

/** A name or id as an id: lower case ASCII words joined by `-` (`Bamako District` → `bamako-district`). */
export function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The lon/lat bounds of a feature: [west, south, east, north] (kept per feature). */
const bounds = new WeakMap<object, [number, number, number, number]>();
export function geoBounds(f: GeoFeature): [number, number, number, number] {
  let b = bounds.get(f);
  if (b) return b;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [lon, lat] = c as [number, number];
      if (lon < x0) x0 = lon;
      if (lon > x1) x1 = lon;
      if (lat < y0) y0 = lat;
      if (lat > y1) y1 = lat;
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  walk((f.geometry as { coordinates?: unknown }).coordinates);
  bounds.set(f, (b = [x0, y0, x1, y1]));
  return b;
}

/** Whether a [lon, lat] point lies in a feature's polygons (planar, even–odd over every ring). */
export function featureContains(f: GeoFeature, p: readonly [number, number]): boolean {
  // indexed reads, no destructuring: the first paint's tests run in code not yet optimised
  const lon = p[0];
  const lat = p[1];
  const b = geoBounds(f);
  if (lon < b[0] || lon > b[2] || lat < b[1] || lat > b[3]) return false;
  const g = f.geometry;
  const polys: Position[][][] =
    g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  let inside = false;
  for (const poly of polys)
    for (const ring of poly)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        // indexed reads, no destructuring: every place is tested against every region in a first paint
        const a = ring[i]!;
        const b = ring[j]!;
        if (a[1]! > lat !== b[1]! > lat && lon < ((b[0]! - a[0]!) * (lat - a[1]!)) / (b[1]! - a[1]!) + a[0]!)
          inside = !inside;
      }
  return inside;
}
