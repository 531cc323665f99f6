import { ObjectType } from "type-graphql";
import { Commune } from "../../entities/territories/commune.entity";
import { ConnectionType } from "../shared/connection";

@ObjectType("CommuneConnection", { simpleResolvers: true, description: "A page of communes (Relay cursor connection)." })
export class CommuneConnection extends ConnectionType("Commune", Commune, "commune") {}
