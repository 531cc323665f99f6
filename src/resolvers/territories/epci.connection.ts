import { ObjectType } from "type-graphql";
import { Epci } from "../../entities/territories/epci.entity";
import { ConnectionType } from "../shared/connection";

@ObjectType("EpciConnection", { simpleResolvers: true, description: "A page of EPCI (Relay cursor connection)." })
export class EpciConnection extends ConnectionType("Epci", Epci, "EPCI") {}
