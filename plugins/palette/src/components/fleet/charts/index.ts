export { BarList, type Bar } from './BarList';
export { ColumnChart, type Column } from './ColumnChart';
export { LineChart, type LinePoint } from './LineChart';
export { SERIES_COLORS, seriesColor } from './colors';
