import { decodeMapGeo, type MapGeoData } from '../../layout/facility-map';

let geoData: MapGeoData | undefined;
let geoLoad: Promise<void> | undefined;

/** The base map, once loaded (see {@link loadMapGeo}). */
export const mapGeo = (): MapGeoData | undefined => geoData;

/**
 * Loads Mali's regions and neighbours (Natural Earth, see docs/geo-data.md) from their own chunk — a page without a
 * map never downloads them — and decodes them once per page.
 */
export const loadMapGeo = (): Promise<void> =>
  (geoLoad ??= import('../../../data/geo/mali.topo.json').then((m) => {
    geoData = decodeMapGeo(m.default);
  }));
