import type uPlot from 'uplot';

/** Every chart made in the current test, newest last (jsdom has no canvas for the real uPlot). */
export const plots: FakeUPlot[] = [];

/** Records what a component asks uPlot to draw. */
export class FakeUPlot {
  static pxRatio = 1;
  static paths = { bars: () => () => null };
  opts: uPlot.Options;
  data: uPlot.AlignedData;
  width: number;
  destroyed = false;

  constructor(opts: uPlot.Options, data: uPlot.AlignedData, target: HTMLElement) {
    this.opts = opts;
    this.data = data;
    this.width = opts.width;
    target.appendChild(document.createElement('canvas'));
    plots.push(this);
  }

  setData(data: uPlot.AlignedData) {
    this.data = data;
  }

  setSize({ width }: { width: number; height: number }) {
    this.width = width;
  }

  destroy() {
    this.destroyed = true;
  }
}
