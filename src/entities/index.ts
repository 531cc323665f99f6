import { Commune } from "./commune.entity";
import { Department } from "./department.entity";
import { Epci } from "./epci.entity";
import { Initiative } from "./initiative.entity";
import { Organization } from "./organization.entity";
import { ProfessionalCount } from "./professional-count.entity";
import { ProfessionalStat } from "./professional-stat.entity";
import { Region } from "./region.entity";
import { SasPlatform } from "./sas-platform.entity";
import { Source } from "./source.entity";
import { MissionDay, Volunteer, ZoneNeeds } from "./volunteer.entity";
import { ZoneRouge } from "./zone-rouge.entity";

/** Every TypeORM entity, for the DataSource. */
export const ENTITIES = [Region, Department, Epci, Commune, Source, ProfessionalStat, ProfessionalCount, ZoneRouge, SasPlatform, Organization, Initiative, Volunteer, MissionDay, ZoneNeeds];
