// Smallest ECharts bundle that draws the treemap (tree-shaken build, for the size column only).
import * as echarts from 'echarts/core';
import { TreemapChart } from 'echarts/charts';
import { CanvasRenderer } from 'echarts/renderers';
import { install } from './echarts.mjs';
echarts.use([TreemapChart, CanvasRenderer]);
install(echarts);
