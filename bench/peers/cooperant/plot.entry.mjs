// Smallest Plot bundle that draws the unit chart (tree-shaken build, for the size column only).
import { plot, waffleX, barX, text } from '@observablehq/plot';
import { install } from './plot.mjs';
install({ Plot: { plot, waffleX, barX, text } });
