import { CareOfferQueryResolver } from "../../resolvers/care-offer/care-offer-query.resolver";
import { DepartmentCareOfferResolver } from "../../resolvers/care-offer/department-care-offer.resolver";
import { EpciCareOfferResolver } from "../../resolvers/care-offer/epci-care-offer.resolver";
import { CommuneCareOfferResolver } from "../../resolvers/care-offer/commune-care-offer.resolver";
import { MeasureResolver } from "../../resolvers/care-offer/measure.resolver";
import { ProfessionalStatResolver } from "../../resolvers/care-offer/professional-stat.resolver";
import { ProfessionalCountResolver } from "../../resolvers/care-offer/professional-count.resolver";
import { ZoneRougeResolver } from "../../resolvers/care-offer/zone-rouge.resolver";
import { IndicatorSourceResolver } from "../../resolvers/care-offer/indicator.resolver";
import { SasPlatformFieldsResolver } from "../../resolvers/care-offer/sas-platform.resolver";
import { RegionCareOfferResolver } from "../../resolvers/care-offer/region-care-offer.resolver";
import { ZoneRougeWriteResolver } from "../../resolvers/care-offer/zone-rouge-write.resolver";
import { CoverageQueryResolver } from "../../resolvers/care-offer/coverage-query.resolver";
import { CoverageResolver } from "../../resolvers/care-offer/coverage.resolver";
import { DatasetQueryResolver } from "../../resolvers/care-offer/dataset-query.resolver";
import { DatasetResolver } from "../../resolvers/care-offer/dataset.resolver";
import { DepartmentSasResolver } from "../../resolvers/care-offer/department-sas.resolver";
import { RegionCoverageResolver } from "../../resolvers/care-offer/region-coverage.resolver";
import { SasDepartmentStatusResolver } from "../../resolvers/care-offer/sas-department-status.resolver";
import { RegionMapResolver } from "../../resolvers/care-offer/region-map.resolver";
import { DepartmentMapResolver } from "../../resolvers/care-offer/department-map.resolver";
import { EpciMapResolver } from "../../resolvers/care-offer/epci-map.resolver";
import { byKey, type SubgraphDefinition } from "../subgraph";
import { CareOfferRefs } from "../../resolvers/care-offer/care-offer.references";

/** Health figures with their sources: professionals, APL, PDSA, SAS, zones rouges, indicators. */
export const careOfferSubgraph: SubgraphDefinition = {
  name: "care-offer",
  resolvers: [
    DepartmentCareOfferResolver,
    RegionCareOfferResolver,
    EpciCareOfferResolver,
    CommuneCareOfferResolver,
    MeasureResolver,
    ProfessionalStatResolver,
    ProfessionalCountResolver,
    ZoneRougeResolver,
    IndicatorSourceResolver,
    SasPlatformFieldsResolver,
    CareOfferQueryResolver,
    ZoneRougeWriteResolver,
    CoverageResolver,
    CoverageQueryResolver,
    RegionCoverageResolver,
    DatasetResolver,
    DatasetQueryResolver,
    DepartmentSasResolver,
    SasDepartmentStatusResolver,
    RegionMapResolver,
    DepartmentMapResolver,
    EpciMapResolver,
  ],
  // Territories are extended by key: nothing to load, the key is all these fields need.
  orphanedTypes: Object.values(CareOfferRefs),
  references: {
    Region: byKey("code"),
    Department: byKey("code"),
    Epci: byKey("siren"),
    Commune: byKey("code"),
  },
};
