import { Commune } from "./commune.entity";
import { Department } from "./department.entity";
import { Epci } from "./epci.entity";
import { Region } from "./region.entity";

/** Every TypeORM entity, for the DataSource. */
export const ENTITIES = [Region, Department, Epci, Commune];
