export {
  EntityProfileContent,
  isPaletteProfileEntity,
} from './EntityProfileContent';
