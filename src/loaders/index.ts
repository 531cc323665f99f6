import type { DataSource } from "typeorm";
import { BATCHED, type Batching } from "./shared/batch";
import { createAplLoaders } from "./care-offer/apl.loader";
import { createCommuneLoaders } from "./territories/commune.loader";
import { createCoverageLoaders } from "./care-offer/coverage.loader";
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
 * rows, and a cache shared across requests would serve one caller's view to another. Each
 * family is made on first use: a point lookup needs one of the thirteen, not all of them.
 */
export function createLoaders(db: DataSource, batching: Batching = BATCHED) {
  const families = {
    region: () => createRegionLoaders(db, batching),
    department: () => createDepartmentLoaders(db, batching),
    epci: () => createEpciLoaders(db, batching),
    commune: () => createCommuneLoaders(db, batching),
    source: () => createSourceLoaders(db, batching),
    professional: () => createProfessionalLoaders(db, batching),
    measure: () => createMeasureLoaders(db, batching),
    apl: () => createAplLoaders(db, batching),
    // The zones' EPCI rows fill the EPCI cache (a no-op without cache, in the naive variant).
    zoneRouge: () => createZoneRougeLoaders(db, batching, (e) => loaders.epci.bySiren.prime(e.siren, e)),
    sas: () => createSasLoaders(db, batching),
    coverage: () => createCoverageLoaders(db, batching),
    initiative: () => createInitiativeLoaders(db, batching),
    organization: () => createOrganizationLoaders(db, batching),
    volunteer: () => createVolunteerLoaders(db, batching),
  };
  type Families = { [K in keyof typeof families]: ReturnType<(typeof families)[K]> };
  const loaders = {} as Families;
  for (const name of Object.keys(families) as (keyof Families)[]) {
    Object.defineProperty(loaders, name, {
      enumerable: true,
      configurable: true,
      get() {
        const family = families[name]();
        Object.defineProperty(loaders, name, { value: family, enumerable: true });
        return family;
      },
    });
  }
  return loaders;
}

export type Loaders = ReturnType<typeof createLoaders>;
