/**
 * The dashboard's two bar charts. Fetched with import() by ./BarChart.tsx only, so Chart.js stays
 * out of every other chunk; registers only what bar charts need. The tables beside the charts
 * carry the same numbers for screen readers and keyboard users.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface BarSeries {
  label: string;
  values: (number | null)[];
  color: string;
}

export interface BarInput {
  labels: (string | string[])[];
  series: BarSeries[];
  /** Top of the value axis (100 for scores). */
  max: number;
  /** Whole-number ticks (counts of communes). */
  integer?: boolean;
  locale: string;
}

export interface BarHandle {
  update(input: BarInput): void;
  destroy(): void;
}

const TEXT = '#1a1a1a';
const GRID = '#d0d0d0';

function datasets(input: BarInput) {
  return input.series.map((s) => ({
    label: s.label,
    data: s.values,
    backgroundColor: s.color,
    borderColor: s.color,
    borderWidth: 1,
    maxBarThickness: 48,
  }));
}

export function drawBars(canvas: HTMLCanvasElement, input: BarInput): BarHandle {
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels: input.labels, datasets: datasets(input) },
    options: {
      locale: input.locale,
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: { display: input.series.length > 1, labels: { color: TEXT } },
        tooltip: { enabled: true },
      },
      scales: {
        x: { ticks: { color: TEXT }, grid: { display: false } },
        y: {
          min: 0,
          max: input.max,
          ticks: { color: TEXT, precision: input.integer ? 0 : 1 },
          grid: { color: GRID },
        },
      },
    },
  });
  return {
    update(next) {
      chart.data.labels = next.labels;
      chart.data.datasets = datasets(next);
      const y = chart.options.scales?.y;
      if (y) y.max = next.max;
      chart.options.locale = next.locale;
      chart.update('none');
    },
    destroy() {
      chart.destroy();
    },
  };
}
