export {
  generateProfile,
  mapInventory,
  PROPOSED_VERSION,
  UNKNOWN_REPOSITORY,
} from './generateProfile';
