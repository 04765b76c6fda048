// Smallest d3 bundle for the SVG floor (tree-shaken build, for the size column only).
import { hierarchy, treemap, select, scaleOrdinal, schemeTableau10 } from 'd3';
import { install } from './d3-svg.mjs';
install({ hierarchy, treemap, select, scaleOrdinal, schemeTableau10 });
