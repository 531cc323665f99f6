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
import type { SqlTarget } from "../db/sql-target";

/**
 * Every DataLoader of one request. Created per request and dropped with it: loaders cache
 * rows, and a cache shared across requests would serve one caller's view to another. Each
 * family is made on first use (a point lookup needs one of the fourteen, not all of them), by
 * a getter on the prototype: a request's loaders cost one small object until a family is used.
 */
export class Loaders {
  #region?: ReturnType<typeof createRegionLoaders>;
  #department?: ReturnType<typeof createDepartmentLoaders>;
  #epci?: ReturnType<typeof createEpciLoaders>;
  #commune?: ReturnType<typeof createCommuneLoaders>;
  #source?: ReturnType<typeof createSourceLoaders>;
  #professional?: ReturnType<typeof createProfessionalLoaders>;
  #measure?: ReturnType<typeof createMeasureLoaders>;
  #apl?: ReturnType<typeof createAplLoaders>;
  #zoneRouge?: ReturnType<typeof createZoneRougeLoaders>;
  #sas?: ReturnType<typeof createSasLoaders>;
  #coverage?: ReturnType<typeof createCoverageLoaders>;
  #initiative?: ReturnType<typeof createInitiativeLoaders>;
  #organization?: ReturnType<typeof createOrganizationLoaders>;
  #volunteer?: ReturnType<typeof createVolunteerLoaders>;

  constructor(
    private readonly db: SqlTarget,
    private readonly batching: Batching = BATCHED,
  ) {}

  get region() {
    return (this.#region ??= createRegionLoaders(this.db, this.batching));
  }
  get department() {
    return (this.#department ??= createDepartmentLoaders(this.db, this.batching));
  }
  get epci() {
    return (this.#epci ??= createEpciLoaders(this.db, this.batching));
  }
  get commune() {
    return (this.#commune ??= createCommuneLoaders(this.db, this.batching));
  }
  get source() {
    return (this.#source ??= createSourceLoaders(this.db, this.batching));
  }
  get professional() {
    return (this.#professional ??= createProfessionalLoaders(this.db, this.batching));
  }
  get measure() {
    return (this.#measure ??= createMeasureLoaders(this.db, this.batching));
  }
  get apl() {
    return (this.#apl ??= createAplLoaders(this.db, this.batching));
  }
  get zoneRouge() {
    // The zones' EPCI rows fill the EPCI cache (a no-op without cache, in the naive variant).
    return (this.#zoneRouge ??= createZoneRougeLoaders(this.db, this.batching, (e) => this.epci.bySiren.prime(e.siren, e)));
  }
  get sas() {
    return (this.#sas ??= createSasLoaders(this.db, this.batching));
  }
  get coverage() {
    return (this.#coverage ??= createCoverageLoaders(this.db, this.batching));
  }
  get initiative() {
    return (this.#initiative ??= createInitiativeLoaders(this.db, this.batching));
  }
  get organization() {
    return (this.#organization ??= createOrganizationLoaders(this.db, this.batching));
  }
  get volunteer() {
    return (this.#volunteer ??= createVolunteerLoaders(this.db, this.batching));
  }
}

export function createLoaders(db: SqlTarget, batching: Batching = BATCHED): Loaders {
  return new Loaders(db, batching);
}
