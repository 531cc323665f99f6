import fs from "node:fs";

/**
 * The header of the Annuaire santé extraction PS_LibreAcces_Personne_activite_*.txt as published
 * (pipe-separated, each line ending with "|"), for writing small files in that format.
 */
export const RPPS_HEADER = [
  "Type d'identifiant PP", "Identifiant PP", "Identification nationale PP", "Code civilité d'exercice", "Libellé civilité exercice",
  "Code civilité", "Libellé civilité", "Nom d'exercice", "Prénom d'exercice", "Code profession", "Libellé profession",
  "Code catégorie professionnelle", "Libellé catégorie professionnelle", "Code type savoir-faire", "Libellé type savoir-faire",
  "Code savoir-faire", "Libellé savoir-faire", "Code mode exercice", "Libellé mode exercice", "Numéro SIRET site", "Numéro SIREN site",
  "Numéro FINESS site", "Numéro FINESS établissement juridique", "Identifiant technique de la structure", "Raison sociale site",
  "Enseigne commerciale site", "Complément destinataire (coord. structure)", "Complément point géographique (coord. structure)",
  "Numéro Voie (coord. structure)", "Indice répétition voie (coord. structure)", "Code type de voie (coord. structure)",
  "Libellé type de voie (coord. structure)", "Libellé Voie (coord. structure)", "Mention distribution (coord. structure)",
  "Bureau cedex (coord. structure)", "Code postal (coord. structure)", "Code commune (coord. structure)",
  "Libellé commune (coord. structure)", "Code pays (coord. structure)", "Libellé pays (coord. structure)", "Téléphone (coord. structure)",
  "Téléphone 2 (coord. structure)", "Télécopie (coord. structure)", "Adresse e-mail (coord. structure)",
  "Code département (coord. structure)", "Libellé département (coord. structure)", "Ancien identifiant de la structure",
  "Autorité d'enregistrement", "Code secteur d'activité", "Libellé secteur d'activité", "Code section tableau pharmaciens",
  "Libellé section tableau pharmaciens", "Code fonction", "Libellé fonction", "Code genre d'activité", "Libellé genre d'activité",
];

export const PROFESSIONS = {
  gp: { code: "10", label: "Médecin", specialtyType: "S", specialtyCode: "SM54", specialty: "Médecine générale" },
  paediatrician: { code: "10", label: "Médecin", specialtyType: "S", specialtyCode: "SM40", specialty: "Pédiatrie" },
  nurse: { code: "60", label: "Infirmier", specialtyType: "", specialtyCode: "", specialty: "" },
  pharmacist: { code: "21", label: "Pharmacien", specialtyType: "", specialtyCode: "", specialty: "" },
} as const;

export interface Activity {
  /** National RPPS number ("Identification nationale PP"). */
  person: string;
  profession: (typeof PROFESSIONS)[keyof typeof PROFESSIONS];
  /** INSEE code of the structure's commune; "" for an activity without a French address. */
  commune: string;
}

/** One line in the published layout: fictitious name and structure, the given identifiers. */
export function rppsLine({ person, profession, commune }: Activity): string {
  const fields: Record<string, string> = {
    "Type d'identifiant PP": "8",
    "Identifiant PP": person.slice(1),
    "Identification nationale PP": person,
    "Code civilité d'exercice": "DR",
    "Libellé civilité exercice": "Docteur",
    "Nom d'exercice": "TEST",
    "Prénom d'exercice": "PERSONNE",
    "Code profession": profession.code,
    "Libellé profession": profession.label,
    "Code catégorie professionnelle": "C",
    "Libellé catégorie professionnelle": "Civil",
    "Code type savoir-faire": profession.specialtyType,
    "Libellé type savoir-faire": profession.specialtyType ? "Spécialité ordinale" : "",
    "Code savoir-faire": profession.specialtyCode,
    "Libellé savoir-faire": profession.specialty,
    "Code mode exercice": "L",
    "Libellé mode exercice": "Libéral",
    "Raison sociale site": 'CABINET "TEST"',
    "Code commune (coord. structure)": commune,
    "Code secteur d'activité": "SA07",
    "Libellé secteur d'activité": "Cabinet individuel",
  };
  return `${RPPS_HEADER.map((column) => fields[column] ?? "").join("|")}|`;
}

export function rppsFile(lines: string[]): string {
  return `${RPPS_HEADER.join("|")}|\n${lines.join("\n")}\n`;
}

/** Writes a large file line by line (never the whole text in memory). */
export async function writeLargeRppsFile(file: string, count: number, activityOf: (i: number) => Activity, replaceLine?: (line: number) => string | null): Promise<void> {
  const out = fs.createWriteStream(file);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once("drain", () => resolve())));
  await write(`${RPPS_HEADER.join("|")}|\n`);
  let chunk = "";
  for (let i = 0; i < count; i++) {
    const line = i + 2; // line 1 is the header
    chunk += `${replaceLine?.(line) ?? rppsLine(activityOf(i))}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = "";
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}
