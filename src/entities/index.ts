import { Commune } from "./territories/commune.entity";
import { Department } from "./territories/department.entity";
import { Epci } from "./territories/epci.entity";
import { Initiative } from "./initiatives/initiative.entity";
import { Organization } from "./initiatives/organization.entity";
import { ProfessionalCount } from "./care-offer/professional-count.entity";
import { ProfessionalStat } from "./care-offer/professional-stat.entity";
import { Region } from "./territories/region.entity";
import { SasPlatform } from "./care-offer/sas-platform.entity";
import { Source } from "./shared/source.entity";
import { Volunteer } from "./initiatives/volunteer.entity";
import { MissionDay } from "./initiatives/mission-day.entity";
import { ZoneNeeds } from "./initiatives/zone-needs.entity";
import { ZoneRouge } from "./care-offer/zone-rouge.entity";

/** Every TypeORM entity, for the DataSource. */
export const ENTITIES = [Region, Department, Epci, Commune, Source, ProfessionalStat, ProfessionalCount, ZoneRouge, SasPlatform, Organization, Initiative, Volunteer, MissionDay, ZoneNeeds];
