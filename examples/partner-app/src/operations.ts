import { graphql } from "./gql";

/** The hero query of the partner contract: a région's zones rouges, what runs there, and how complete the list is. */
export const ZonesRougesOfRegion = graphql(`
  query ZonesRougesOfRegion($region: ID!) {
    region(code: $region) {
      code
      name
      zonesRouges {
        siren
        name
        population
        initiatives {
          id
          title
          kind
          carriers {
            id
            name
          }
        }
      }
      zonesRougesCoverage {
        known
        expected
        complete
      }
    }
  }
`);

/** One page of EPCI, the most under-served first, with the cursor of the next page. */
export const EpciPage = graphql(`
  query EpciPage($first: Int!, $after: String) {
    epcis(first: $first, after: $after, orderBy: APL_ASC) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          siren
          name
          population
          apl {
            value
            date
          }
        }
      }
    }
  }
`);
