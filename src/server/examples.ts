import type { ExampleQuery } from "./graphiql";

/**
 * The examples GraphiQL offers: open as tabs on a first visit, and listed in its "Examples" panel
 * (the book icon on the left) at any time. The first, the hero query of the partner contract, is
 * the one GraphiQL opens on. Each is a named operation: GraphiQL titles a tab with its name.
 */
export const EXAMPLE_QUERIES: ExampleQuery[] = [
  {
    title: "Zones rouges of Occitanie and what runs there",
    description: "The hero query: a région, its zones rouges (the intercommunalités where access to a doctor is worst) and the local initiatives in each.",
    query: `# Welcome to territoire-santé: French territories
# and access to health care, every figure sourced.
# Press ▶ (or Ctrl-Enter) to run this query. On the
# left: "Examples" lists more queries, "Docs"
# explains every field, French terms included.
# Reads need no API key. Writes do: in "Headers"
# below, write {"Authorization": "Bearer <key>"}
#
# The région Occitanie (INSEE code "76"), its zones
# rouges (EPCI, i.e. groupings of communes, that the
# ministry named in 2025 as the worst off for access
# to a doctor), and the initiatives already running
# in each, with who carries them.
query ZonesRougesOfOccitanie {
  region(code: "76") {
    name
    zonesRouges {
      siren
      name
      population
      initiatives {
        title
        kind
        carriers { name }
      }
    }
  }
}
`,
  },
  {
    title: "Départements under 100 GPs per 100,000 inhabitants",
    description: "General practitioners per 100,000 inhabitants by département (CNOM 2025), the lowest first, with the source of each figure and a map.",
    query: `# Départements with fewer than 100 general
# practitioners (GPs) per 100,000 inhabitants, by the
# CNOM's 2025 figures (the Ordre des médecins).
# Change CNOM to DREES_RPPS or CNAM_LIBERAUX for
# another producer: producers are never mixed.
# mapUrl: a map of France of the same figure, to open
# in the browser after this server's address.
query DepartementsUnder100Gps {
  departments(
    filter: { gpDensityBelow: 100, gpDensitySource: CNOM }
    orderBy: GP_DENSITY_ASC
  ) {
    code
    name
    gpDensity(source: CNOM) {
      value
      unit
      date
      mapUrl
      source { producer vintage licence }
    }
  }
}
`,
  },
  {
    title: "Zones rouges of a région, with their initiatives",
    description: "Any région's zones rouges (change the code in Variables), with how each was designated, its access indicator (APL) and its initiatives.",
    query: `# The zones rouges of one région, given in the
# Variables pane below ("75" is Nouvelle-Aquitaine,
# "24" Centre-Val de Loire, "28" Normandie…).
# For each: who named it a zone rouge, its APL
# (GP consultations available per inhabitant and
# per year; under 2.5 reads as under-served) and
# the initiatives running there.
query ZonesRougesOfARegion($region: ID!) {
  region(code: $region) {
    name
    zonesRouges {
      name
      population
      zoneRouge { designatedOn confirmed source { title url } }
      apl { value unit method }
      initiatives {
        title
        kind
        status
        carriers { name kind }
      }
    }
  }
}
`,
    variables: `{ "region": "75" }`,
  },
  {
    title: "A commune's EPCI and its initiatives",
    description: "From a commune (INSEE code, not the postal code) to its intercommunalité (EPCI), whether that is a zone rouge, and the initiatives of both.",
    query: `# A commune by its INSEE code ("38316" is
# Pont-de-Chéruy, Isère; searchTerritories finds
# codes by name), its EPCI (the grouping of communes
# it belongs to), whether that EPCI is a zone rouge,
# and the initiatives of the commune and of the EPCI.
query CommuneEpciAndInitiatives {
  commune(code: "38316") {
    name
    population
    apl { value unit }
    initiatives { title kind summary }
    epci {
      siren
      name
      kind
      zoneRouge { designatedOn }
      initiatives { title kind carriers { name } }
    }
  }
}
`,
  },
  {
    title: "Where a figure comes from",
    description: "Every figure has a source: producer, publication, vintage (the date it describes), licence, caveats, and the same series at other dates.",
    query: `# The GP density of the Lot, and all that is known
# about where it comes from: producer, publication,
# the date it describes (and whether that date was
# inferred), licence, caveats, and the same figure
# at the producer's other dates. Then the national
# figures published in 2025 reports, with sources.
query SourcesOfAFigure {
  department(code: "46") {
    name
    gpDensity {
      value
      unit
      date
      source {
        producer
        title
        vintage
        vintageInferred
        note
        url
        licence
      }
      history { date value source { producer } }
      mapUrl
    }
  }
  indicators(territory: "FR") {
    label
    value
    unit
    date
    source { producer title }
  }
}
`,
  },
  {
    title: "The datasets held, and how complete each is",
    description: "The catalogue: every dataset with its producer, vintage, licence, rows, load date, refresh command, territories covered and completeness.",
    query: `# Every dataset this server holds: who produced it,
# the date its data describe (vintage), its licence,
# the file loaded, how many rows, when, and the
# command that refreshes it.
# territories: how many départements (or régions) it
# covers, and which are missing (e.g. Mayotte).
# completeness: for partial lists (zones rouges, SAS),
# how many are known against how many exist; expected
# is null when no source gives the count.
query DatasetCatalogue {
  datasets {
    id
    title
    producer
    vintage
    licence
    rows
    loadedAt
    importCommand
    territories { unit known expected missing }
    completeness { known confirmed expected complete }
  }
}
`,
  },
  {
    title: "How complete the zones rouges list is, by région",
    description: "Zones rouges known (confirmed or not) against the number the sources give, nationally and per région; null where no source gives it.",
    query: `# The zones rouges we know are a partial list: each
# answer says how complete it is. expected is the
# count the ministry, an ARS or the press gives
# (expectedSource); null means no source gives it,
# which is not the same as 0.
query ZonesRougesCoverage {
  zonesRougesCoverage {
    known
    confirmed
    expected
    complete
    expectedSource { producer title url }
  }
  regions {
    name
    zonesRougesCoverage { known confirmed expected complete }
  }
}
`,
  },
  {
    title: "Search a territory",
    description: "Find a région, département, EPCI or commune by name, accents and case ignored.",
    query: `# Search régions, départements, EPCI and communes
# by name, ignoring accents and case.
query SearchTerritories {
  searchTerritories(text: "pont de cheruy") {
    __typename
    ... on Commune {
      code
      name
      population
      postalCodes
      epci { name }
      department { name }
    }
    ... on Epci { siren name }
    ... on Department { code name }
    ... on Region { code name }
  }
}
`,
  },
  {
    title: "Postal codes and former commune codes",
    description: "The communes of a postal code, and a commune found by the INSEE code it had before a merger: files of earlier years carry such codes.",
    query: `# A postal code serves several communes, and a
# commune can have several postal codes. Files of
# earlier years carry the INSEE codes of communes
# merged since: "01340" (Saint-Bois) is now part of
# Arboys en Bugey ("01015"), and answers it.
query PostalAndFormerCodes {
  communesByPostalCode(postalCode: "46100") {
    code
    name
    population
  }
  commune(code: "01340") {
    code
    name
    formerCodeGiven
    formerCodes
    postalCodes
  }
}
`,
  },
];
