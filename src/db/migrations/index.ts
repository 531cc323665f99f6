import { Territories1764000000000 } from "./1764000000000-territories";
import { CareOffer1764000000001 } from "./1764000000001-care-offer";
import { Initiatives1764000000002 } from "./1764000000002-initiatives";
import { ReadIndexes1764000000010 } from "./1764000000010-read-indexes";

/** Every migration, oldest first. The same list serves SQLite and PostgreSQL. */
export const MIGRATIONS = [Territories1764000000000, CareOffer1764000000001, Initiatives1764000000002, ReadIndexes1764000000010];
