/**
 * The radar's Chart.js options, apart from the drawing so that a test can read them without a
 * canvas. The 25/50/75 tick labels sit on the vertical axis, where the data line often crosses
 * them: they are drawn above the datasets (ticks.z > 0) on an opaque backdrop, so the line passes
 * under a label instead of through it (issue #10 item 10).
 */
import type { ChartOptions } from 'chart.js';

const TEXT = '#1a1a1a';
const GRID = '#9a9a9a';

export function radarOptions(locale: string): ChartOptions<'radar'> {
  return {
    locale,
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
        ticks: {
          stepSize: 25,
          color: TEXT,
          // Drawn after the data (z > 0), on a white card, with a little room around the digits.
          z: 1,
          showLabelBackdrop: true,
          backdropColor: '#ffffff',
          backdropPadding: 2,
          font: { size: 11, weight: 'bold' },
        },
        grid: { color: GRID },
        angleLines: { color: GRID },
        pointLabels: { color: TEXT, font: { size: 11, weight: 'bold' }, padding: 4 },
      },
    },
  };
}
