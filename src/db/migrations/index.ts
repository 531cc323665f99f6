import { Territories1764000000000 } from "./1764000000000-territories";

/** Every migration, oldest first. The same list serves SQLite and PostgreSQL. */
export const MIGRATIONS = [Territories1764000000000];
