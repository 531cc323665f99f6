import { useSeededApi } from "../support/suite";

/** A source's vintage is the date of its data; the date of the page that reported it is publishedOn. */
describe("provenance names the data's own date", () => {
  const ctx = useSeededApi();

  it("dates Haut-Languedoc's designation by the ministry's list of 27 June 2025, and the press page by its own date", async () => {
    const { data } = await ctx.api.execute(`{ epci(siren: "200066553") { zoneRouge { designatedOn source { vintage vintageInferred publishedOn url } } } }`);
    expect(data.epci.zoneRouge).toMatchObject({ designatedOn: "2025-06-27", source: { vintage: "2025-06-27", vintageInferred: false, publishedOn: "2025-07-10" } });
  });

  it("gives no publication date for a page that shows none", async () => {
    const { data } = await ctx.api.execute(`{ epci(siren: "200071082") { zoneRouge { source { vintage publishedOn } } } }`);
    expect(data.epci.zoneRouge.source).toEqual({ vintage: "2025-06-27", publishedOn: null });
  });
});
