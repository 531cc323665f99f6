/**
 * The GraphQL operations the embed sends, written once. `npm run embed:build` writes their
 * manifest (`embed/<version>/documents.json`, `{ "sha256:<hex>": "<text>" }`) and their ids
 * (`documents.ts`); the server registers the manifest as public documents when it starts, and
 * the components call them by id only, by GET, so that browsers and proxies may keep the answers.
 *
 * Changing a text changes its id: the served version's bundle would then call documents the
 * server no longer registers. Change them only in a new version (docs/embed.md#versions).
 * This module imports nothing and uses no DOM: the build runs it in Node.
 */

// Selections are interpolated rather than written as GraphQL fragments: the API's depth limit
// (12) counts each fragment spread as a level, and a commune's card reaches its région's
// completeness through its EPCI.

/** Where a figure comes from: printed next to it. */
const SOURCE = "{ producer title vintage vintageInferred publishedOn url licence }";
/** A figure with its unit, date, caveats and source. */
const MEASURE = `{ value unit date method note source ${SOURCE} }`;
/** A région with the completeness of its list of zones rouges. */
const REGION = `{ code name zonesRougesCoverage { known confirmed unconfirmed expected complete expectedSource ${SOURCE} } }`;
/** An initiative, its carriers and its source. */
const INITIATIVE = `{ id title kind status startedOn carriers { name } source ${SOURCE} }`;
/** A zone-rouge designation and its source. */
const DESIGNATION = `{ designatedOn confirmed note source ${SOURCE} }`;
/** An EPCI as a territory card shows it: its régions carry the completeness its zone-rouge status depends on. */
const EPCI = `{ siren name kind population apl ${MEASURE} zoneRouge ${DESIGNATION} departments { code name region ${REGION} } initiatives ${INITIATIVE} }`;
/** The populations' and territories' source (INSEE COG), from the dataset catalogue. */
const TERRITORIES = 'territories: dataset(id: "territories") { producer title vintage url licence }';

export const OPERATIONS = {
  /** `<ts-zones-rouges region="76">`: the région's zones rouges (unconfirmed ones marked), their initiatives, the list's completeness. */
  zonesRouges:
    "query EmbedZonesRouges($region: ID!) { region(code: $region) { code name zonesRougesCoverage { known confirmed unconfirmed expected complete " +
    `expectedSource ${SOURCE} } zonesRouges(includeUnconfirmed: true) { siren name population zoneRouge ${DESIGNATION} initiatives ${INITIATIVE} } } ${TERRITORIES} }`,
  /** `<ts-territoire commune="38316">`: the commune, its EPCI, its département's GP density. */
  commune:
    `query EmbedCommune($code: ID!) { commune(code: $code) { code name population formerCodeGiven apl ${MEASURE} ` +
    `department { code name gpDensity ${MEASURE} region ${REGION} } epci ${EPCI} initiatives ${INITIATIVE} } ${TERRITORIES} }`,
  /** `<ts-territoire epci="200035327">`. */
  epci: `query EmbedEpciCard($siren: ID!) { epci(siren: $siren) ${EPCI} ${TERRITORIES} }`,
  /** `<ts-territoire departement="46">`: with its zones rouges and its région's completeness. */
  departement:
    `query EmbedDepartement($code: ID!) { department(code: $code) { code name population gpDensity ${MEASURE} apl ${MEASURE} region ${REGION} ` +
    `zonesRouges(includeUnconfirmed: true) { siren name zoneRouge ${DESIGNATION} } initiatives ${INITIATIVE} } ${TERRITORIES} }`,
} as const;

export type OperationName = keyof typeof OPERATIONS;

/** The document text of an operation, as registered and hashed. */
export const documentText = (name: OperationName): string => OPERATIONS[name];
