import type { MapGeoData } from '../../layout/facility-map';

let geoData: MapGeoData | undefined;
let geoLoad: Promise<void> | undefined;

/** The base map, once loaded (see {@link loadMapGeo}). */
export const mapGeo = (): MapGeoData | undefined => geoData;

/**
 * Loads the bundled geometry (regions and the countries around, Natural Earth, see docs/geo-data.md) from its own
 * chunk — a page without a map, or whose places lie beyond it, never downloads it — and decodes it once per page.
 */
export const loadMapGeo = (): Promise<void> =>
  (geoLoad ??= Promise.all([
    import('../../../data/geo/mali.topo.json'),
    import('../../layout/geo-decode'),
  ]).then(([m, decode]) => {
    geoData = decode.decodeMapGeo(m.default);
  }));
