import type { DataSource } from "typeorm";
import { createCommuneLoaders } from "./commune.loader";
import { createDepartmentLoaders } from "./department.loader";
import { createEpciLoaders } from "./epci.loader";
import { createRegionLoaders } from "./region.loader";

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
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
