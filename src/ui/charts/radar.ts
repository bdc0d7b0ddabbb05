/**
 * The radar chart of the seven group scores. Loaded only with import() from the summary
 * screen, so Chart.js never weighs on the first screen. Registers just what a radar needs.
 * The chart is decoration for sighted users: the score table beside it is the accessible form.
 */
import { Chart, Filler, LineElement, PointElement, RadarController, RadialLinearScale, Tooltip } from 'chart.js';

import { radarOptions } from './radar-options';

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
    options: radarOptions(input.locale),
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
