import { GEO_BOX, type MapGeoData } from '../../layout/facility-map';

/** Natural Earth's 1:110m countries (about 38 KB gzip) or 1:50m (about 230 KB gzip), from world-atlas. */
export type WorldResolution = '110m' | '50m';

const decoded = new Map<WorldResolution, MapGeoData>();
const loads = new Map<WorldResolution, Promise<void>>();

/** The world's country outlines at a resolution, once loaded (see {@link loadWorldGeo}). */
export const worldGeo = (res: WorldResolution): MapGeoData | undefined => decoded.get(res);

/**
 * Loads Natural Earth's country outlines (world-atlas) from their own chunk — fetched only by a map whose places lie
 * beyond the bundled geometry — and decodes them once per page. A failed load is forgotten: the next map tries again.
 */
export function loadWorldGeo(res: WorldResolution): Promise<void> {
  let load = loads.get(res);
  if (!load) {
    load = Promise.all([
      res === '50m' ? import('world-atlas/countries-50m.json') : import('world-atlas/countries-110m.json'),
      import('../../../data/geo/world-iso2.json'),
      import('../../layout/geo-decode'),
    ]).then(([world, iso2, decode]) => {
      decoded.set(res, decode.decodeWorldGeo(world.default, iso2.default));
    });
    load.catch(() => loads.delete(res));
    loads.set(res, load);
  }
  return load;
}

/** Whether a [lon, lat] point lies in the box of the bundled geometry. */
export const inBundledBox = (p: readonly [number, number]): boolean =>
  p[0] >= GEO_BOX.lon[0] && p[0] <= GEO_BOX.lon[1] && p[1] >= GEO_BOX.lat[0] && p[1] <= GEO_BOX.lat[1];

/**
 * What a map needs to draw its places: the bundled geometry when every place lies in its box, else the world's
 * outlines — at 1:50m for a view narrower than about 25° (a country, a city), at 1:110m for a continent.
 */
export function geometryFor(points: readonly (readonly [number, number])[]): 'bundled' | WorldResolution {
  if (points.every(inBundledBox)) return 'bundled';
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const span = Math.max(Math.max(...lons) - Math.min(...lons), Math.max(...lats) - Math.min(...lats));
  return span < 25 ? '50m' : '110m';
}
