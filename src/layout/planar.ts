import type { Geometry, GeoJsonObject, Position } from 'geojson';

/**
 * A small spherical Mercator for one region of the world, in place of d3-geo (which weighs ~11 KB gzip in the bundle
 * for clipping and resampling the map does not need: the Natural Earth borders are dense, the area is small and far
 * from the antimeridian). Same formulas as d3's `geoMercator` and `fitExtent`: screen = (tx + k·λ, ty − k·ln tan(π/4 + φ/2)).
 */
export interface Planar {
  (p: readonly [number, number] | Position): [number, number];
  invert(p: readonly [number, number]): [number, number];
  k: number;
  tx: number;
  ty: number;
}

const RAD = Math.PI / 180;
const rawY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2));

/** Calls `f` with every position of a GeoJSON object. */
function eachPosition(o: GeoJsonObject | Geometry, f: (p: Position) => void): void {
  const g = o as {
    type: string;
    coordinates?: unknown;
    geometries?: Geometry[];
    geometry?: Geometry;
    features?: GeoJsonObject[];
  };
  switch (g.type) {
    case 'FeatureCollection':
      g.features!.forEach((x) => eachPosition(x, f));
      return;
    case 'Feature':
      if (g.geometry) eachPosition(g.geometry, f);
      return;
    case 'GeometryCollection':
      g.geometries!.forEach((x) => eachPosition(x, f));
      return;
    case 'Point':
      f(g.coordinates as Position);
      return;
    case 'MultiPoint':
    case 'LineString':
      (g.coordinates as Position[]).forEach(f);
      return;
    case 'MultiLineString':
    case 'Polygon':
      (g.coordinates as Position[][]).forEach((r) => r.forEach(f));
      return;
    case 'MultiPolygon':
      (g.coordinates as Position[][][]).forEach((p) => p.forEach((r) => r.forEach(f)));
  }
}

/** A Mercator projection fitted (centred, aspect kept) to `object` inside the extent [[x0, y0], [x1, y1]]. */
export function mercatorFit(extent: [[number, number], [number, number]], object: GeoJsonObject): Planar {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  // indexed reads, no destructuring: the fits of a first paint run in code not yet optimised
  eachPosition(object, (p) => {
    const x = p[0]! * RAD;
    const y = rawY(p[1]!);
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  });
  const [[ex0, ey0], [ex1, ey1]] = extent;
  const w = ex1 - ex0;
  const h = ey1 - ey0;
  const k = Math.min(w / (x1 - x0), h / (y1 - y0));
  const tx = ex0 + (w - k * (x1 - x0)) / 2 - k * x0;
  const ty = ey0 + (h - k * (y1 - y0)) / 2 + k * y1;
  const project = ((p: readonly [number, number] | Position): [number, number] => [
    tx + k * p[0]! * RAD,
    ty - k * rawY(p[1]!),
  ]) as Planar;
  project.invert = ([px, py]) => [
    (px - tx) / k / RAD,
    (2 * Math.atan(Math.exp((ty - py) / k)) - Math.PI / 2) / RAD,
  ];
  project.k = k;
  project.tx = tx;
  project.ty = ty;
  return project;
}

type Pt = [number, number];
type Box = [number, number, number, number];

/**
 * Sutherland–Hodgman: the part of a closed ring inside the box, cut by the box's left, right, top and bottom edges in
 * turn (one loop for the four, no function per point: a first paint runs it in code not yet optimised).
 */
function clipRing(ring: Pt[], box: Box): Pt[] {
  let out = ring;
  for (let e = 0; e < 4 && out.length; e++) {
    const input = out;
    const n = input.length;
    // the edge: x (e = 0, 1) or y (2, 3) at least (0, 2) or at most (1, 3) the box's value
    const ax = e < 2 ? 0 : 1;
    const v = box[e === 0 ? 0 : e === 1 ? 2 : e === 2 ? 1 : 3];
    const low = e % 2 === 0;
    out = [];
    let prev = input[n - 1]!;
    let prevIn = low ? prev[ax]! >= v : prev[ax]! <= v;
    for (let i = 0; i < n; i++) {
      const cur = input[i]!;
      const curIn = low ? cur[ax]! >= v : cur[ax]! <= v;
      if (curIn !== prevIn) {
        // where the segment from prev to cur crosses the edge
        const a = prev;
        const b = cur;
        out.push(
          ax === 0
            ? [v, a[1] + ((b[1] - a[1]) * (v - a[0])) / (b[0] - a[0])]
            : [a[0] + ((b[0] - a[0]) * (v - a[1])) / (b[1] - a[1]), v],
        );
      }
      if (curIn) out.push(cur);
      prev = cur;
      prevIn = curIn;
    }
  }
  return out;
}

function polygons(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(polygons);
  return [];
}

/**
 * The SVG path, planar centroid and extent ([x0, y0, x1, y1], empty: Infinity) of the polygons of `object`,
 * projected and clipped to `box`. With `minStep` (px), the path leaves out each point nearer than that to the last
 * one written, on both axes (a small map such as the inset locator: Natural Earth's borders have many points per
 * pixel there), and a ring left with fewer than three points; the centroid and extent are of every point.
 */
export function planarPath(
  projection: Planar,
  object: GeoJsonObject,
  box: Box = [-Infinity, -Infinity, Infinity, Infinity],
  minStep = 0,
): { d: string; centroid: [number, number]; extent: Box } {
  const geoms: Geometry[] =
    object.type === 'FeatureCollection'
      ? (object as unknown as { features: { geometry: Geometry }[] }).features.map((f) => f.geometry)
      : object.type === 'Feature'
        ? [(object as unknown as { geometry: Geometry }).geometry]
        : [object as Geometry];
  const r = (v: number) => Math.round(v * 10) / 10;
  let d = '';
  let area = 0;
  let cx = 0;
  let cy = 0;
  const extent: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const clip = Number.isFinite(box[0]);
  // indexed reads, no destructuring, no function per point: a first paint runs this in code not yet optimised
  for (const g of geoms)
    for (const poly of polygons(g))
      for (const ring of poly) {
        const pts: Pt[] = new Array(Math.max(0, ring.length - 1));
        for (let i = 0; i < ring.length - 1; i++) pts[i] = projection(ring[i]!);
        const clipped = clip ? clipRing(pts, box) : pts;
        const n = clipped.length;
        if (n < 3) continue;
        let path = '';
        let kept = 0;
        let lx = 0;
        let ly = 0;
        for (let i = 0; i < n; i++) {
          const p = clipped[i]!;
          const x = p[0];
          const y = p[1];
          if (x < extent[0]) extent[0] = x;
          if (y < extent[1]) extent[1] = y;
          if (x > extent[2]) extent[2] = x;
          if (y > extent[3]) extent[3] = y;
          const q = clipped[i + 1 < n ? i + 1 : 0]!;
          const cross = x * q[1] - q[0] * y;
          area += cross;
          cx += (x + q[0]) * cross;
          cy += (y + q[1]) * cross;
          // with minStep, a point nearer than that to the last one written is left out
          if (kept && minStep && Math.abs(x - lx) < minStep && Math.abs(y - ly) < minStep) continue;
          path += `${kept++ ? 'L' : 'M'}${r(x)},${r(y)}`;
          lx = x;
          ly = y;
        }
        if (kept > 2) d += `${path}Z`;
      }
  return { d, centroid: area ? [cx / (3 * area), cy / (3 * area)] : [NaN, NaN], extent };
}

/** Great-circle distance in radians between two [lon, lat] points (haversine). */
export function sphereDistance(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLon = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Symbols of the same area as d3's (`size` in square pixels), as SVG paths centred on 0,0: distinct shapes so that
 * no meaning rests on colour alone.
 */
export function symbolPath(
  shape: 'square' | 'triangle' | 'diamond' | 'cross' | 'circle',
  size: number,
): string {
  const r = (v: number) => Math.round(v * 10) / 10;
  const poly = (pts: [number, number][]) => `M${pts.map(([x, y]) => `${r(x)},${r(y)}`).join('L')}Z`;
  switch (shape) {
    case 'square': {
      const w = Math.sqrt(size) / 2;
      return poly([
        [-w, -w],
        [w, -w],
        [w, w],
        [-w, w],
      ]);
    }
    case 'triangle': {
      const y = -Math.sqrt(size / (Math.sqrt(3) * 3));
      return poly([
        [0, y * 2],
        [-Math.sqrt(3) * y, -y],
        [Math.sqrt(3) * y, -y],
      ]);
    }
    case 'diamond': {
      const ty = Math.sqrt(size / (2 * Math.tan(Math.PI / 6)));
      const tx = ty * Math.tan(Math.PI / 6);
      return poly([
        [0, -ty],
        [tx, 0],
        [0, ty],
        [-tx, 0],
      ]);
    }
    case 'cross': {
      const a = Math.sqrt(size / 5) / 2;
      const b = 3 * a;
      return poly([
        [-b, -a],
        [-a, -a],
        [-a, -b],
        [a, -b],
        [a, -a],
        [b, -a],
        [b, a],
        [a, a],
        [a, b],
        [-a, b],
        [-a, a],
        [-b, a],
      ]);
    }
    case 'circle': {
      const c = Math.sqrt(size / Math.PI);
      return `M${r(c)},0A${r(c)},${r(c)},0,1,1,${r(-c)},0A${r(c)},${r(c)},0,1,1,${r(c)},0`;
    }
  }
}
