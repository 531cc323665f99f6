import { parse } from "csv-parse/sync";
import fs from "node:fs";
import { dataFile } from "../../seeds/data-files";
import { useSeededApi } from "../support/suite";

function csvRows(name: string): Record<string, string>[] {
  return parse(fs.readFileSync(dataFile(name)), { columns: true, bom: true, skip_empty_lines: true });
}

const SOURCE = "source { producer title vintage url }";
const ctx = useSeededApi();

describe("SAS: platforms known by name, per-département facts, the national count's history", () => {
  it("lists the SAS the pages name, each with its département and opening date, and says how many of the 92 that is", async () => {
    const named = csvRows("sas-departements-2021-2025.csv").filter((r) => r.sas_nom_declare !== "");
    const { data } = await ctx.api.execute(`{ sasPlatforms { name openedOn operators departments { code } ${SOURCE} }
      sasPlatformsCoverage { known expected complete expectedSource { vintage } } }`);
    expect(data.sasPlatforms.map((p: any) => [p.departments[0].code, p.name, p.openedOn]).sort()).toEqual(
      named.map((r) => [r.code_departement, r.sas_nom_declare, r.date_ouverture_iso || null]).sort(),
    );
    expect(data.sasPlatformsCoverage).toEqual({ known: 11, expected: 92, complete: false, expectedSource: { vintage: "2025" } });
    const basRhin = data.sasPlatforms.find((p: any) => p.name === "SAS du Bas-Rhin");
    expect(basRhin).toMatchObject({ openedOn: "2024-05-27", operators: "Hôpitaux Universitaires de Strasbourg ; Association SAS Libéral 67" });
    expect(basRhin.source.url).toBe("https://www.grand-est.ars.sante.fr/le-service-dacces-aux-soins-du-bas-rhin-une-reponse-rapide-et-coordonnee-pour-les-soins-non");
  });

  it("gives a département's SAS status as its pages state it, and nothing for a région-wide statement alone", async () => {
    const { data } = await ctx.api.execute(`{
      gironde: department(code: "33") { sasStatus { status statedOn openedOn platformName sources { url vintage } } }
      ardennes: department(code: "08") { sasStatus { status } sasCoverage { value date } } }`);
    expect(data.gironde.sasStatus).toMatchObject({ status: "opérationnel en juin 2021 (site pilote)", statedOn: "2021-06-18", openedOn: null, platformName: null });
    expect(data.gironde.sasStatus.sources).toEqual([{ url: "https://jim4.jim.prod.public.doloforge.com/e-docs/sas_retour_dexperience__188116/document_actu_pro.phtml", vintage: "2021-06-18" }]);
    // Only the Grand Est page of 2026-01-16 says "all départements covered": an inference, not a fact about the Ardennes.
    expect(data.ardennes.sasStatus).toBeNull();
    expect(data.ardennes.sasCoverage).toEqual({ value: 0, date: "2024-09-01" });
  });

  it("answers the national count with its history and each count's own page: 8 in 2021 → 89 in October 2024 → 92 in 2025", async () => {
    const { data } = await ctx.api.execute(`{ indicators { id label value date ${SOURCE} } }`);
    const counts = data.indicators.filter((i: any) => i.id.startsWith("sas-count@")).map((i: any) => [i.date, i.value]);
    expect(counts).toEqual([["n.d.", 22], ["2021-06-18", 8], ["2023-02", 30], ["2023-05-25", 31], ["2024-02-01", 60], ["2024-06-15", 74], ["2024-10-01", 89], ["2025", 92]]);
    const at = (date: string) => data.indicators.find((i: any) => i.id.startsWith("sas-count@") && i.date === date).source;
    expect(at("2024-06-15")).toMatchObject({
      vintage: "2024-06-15",
      title: "Publication du décret de généralisation des services d'accès aux soins (Ministère de la Santé press release)",
      url: "https://dicom-portail-sante2.cegedim.cloud/actualites/presse/communiques-de-presse/article/publication-du-decret-de-generalisation-des-services-d-acces-aux-soins",
    });
    expect(at("2024-10-01")).toMatchObject({ vintage: "2024-10-01", title: "Le Quotidien du Médecin (18 Oct 2024)", url: "https://www.lequotidiendumedecin.fr/" });
  });
});

describe("PDSA: each survey year as history of the département figure, with the survey's reference date", () => {
  it("gives Paris 7 % (2022), 8 % (2023), 9 % (2024), 2022 from the egora page at 31 Dec 2022", async () => {
    const { data } = await ctx.api.execute(`{ department(code: "75") { pdsaParticipation { value date history { value date ${SOURCE} } } } }`);
    const history = data.department.pdsaParticipation.history;
    expect(history.map((m: any) => [m.date, m.value])).toEqual([["2022", 7], ["2023", 8], ["2024", 9]]);
    expect(history[0].source).toMatchObject({
      vintage: "2022-12-31",
      url: "https://v2-dev.egora.fr/actus-pro/acces-aux-soins/nombre-de-medecins-volontaires-gardes-requisitions-ce-que-revelent-les",
    });
    expect(history[1].source).toMatchObject({ vintage: "2023-12-31", url: "https://egora.fr/actus-pro/acces-aux-soins/gardes-nette-hausse-du-nombre-de-medecins-liberaux-volontaires-en-2023" });
  });

  it("gives the national rates 38.48 % (2022) and 39.34 % (2023) from the same pages, and covers 3 of 101 départements", async () => {
    const { data } = await ctx.api.execute(`{ indicators { id value date ${SOURCE} } datasets { id territories { known expected complete } } }`);
    const rate = (date: string) => data.indicators.find((i: any) => i.id.startsWith("pdsa-participation@FR@") && i.date === date);
    expect(rate("2022")).toMatchObject({ value: 38.48, source: { vintage: "2022-12-31" } });
    expect(rate("2023")).toMatchObject({ value: 39.34, source: { vintage: "2023-12-31" } });
    expect(rate("2022").source.url).toBe(csvRows("pdsa-participation-departements-2022-2023.csv")[0].source_url);
    expect(data.datasets.find((d: any) => d.id === "pdsa").territories).toEqual({ known: 3, expected: 101, complete: false });
  });
});

describe("solidarity missions: dated figures with their sources", () => {
  it("answers 200 doctors / 1,000 consultations in November 2025 and 300 / 6,500 in February 2026", async () => {
    const { data } = await ctx.api.execute(`{ indicators { id value date ${SOURCE} } }`);
    const series = (indicator: string) => data.indicators.filter((i: any) => i.id.startsWith(`${indicator}@FR@`)).map((i: any) => [i.date, i.value]);
    expect(series("solidarity-volunteer-doctors")).toEqual([["2025-11", 200], ["2026-02", 300]]);
    expect(series("solidarity-consultations")).toEqual([["2025-11", 1000], ["2026-02", 6500]]);
    const february = data.indicators.find((i: any) => i.id.startsWith("solidarity-consultations@FR@2026-02"));
    expect(february.source).toMatchObject({ vintage: "2026-02", title: "Solidarité territoriale des médecins : seulement 6500 consultations depuis octobre (egora, 17 Feb 2026)" });
  });
});
