import type { DataSource } from "typeorm";
import { BATCHED, type Batching } from "./batch";
import { createAplLoaders } from "./apl.loader";
import { createCommuneLoaders } from "./commune.loader";
import { createDepartmentLoaders } from "./department.loader";
import { createEpciLoaders } from "./epci.loader";
import { createInitiativeLoaders, createOrganizationLoaders } from "./initiative.loader";
import { createMeasureLoaders } from "./measure.loader";
import { createProfessionalLoaders } from "./professional.loader";
import { createRegionLoaders } from "./region.loader";
import { createSasLoaders } from "./sas.loader";
import { createSourceLoaders } from "./source.loader";
import { createVolunteerLoaders } from "./volunteer.loader";
import { createZoneRougeLoaders } from "./zone-rouge.loader";

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
