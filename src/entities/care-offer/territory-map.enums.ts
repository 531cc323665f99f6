import { registerEnumType } from "type-graphql";

/** Measures drawn on the maps of régions, départements and EPCI (`mapUrl`). */
export enum MapMeasure {
  ZONES_ROUGES = "zonesRouges",
  APL = "apl",
  POPULATION = "population",
}

/** The level a map draws its territories at. */
export enum MapLevel {
  DEPARTMENT = "departements",
  EPCI = "epcis",
  COMMUNE = "communes",
}

/** The form of a map: the image, or its table alternative. */
export enum MapFormat {
  SVG = "svg",
  PNG = "png",
  HTML = "html",
  JSON = "json",
}

/** The language of a map's titles, legend and notes. */
export enum MapLanguage {
  FR = "fr",
  EN = "en",
}

registerEnumType(MapMeasure, {
  name: "MapMeasure",
  description: "What a map draws.",
  valuesConfig: {
    ZONES_ROUGES: {
      description:
        "Zones rouges, drawn per EPCI: designated (confirmed or unconfirmed), not designated where the région's list is complete, unknown (hatched) where it is not; each région's completeness is printed.",
    },
    APL: { description: "APL (accessibilité potentielle localisée) to GPs: per commune as DREES publishes it, or the population-weighted mean for an EPCI or a département." },
    POPULATION: { description: "Legal population (COG 2026)." },
  },
});
registerEnumType(MapLevel, {
  name: "MapLevel",
  description: "The territories a map is drawn by.",
  valuesConfig: {
    DEPARTMENT: { description: "By département (/maps/departements)." },
    EPCI: { description: "By EPCI (/maps/epcis)." },
    COMMUNE: { description: "By commune (/maps/communes)." },
  },
});
registerEnumType(MapFormat, {
  name: "MapFormat",
  description: "The form of a map.",
  valuesConfig: {
    SVG: { description: "SVG image, self-contained, with a title per territory." },
    PNG: { description: "PNG image, 1,920 pixels wide." },
    HTML: { description: "The table alternative as an HTML page: territory, value, source, vintage, sortable (add fragment=1 for the table alone)." },
    JSON: { description: "The table alternative as JSON: exact values, sources, notes." },
  },
});
registerEnumType(MapLanguage, {
  name: "MapLanguage",
  description: "The language of a map's texts and numbers.",
  valuesConfig: { FR: { description: "French (the default): 1 234,5; 27 juin 2025." }, EN: { description: "English: 1,234.5; 27 June 2025." } },
});
