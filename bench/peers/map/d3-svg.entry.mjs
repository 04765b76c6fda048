// Smallest d3 bundle for the SVG map floor (tree-shaken build, for the size column only).
import { select, geoMercator, geoPath, scaleOrdinal, schemeTableau10 } from 'd3';
import { install } from './d3-svg.mjs';
install({ select, geoMercator, geoPath, scaleOrdinal, schemeTableau10 });
