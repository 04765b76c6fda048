// Smallest d3 bundle for the canvas map floor (tree-shaken build, for the size column only).
import { geoMercator, geoPath, scaleOrdinal, schemeTableau10 } from 'd3';
import { install } from './d3-canvas.mjs';
install({ geoMercator, geoPath, scaleOrdinal, schemeTableau10 });
