import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { count } from '../support/figures';
import { METRICS, relativeSeries } from './growth';
import type { ScalePoint } from './scale-point';

const WIDTH = 1200;
const HEIGHT = 520;

/**
 * The `--scale` chart as a PNG: ECharts lays it out (server-side, to SVG) and resvg rasterises it; both come
 * from the npm registry, resvg's renderer as a prebuilt platform package, nothing fetched at run time. Left:
 * totals against the dashed line of linear growth; right: per-unit costs against the dashed line of "flat".
 * Both divided by their value at the smallest size, so that every cost shares one axis.
 */
export function scaleChartPng(points: readonly ScalePoint[]): Buffer {
  const sizes = points.map((p) => p.certificates);
  const smallest = Math.min(...sizes);
  const largest = Math.max(...sizes);
  const panel = (kind: 'total' | 'per-unit', index: 0 | 1): echarts.SeriesOption[] => [
    ...METRICS.filter((m) => m.kind === kind).map(
      (metric): echarts.SeriesOption => ({
        type: 'line',
        name: metric.label,
        xAxisIndex: index,
        yAxisIndex: index,
        data: relativeSeries(metric, points),
        symbolSize: 7,
      }),
    ),
    {
      type: 'line',
      name: kind === 'total' ? 'linear' : 'flat',
      xAxisIndex: index,
      yAxisIndex: index,
      data: kind === 'total' ? [[smallest, 1], [largest, largest / smallest]] : [[smallest, 1], [largest, 1]],
      lineStyle: { type: 'dashed', color: '#888' },
      itemStyle: { color: '#888' },
      symbol: 'none',
    },
  ];
  const axisLabel = { formatter: (value: number) => count(value) };
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      title: [
        { text: 'Totals ÷ their value at the smallest size (dashed: linear)', left: '4%', top: 8, textStyle: { fontSize: 14 } },
        { text: 'Per-unit costs ÷ their value at the smallest size (dashed: flat)', left: '53%', top: 8, textStyle: { fontSize: 14 } },
      ],
      legend: [
        { data: [...METRICS.filter((m) => m.kind === 'total').map((m) => m.label), 'linear'], left: '4%', bottom: 8, width: '44%', itemGap: 28 },
        { data: [...METRICS.filter((m) => m.kind === 'per-unit').map((m) => m.label), 'flat'], left: '53%', bottom: 8, width: '44%', itemGap: 28 },
      ],
      grid: [
        { left: '6%', right: '53%', top: 50, bottom: 110 },
        { left: '55%', right: '3%', top: 50, bottom: 110 },
      ],
      xAxis: [0, 1].map((gridIndex) => ({ type: 'log', gridIndex, name: 'certificates', nameLocation: 'middle', nameGap: 28, axisLabel, min: smallest, max: largest })),
      yAxis: [0, 1].map((gridIndex) => ({ type: 'log', gridIndex, axisLabel: { formatter: (value: number) => `${value}×` } })),
      series: [...panel('total', 0), ...panel('per-unit', 1)],
    });
    const svg = chart.renderToSVGString();
    return new Resvg(svg, { background: '#ffffff', font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
  } finally {
    chart.dispose();
  }
}
