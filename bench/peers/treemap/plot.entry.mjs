// Smallest Plot + d3 bundle that draws the treemap (tree-shaken build, for the size column only).
import { plot, rect, text } from '@observablehq/plot';
import { hierarchy, treemap } from 'd3';
import { install } from './plot.mjs';
install({ Plot: { plot, rect, text }, d3: { hierarchy, treemap } });
