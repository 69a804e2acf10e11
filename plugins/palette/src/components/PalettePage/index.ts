export { PalettePage } from './PalettePage';
