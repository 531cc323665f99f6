import { ObjectType } from "type-graphql";
import { Epci } from "../entities/epci.entity";
import { ConnectionType } from "../schema/connection";

@ObjectType("EpciConnection", { description: "A page of EPCI (Relay cursor connection)." })
export class EpciConnection extends ConnectionType("Epci", Epci, "EPCI") {}
