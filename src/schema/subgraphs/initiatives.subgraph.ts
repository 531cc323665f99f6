import { InitiativeResolver } from "../../resolvers/initiatives/initiative.resolver";
import { OrganizationResolver } from "../../resolvers/initiatives/organization.resolver";
import { InitiativeWriteResolver } from "../../resolvers/initiatives/initiative-write.resolver";
import { MissionResolver } from "../../resolvers/initiatives/mission.resolver";
import { VolunteerResolver } from "../../resolvers/initiatives/volunteer.resolver";
import { MissionDayResolver } from "../../resolvers/initiatives/mission-day.resolver";
import { RegionInitiativesResolver } from "../../resolvers/initiatives/region-initiatives.resolver";
import { DepartmentInitiativesResolver } from "../../resolvers/initiatives/department-initiatives.resolver";
import { EpciInitiativesResolver } from "../../resolvers/initiatives/epci-initiatives.resolver";
import { CommuneInitiativesResolver } from "../../resolvers/initiatives/commune-initiatives.resolver";
import { TrustedDocumentsResolver } from "../../resolvers/shared/trusted-documents.resolver";
import { byKey, type SubgraphDefinition } from "../subgraph";
import { InitiativesRefs } from "../../resolvers/initiatives/initiatives.references";

/** Organizations and the initiatives they carry in the territories. */
export const initiativesSubgraph: SubgraphDefinition = {
  name: "initiatives",
  resolvers: [
    InitiativeResolver,
    InitiativeWriteResolver,
    OrganizationResolver,
    MissionResolver,
    VolunteerResolver,
    MissionDayResolver,
    RegionInitiativesResolver,
    DepartmentInitiativesResolver,
    EpciInitiativesResolver,
    CommuneInitiativesResolver,
    // Partner access (which operations a key may call by id): served with the other partner writes.
    TrustedDocumentsResolver,
  ],
  orphanedTypes: Object.values(InitiativesRefs),
  references: {
    Region: byKey("code"),
    Department: byKey("code"),
    Epci: byKey("siren"),
    Commune: byKey("code"),
    Initiative: (ref, ctx) => ctx.loaders.initiative.byId.load(String(ref.id)),
    Organization: (ref, ctx) => ctx.loaders.organization.byId.load(String(ref.id)),
  },
};
