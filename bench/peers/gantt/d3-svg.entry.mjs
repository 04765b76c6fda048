// Smallest d3 bundle for the Gantt floor (tree-shaken build, for the size column only).
import { select, scaleUtc, scaleOrdinal, schemeTableau10, min, max, utcYear } from 'd3';
import { install } from './d3-svg.mjs';
install({ select, scaleUtc, scaleOrdinal, schemeTableau10, min, max, utcYear });
