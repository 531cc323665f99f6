import { ObjectType } from "type-graphql";
import { Initiative } from "../../entities/initiatives/initiative.entity";
import { ConnectionType } from "../shared/connection";

@ObjectType("InitiativeConnection", { simpleResolvers: true, description: "A page of initiatives (Relay cursor connection)." })
export class InitiativeConnection extends ConnectionType("Initiative", Initiative, "initiative") {}
