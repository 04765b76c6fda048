// Smallest ECharts bundle that draws the points map (tree-shaken build, for the size column only).
import * as echarts from 'echarts/core';
import { ScatterChart } from 'echarts/charts';
import { GeoComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { install } from './echarts.mjs';
echarts.use([ScatterChart, GeoComponent, CanvasRenderer]);
install(echarts);
