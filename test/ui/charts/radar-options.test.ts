import { describe, expect, it } from 'vitest';
import { radarOptions } from '../../../src/ui/charts/radar-options';

describe('radar tick labels (issue #10 item 10)', () => {
  const ticks = radarOptions('vi-VN').scales?.r?.ticks;

  it('are drawn above the data line, not under it', () => {
    // Chart.js draws a scale layer with z > 0 after the datasets.
    expect(ticks?.z).toBeGreaterThan(0);
  });

  it('sit on an opaque backdrop, so a line passing behind does not cross the digits', () => {
    expect(ticks?.showLabelBackdrop).toBe(true);
    expect(ticks?.backdropColor).toMatch(/^#(fff|ffffff)$/iu);
    expect(ticks?.stepSize).toBe(25);
  });
});
