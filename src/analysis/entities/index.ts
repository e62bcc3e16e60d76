export {
  collectEntities,
  type CollectedEntity,
  type EntityMention,
  type EntitySource,
} from './collectEntities.js';
export { extractPeople, type PersonMention } from './extractPeople.js';
export { extractOrganisations, initials } from './extractOrganisations.js';
export { extractPlaces } from './extractPlaces.js';
