/**
 * The radar chart of the seven group scores. Loaded only with import() from the summary
 * screen, so Chart.js never weighs on the first screen. Registers just what a radar needs.
 * The chart is decoration for sighted users: the score table beside it is the accessible form.
 */
import { Chart, Filler, LineElement, PointElement, RadarController, RadialLinearScale, Tooltip } from 'chart.js';

Chart.register(RadarController, RadialLinearScale, PointElement, LineElement, Filler, Tooltip);

export interface RadarInput {
  /** One entry per axis; an array is drawn as several lines. */
  labels: (string | string[])[];
  /** 0–100 per axis. */
  values: number[];
  /** Name of the series, shown in the tooltip. */
  seriesLabel: string;
  /** BCP 47 locale for numbers, e.g. "vi-VN". */
  locale: string;
}

export interface RadarHandle {
  update(input: RadarInput): void;
  destroy(): void;
}

const TEXT = '#1a1a1a';
const GRID = '#9a9a9a';
const LINE = '#0b5d4b';
const FILL = 'rgba(11, 93, 75, 0.18)';

export function drawRadar(canvas: HTMLCanvasElement, input: RadarInput): RadarHandle {
  const chart = new Chart(canvas, {
    type: 'radar',
    data: {
      labels: input.labels,
      datasets: [
        {
          label: input.seriesLabel,
          data: input.values,
          borderColor: LINE,
          backgroundColor: FILL,
          pointBackgroundColor: LINE,
          pointRadius: 3,
          borderWidth: 2,
          fill: true,
        },
      ],
    },
    options: {
      locale: input.locale,
      // Cheap phones: no animation, and draw at most at 2× density.
      animation: false,
      devicePixelRatio: Math.min(2, globalThis.devicePixelRatio || 1),
      responsive: true,
      maintainAspectRatio: true,
      aspectRatio: 1,
      plugins: { tooltip: { enabled: true } },
      scales: {
        r: {
          min: 0,
          max: 100,
          beginAtZero: true,
          ticks: { stepSize: 25, color: TEXT, backdropColor: 'rgba(255,255,255,0.8)', font: { size: 11 } },
          grid: { color: GRID },
          angleLines: { color: GRID },
          pointLabels: { color: TEXT, font: { size: 11, weight: 'bold' }, padding: 4 },
        },
      },
    },
  });
  return {
    update(next) {
      chart.data.labels = next.labels;
      const ds = chart.data.datasets[0];
      if (ds) {
        ds.data = next.values;
        ds.label = next.seriesLabel;
      }
      chart.options.locale = next.locale;
      chart.update('none');
    },
    destroy() {
      chart.destroy();
    },
  };
}
