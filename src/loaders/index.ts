import type { DataSource } from "typeorm";
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
export function createLoaders(db: DataSource) {
  return {
    region: createRegionLoaders(db),
    department: createDepartmentLoaders(db),
    epci: createEpciLoaders(db),
    commune: createCommuneLoaders(db),
    source: createSourceLoaders(db),
    professional: createProfessionalLoaders(db),
    measure: createMeasureLoaders(db),
    apl: createAplLoaders(db),
    zoneRouge: createZoneRougeLoaders(db),
    sas: createSasLoaders(db),
    initiative: createInitiativeLoaders(db),
    organization: createOrganizationLoaders(db),
    volunteer: createVolunteerLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
