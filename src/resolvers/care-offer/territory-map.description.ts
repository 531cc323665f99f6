/** Shared wording of the territories' `mapUrl` fields. */
const COMMON =
  "As a path relative to the API's address (e.g. http://localhost:4000/maps/epcis.svg?measure=zonesRouges&region=76): an SVG or PNG image, " +
  "or its table alternative (HTML, JSON) listing each territory's value, source and vintage. French by default. " +
  "Null when that level does not draw the measure (zones rouges are drawn by EPCI only).";

export const TERRITORY_MAP_DESCRIPTIONS = {
  region: `Address of a map of the région: its EPCI by default (level), or its communes or départements. ${COMMON}`,
  department: `Address of a map of the département: its EPCI by default (level), or its communes; null at DEPARTMENT level. ${COMMON}`,
  epci: `Address of a map of the EPCI: its communes by default (level COMMUNE); at level EPCI, the map of the EPCI of its région, where it is drawn among its neighbours; null at DEPARTMENT level. ${COMMON}`,
};
