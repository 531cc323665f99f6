-- Computed columns for PostGraphile (its documented way to expose a relation that is not a
-- plain foreign key), so that its schema can answer the hero query in one request:
-- Region.zonesRouges and Epci.initiatives, with the same rules as our loaders (confirmed
-- designations only; archived initiatives left out). Run in the benchmark's schema only.
CREATE OR REPLACE FUNCTION region_zones_rouges(r region) RETURNS SETOF epci AS $$
  SELECT e.* FROM epci e
  WHERE e.siren IN (
    SELECT z.epci_siren FROM zone_rouge z
    JOIN epci_department ed ON ed.epci_siren = z.epci_siren
    JOIN department d ON d.code = ed.department_code
    WHERE d.region_code = r.code AND z.confirmed)
  ORDER BY e.population DESC, e.siren
$$ LANGUAGE sql STABLE;

CREATE OR REPLACE FUNCTION epci_initiatives(e epci) RETURNS SETOF initiative AS $$
  SELECT i.* FROM initiative i JOIN initiative_place p ON p.initiative_id = i.id
  WHERE p.level = 'EPCI' AND p.code = e.siren AND NOT i.archived
  ORDER BY i.title, i.id
$$ LANGUAGE sql STABLE;
