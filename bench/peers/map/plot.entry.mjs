// Smallest Plot bundle that draws the points map (tree-shaken build, for the size column only).
import { plot, geo, dot } from '@observablehq/plot';
import { install } from './plot.mjs';
install({ Plot: { plot, geo, dot } });
