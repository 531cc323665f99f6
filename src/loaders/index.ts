import type { DataSource } from "typeorm";
import { BATCHED, type Batching } from "./shared/batch";
import { createAplLoaders } from "./care-offer/apl.loader";
import { createCommuneLoaders } from "./territories/commune.loader";
import { createDepartmentLoaders } from "./territories/department.loader";
import { createEpciLoaders } from "./territories/epci.loader";
import { createInitiativeLoaders } from "./initiatives/initiative.loader";
import { createOrganizationLoaders } from "./initiatives/organization.loader";
import { createMeasureLoaders } from "./care-offer/measure.loader";
import { createProfessionalLoaders } from "./care-offer/professional.loader";
import { createRegionLoaders } from "./territories/region.loader";
import { createSasLoaders } from "./care-offer/sas.loader";
import { createSourceLoaders } from "./shared/source.loader";
import { createVolunteerLoaders } from "./initiatives/volunteer.loader";
import { createZoneRougeLoaders } from "./care-offer/zone-rouge.loader";

/**
 * Every DataLoader of one request. Created per request and dropped with it: loaders cache
 * rows, and a cache shared across requests would serve one caller's view to another.
 */
export function createLoaders(db: DataSource, batching: Batching = BATCHED) {
  const epci = createEpciLoaders(db, batching);
  return {
    region: createRegionLoaders(db, batching),
    department: createDepartmentLoaders(db, batching),
    epci,
    commune: createCommuneLoaders(db, batching),
    source: createSourceLoaders(db, batching),
    professional: createProfessionalLoaders(db, batching),
    measure: createMeasureLoaders(db, batching),
    apl: createAplLoaders(db, batching),
    // The zones' EPCI rows fill the EPCI cache (a no-op without cache, in the naive variant).
    zoneRouge: createZoneRougeLoaders(db, batching, (e) => epci.bySiren.prime(e.siren, e)),
    sas: createSasLoaders(db, batching),
    initiative: createInitiativeLoaders(db, batching),
    organization: createOrganizationLoaders(db, batching),
    volunteer: createVolunteerLoaders(db, batching),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
