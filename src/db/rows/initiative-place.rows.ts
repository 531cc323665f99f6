/** Territorial level of a row of `initiative_place`. */
export type PlaceLevel = "REGION" | "DEPARTMENT" | "EPCI" | "COMMUNE";

/** A territory an initiative is attached to. */
export interface Attachment {
  level: PlaceLevel;
  code: string;
}

/** A row of `initiative_place`: direct attachments and the territories that contain them. */
export interface PlaceRow {
  [column: string]: string | boolean;
  initiative_id: string;
  level: PlaceLevel;
  code: string;
  direct: boolean;
}
