// Smallest d3 bundle for the SVG floor (tree-shaken build, for the size column only).
import { scaleLinear, select } from 'd3';
import { install } from './d3-svg.mjs';
install({ scaleLinear, select });
