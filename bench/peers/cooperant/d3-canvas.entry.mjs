// Smallest d3 bundle for the canvas floor (tree-shaken build, for the size column only).
import { scaleLinear } from 'd3';
import { install } from './d3-canvas.mjs';
install({ scaleLinear });
