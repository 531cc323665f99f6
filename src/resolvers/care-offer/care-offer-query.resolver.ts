import { Args, ArgsType, Ctx, Field, Query, Resolver } from "type-graphql";
import { IsBoolean, IsOptional, Matches } from "class-validator";
import type { RequestContext } from "../../context/request-context";
import { ProfessionalStat } from "../../entities/care-offer/professional-stat.entity";
import { SasPlatform } from "../../entities/care-offer/sas-platform.entity";
import { entityReference } from "../shared/entity-reference";
import type { EpciKey } from "../shared/references";
import { CareOfferRefs } from "./care-offer.references";
import { Indicator } from "../../entities/care-offer/indicator.type";
import { matchesSpecialty } from "../../services/care-offer/measure.service";
import { aggregateProfessionals } from "../../services/care-offer/professional-aggregates";
import { listSasPlatforms } from "../../services/care-offer/sas-platform.service";
import { zoneRougeSirens } from "../../services/care-offer/zone-rouge.service";
import { professionalSourceId } from "../../services/shared/professional-source.service";
import { ProfessionalSource } from "../../entities/shared/professional-source";
import { TERRITORY_KEY } from "../../validation/territory-codes";
import { ProfessionalArgs } from "./care-offer.args";
import { ZonesRougesArgs } from "./zone-rouge.args";

@ArgsType()
class IndicatorArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Territory: "FR" (France, the default), "region:76" or "department:75".',
  })
  @IsOptional()
  @Matches(TERRITORY_KEY, { message: 'territory must be "FR", "region:<code>" or "department:<code>" (received "$value")' })
  territory?: string;

  @Field(() => Boolean, { nullable: true, description: "Only the latest figure of each indicator. Default false: every date." })
  @IsOptional()
  @IsBoolean()
  latestOnly?: boolean;
}

@Resolver()
export class CareOfferQueryResolver {
  @Query(() => [Indicator], {
    nullable: true,
    description:
      "Published figures about access to care for a territory (France by default): GPs in activity, density, PDSA, SAS, zones " +
      "rouges, people without a médecin traitant…, each with its source and date; for départements and régions also the " +
      "baromètre indicators. Null, with an error for this field only, when an argument is invalid.",
  })
  async indicators(@Ctx() ctx: RequestContext, @Args() { territory, latestOnly }: IndicatorArgs): Promise<Indicator[]> {
    const key = territory ?? "FR";
    const rows = await ctx.loaders.measure.byTerritory.load(key);
    const chosen = latestOnly ? rows.filter((r, i) => rows[i + 1]?.indicator !== r.indicator) : rows;
    return chosen.map((r) =>
      Object.assign(new Indicator(), {
        id: `${r.indicator}@${r.territory}@${r.observedOn}@${r.sourceId}`,
        indicatorId: r.indicator,
        label: r.label,
        description: r.note ? `${r.description} ${r.note}` : r.description,
        value: r.value as number,
        unit: r.unit,
        territory: r.territory,
        date: r.observedOn,
        sourceId: r.sourceId,
      }),
    );
  }

  @Query(() => [ProfessionalStat], {
    nullable: true,
    description:
      "Health professionals in France from one source: the producer's own France figures where it publishes them (CNAM), as " +
      "they are; otherwise computed from its départements on the producer's population base (see each figure's method and " +
      "densityBase), or null densities where no base can be had (CNOM publishes densities only). Null, with an error for this field only, when an argument is invalid.",
  })
  async nationalProfessionals(@Ctx() ctx: RequestContext, @Args() args: ProfessionalArgs): Promise<ProfessionalStat[]> {
    const source = await professionalSourceId(ctx, args.source ?? ProfessionalSource.DREES_RPPS, args.vintage);
    const stats = await aggregateProfessionals(ctx, source.id, { level: "FRANCE", code: "FR" });
    return stats.filter((s) => matchesSpecialty(s, args.specialty));
  }

  @Query(() => [SasPlatform], {
    description:
      "SAS platforms we know by name (named by ARS and press pages, or an imported list: npm run import -- sas-platforms FILE). " +
      "Partial: `sasPlatformsCoverage` gives how many are known against the published count.",
  })
  sasPlatforms(@Ctx() ctx: RequestContext): Promise<SasPlatform[]> {
    return listSasPlatforms(ctx);
  }

  @Query(() => [CareOfferRefs.EpciRef], {
    description:
      "Every EPCI designated as a zone rouge (2025) that we hold, most populous first. The bundled data names only part of the " +
      "official list, from public pages (the indicator zones-rouges-count gives the official count); import the official list " +
      "with `npm run import -- zones-rouges`.",
  })
  async zonesRouges(@Ctx() ctx: RequestContext, @Args() { includeUnconfirmed }: ZonesRougesArgs): Promise<EpciKey[]> {
    const sirens = await zoneRougeSirens(ctx, includeUnconfirmed);
    return sirens.map((siren) => entityReference("Epci", { siren }));
  }
}
