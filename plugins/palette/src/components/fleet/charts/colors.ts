/** Colours of chart series, distinguishable on light and dark themes. */
export const SERIES_COLORS = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#9467bd',
  '#17becf',
  '#e377c2',
  '#8c564b',
  '#bcbd22',
  '#7f7f7f',
];

/** The colour of the `index`th series. */
export const seriesColor = (index: number) =>
  SERIES_COLORS[index % SERIES_COLORS.length];
