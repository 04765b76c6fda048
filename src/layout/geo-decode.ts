import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { GeoFeature, GeoProps, MapGeoData } from './map-geometry';

/**
 * Decoding the geometries into {@link MapGeoData}: the bundled TopoJSON, world-atlas's countries and a page's own
 * TopoJSON or GeoJSON (checked, with readable problems). Imported only by the chunks that bring a geometry (and when a
 * page gives one), so that topojson-client and these checks stay out of the widget's entry.
 */

/** A problem with a geometry a page gave: what was found, and what was expected. */
export class GeoError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** A name as an id (as `slug` in map-geometry.ts, repeated so that this chunk shares no module with the entry). */
const slug = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const collection = (features: GeoFeature[]): FeatureCollection<Geometry, GeoProps> => ({
  type: 'FeatureCollection',
  features,
});

/** A text by language, or undefined (a string is the text in every language). */
function localNames(v: unknown): Record<string, string> | undefined {
  if (typeof v === 'string' && v.trim()) return { und: v };
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string' && x.trim()) out[k] = x;
  return Object.keys(out).length ? out : undefined;
}

/**
 * Rings that cross the antimeridian (Fiji, Chukotka) made continuous: a jump of more than 180° in longitude between two
 * points is undone (±360°), so that a ring is never drawn as a line across the whole map from one edge to the other.
 */
function unwrap(g: Geometry): Geometry {
  const polys: Position[][][] =
    g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  for (const poly of polys)
    for (const ring of poly) {
      let shift = 0;
      for (let i = 1; i < ring.length; i++) {
        const d = ring[i]![0]! + shift - ring[i - 1]![0]!;
        if (d > 180) shift -= 360;
        else if (d < -180) shift += 360;
        if (shift) ring[i] = [ring[i]![0]! + shift, ring[i]![1]!];
      }
    }
  return g;
}

/** Decodes the bundled TopoJSON (objects `regions` and `countries`, members `bbox`, `home`, `note`, `attribution`). */
export function decodeMapGeo(topology: unknown): MapGeoData {
  const topo = topology as Topology<{ regions: GeometryCollection; countries: GeometryCollection }> & {
    home?: string;
    note?: Record<string, string>;
    attribution?: string;
  };
  const [w, s, e, n] = (topo.bbox ?? []) as number[];
  return {
    regions: feature(topo, topo.objects.regions) as unknown as MapGeoData['regions'],
    countries: feature(topo, topo.objects.countries) as unknown as MapGeoData['countries'],
    home: topo.home,
    box: w === undefined ? undefined : { lon: [w, e!], lat: [s!, n!] },
    note: topo.note,
    attribution: topo.attribution,
  };
}

/**
 * Decodes world-atlas's `countries` (Natural Earth admin-0; ids are ISO 3166-1 numeric codes, `iso2` maps them to
 * alpha-2 for names in the reader's language). A country without a code (Kosovo, Somaliland…) takes its name as id.
 */
export function decodeWorldGeo(topology: unknown, iso2: Readonly<Record<string, string>>): MapGeoData {
  const topo = topology as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topo, topo.objects.countries) as unknown as FeatureCollection<
    Geometry,
    { name: string }
  >;
  const features: GeoFeature[] = fc.features.map((f) => {
    const code = f.id === undefined ? undefined : String(f.id);
    const props: GeoProps = { id: code ?? slug(f.properties.name), name: f.properties.name };
    const a2 = code === undefined ? undefined : iso2[code];
    if (a2) props.iso2 = a2;
    return { type: 'Feature', properties: props, geometry: unwrap(f.geometry) };
  });
  return {
    regions: collection([]),
    countries: collection(features),
    attribution: 'Natural Earth',
  };
}

const EXPECTED =
  'a TopoJSON Topology or a GeoJSON FeatureCollection of Polygon or MultiPolygon features, in longitude/latitude degrees (WGS84)';

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v !== 'object') return `a ${typeof v}`;
  const t = (v as { type?: unknown }).type;
  return typeof t === 'string' ? `an object of type "${t}"` : 'an object with no "type"';
}

/** Checks that every position of a polygon geometry is [lon, lat] in degrees; returns the first that is not. */
function badPosition(g: Geometry): Position | null {
  const polys: Position[][][] =
    g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  for (const poly of polys) {
    if (!Array.isArray(poly)) return [NaN, NaN];
    for (const ring of poly) {
      if (!Array.isArray(ring) || ring.length < 4) return [NaN, NaN];
      for (const p of ring) {
        const [lon, lat] = Array.isArray(p) ? p : [NaN, NaN];
        if (typeof lon !== 'number' || typeof lat !== 'number') return [NaN, NaN];
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) return p;
      }
    }
  }
  return null;
}

/** The admin level a feature states (`level`, `admin_level` or `adminLevel`): 0 a country, 1 and more a region. */
function levelOf(p: Record<string, unknown>): number | undefined {
  const v = p['level'] ?? p['admin_level'] ?? p['adminLevel'];
  const n = typeof v === 'string' ? Number(v.replace(/^adm/i, '')) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/**
 * Decodes a geometry a page gives (see docs/map.md): a TopoJSON Topology (every object, converted) or a GeoJSON
 * FeatureCollection (or a single Feature). Polygon and MultiPolygon features are kept; each one's id is
 * `properties.id`, else the feature's `id`, else its name as a slug; its name is `properties.name` (a string or
 * `{ "fr": …, "en": … }`). Features of admin level 0 (`properties.level`, `admin_level`) — or, in a Topology, of an
 * object named `countries` — are countries (context); the others are regions (the map's subject). Optional members of
 * the root: `note` (by language) and `attribution` (the credit). Throws a {@link GeoError} saying what was expected.
 */
export function decodePageGeo(input: unknown): MapGeoData {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw new GeoError('(root)', `expected ${EXPECTED}; got ${typeOf(input)}`);
  const root = input as Record<string, unknown>;
  const parts: { features: Feature[]; countries: boolean; path: string }[] = [];
  if (root['type'] === 'Topology') {
    const objects = root['objects'];
    if (!objects || typeof objects !== 'object' || !Array.isArray(root['arcs']))
      throw new GeoError('(root)', 'a TopoJSON Topology needs "objects" and "arcs"');
    for (const [name, o] of Object.entries(objects as Record<string, unknown>)) {
      let fc: FeatureCollection | Feature;
      try {
        fc = feature(input as Topology, o as GeometryCollection) as FeatureCollection | Feature;
      } catch (e) {
        throw new GeoError(`objects.${name}`, `the object could not be decoded (${(e as Error).message})`);
      }
      parts.push({
        features: fc.type === 'FeatureCollection' ? fc.features : [fc],
        countries: name === 'countries',
        path: `objects.${name}`,
      });
    }
  } else if (root['type'] === 'FeatureCollection') {
    if (!Array.isArray(root['features']))
      throw new GeoError('features', 'a GeoJSON FeatureCollection needs a "features" array');
    parts.push({ features: root['features'] as Feature[], countries: false, path: 'features' });
  } else if (root['type'] === 'Feature') {
    parts.push({ features: [input as Feature], countries: false, path: '(root)' });
  } else throw new GeoError('(root)', `expected ${EXPECTED}; got ${typeOf(input)}`);

  const regions: GeoFeature[] = [];
  const countries: GeoFeature[] = [];
  const seen = new Set<string>();
  for (const part of parts)
    part.features.forEach((f, i) => {
      const path = `${part.path}[${i}]`;
      if (!f || typeof f !== 'object' || f.type !== 'Feature')
        throw new GeoError(path, `expected a GeoJSON Feature; got ${typeOf(f)}`);
      const g = f.geometry;
      if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return; // points, lines: not areas
      const bad = badPosition(g);
      if (bad)
        throw new GeoError(
          `${path}.geometry`,
          Number.isNaN(bad[0])
            ? 'expected polygon rings of [longitude, latitude] positions (at least 4 each)'
            : `expected longitude/latitude degrees (WGS84); found [${bad.slice(0, 2).join(', ')}] (projected coordinates?)`,
        );
      const p = (f.properties ?? {}) as Record<string, unknown>;
      const names = localNames(p['name']);
      const name = names ? (names['und'] ?? Object.values(names)[0]!) : '';
      const rawId = p['id'] ?? f.id;
      const id =
        typeof rawId === 'string' || typeof rawId === 'number'
          ? String(rawId)
          : name
            ? slug(name)
            : `${part.path}-${i}`;
      const props: GeoProps = { id, name };
      if (names && !names['und']) props.names = names;
      const level = levelOf(p);
      const isCountry = level !== undefined ? level === 0 : part.countries;
      // an id seen twice would make `region="…"` ambiguous: the second keeps its place in the list
      if (seen.has(`${isCountry}|${id}`)) props.id = `${id}-${i}`;
      seen.add(`${isCountry}|${props.id}`);
      (isCountry ? countries : regions).push({ type: 'Feature', properties: props, geometry: g });
    });
  if (!regions.length && !countries.length)
    throw new GeoError('(root)', `expected ${EXPECTED}; found no Polygon or MultiPolygon feature`);
  const home = root['home'];
  return {
    regions: collection(regions),
    countries: collection(countries),
    home: typeof home === 'string' ? home : undefined,
    note: localNames(root['note']),
    attribution: typeof root['attribution'] === 'string' ? root['attribution'] : undefined,
  };
}
