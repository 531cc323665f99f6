import { Territories1764000000000 } from "./1764000000000-territories";
import { CareOffer1764000000001 } from "./1764000000001-care-offer";
import { Initiatives1764000000002 } from "./1764000000002-initiatives";
import { PartnerWrites1764000000003 } from "./1764000000003-partner-writes";
import { ReadIndexes1764000000010 } from "./1764000000010-read-indexes";
import { ProfessionalCommunes1764100000000 } from "./1764100000000-professional-communes";
import { CoverageCatalogue1764200000000 } from "./1764200000000-coverage-catalogue";
import { PublishedAggregates1764200000015 } from "./1764200000015-published-aggregates";
import { CommuneCodes1764300000024 } from "./1764300000024-commune-codes";
import { PartnerAccess1764400000000 } from "./1764400000000-partner-access";

/** Every migration, oldest first. The same list serves SQLite and PostgreSQL. */
export const MIGRATIONS = [
  Territories1764000000000,
  CareOffer1764000000001,
  Initiatives1764000000002,
  PartnerWrites1764000000003,
  ReadIndexes1764000000010,
  ProfessionalCommunes1764100000000,
  CoverageCatalogue1764200000000,
  PublishedAggregates1764200000015,
  CommuneCodes1764300000024,
  PartnerAccess1764400000000,
];
