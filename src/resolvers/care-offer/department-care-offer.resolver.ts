import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, Directive, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { ProfessionalStat } from "../../entities/care-offer/professional-stat.entity";
import { SasPlatform } from "../../entities/care-offer/sas-platform.entity";
import type { DepartmentKey, EpciKey, ProvidedEpci } from "../shared/references";
import { ZONE_PROVIDES, zoneEpcis } from "./zone-epcis";
import { CareOfferRefs } from "./care-offer.references";
import { Measure } from "../../entities/care-offer/measure.type";
import { aplOf, gpDensity, latestIndicator, matchesSpecialty } from "../../services/care-offer/measure.service";
import { professionalSourceId } from "../../services/shared/professional-source.service";
import { ProfessionalSource } from "../../entities/shared/professional-source";
import { DensityArgs, ProfessionalArgs } from "./care-offer.args";
import { ZonesRougesArgs } from "./zone-rouge.args";

const department = (code: string) => `department:${code}`;

@Resolver(() => CareOfferRefs.DepartmentRef)
export class DepartmentCareOfferResolver {
  @FieldResolver(() => [ProfessionalStat], {
    description: "Health professionals by specialty, from one producer (DREES/RPPS by default) and vintage (the latest by default).",
  })
  async professionals(@Root() d: DepartmentKey, @Ctx() ctx: RequestContext, @Args() args: ProfessionalArgs): Promise<ProfessionalStat[]> {
    const source = await professionalSourceId(ctx, args.source ?? ProfessionalSource.DREES_RPPS, args.vintage);
    const stats = await ctx.loaders.professional.byDepartment.with(source.id).load(d.code);
    return stats.map((s) => s.stat).filter((s) => matchesSpecialty(s, args.specialty));
  }

  @FieldResolver(() => Measure, {
    nullable: true,
    description:
      "General practitioners per 100,000 inhabitants. Default source DREES/RPPS (all GPs in activity, vintage inferred); CNOM " +
      "(regular activity) and CNAM_LIBERAUX (liberal GPs only) give their own vintages (see the source). " +
      "`history` lists the producer's other vintages.",
  })
  gpDensity(@Root() d: DepartmentKey, @Ctx() ctx: RequestContext, @Args() { source, vintage }: DensityArgs): Promise<Measure | null> {
    return gpDensity(ctx, d.code, source ?? ProfessionalSource.DREES_RPPS, vintage);
  }

  @FieldResolver(() => Measure, {
    nullable: true,
    description:
      "Share of GPs taking part in the PDSA (permanence des soins ambulatoires: the rota for evenings, nights and weekends), " +
      "latest survey; null where no survey figure is loaded (the CNOM publishes the extremes: Paris, Vosges, Ardennes).",
  })
  pdsaParticipation(@Root() d: DepartmentKey, @Ctx() ctx: RequestContext): Promise<Measure | null> {
    return latestIndicator(ctx, "pdsa-participation", department(d.code));
  }

  @FieldResolver(() => SasPlatform, { nullable: true, description: "The SAS platform covering the département, once the platform list is imported." })
  sasPlatform(@Root() d: DepartmentKey, @Ctx() ctx: RequestContext): Promise<SasPlatform | null> {
    return ctx.loaders.sas.byDepartment.load(d.code);
  }

  @FieldResolver(() => Measure, { nullable: true, description: "Share of the population covered by a SAS (service d'accès aux soins), latest month (baromètre IND-587)." })
  sasCoverage(@Root() d: DepartmentKey, @Ctx() ctx: RequestContext): Promise<Measure | null> {
    return latestIndicator(ctx, "sas-coverage", department(d.code));
  }

  @FieldResolver(() => Measure, { nullable: true, description: "Number of maisons de santé pluriprofessionnelles (MSP), latest half-year (baromètre IND-311)." })
  maisonsDeSante(@Root() d: DepartmentKey, @Ctx() ctx: RequestContext): Promise<Measure | null> {
    return latestIndicator(ctx, "maisons-de-sante", department(d.code));
  }

  @FieldResolver(() => Measure, { nullable: true, description: "Number of multi-professional centres de santé with at least one GP, latest year (baromètre IND-318)." })
  centresDeSante(@Root() d: DepartmentKey, @Ctx() ctx: RequestContext): Promise<Measure | null> {
    return latestIndicator(ctx, "centres-de-sante", department(d.code));
  }

  @FieldResolver(() => Measure, { nullable: true, description: "Share of the population covered by a CPTS (communauté professionnelle territoriale de santé), latest (baromètre IND-589)." })
  cptsCoverage(@Root() d: DepartmentKey, @Ctx() ctx: RequestContext): Promise<Measure | null> {
    return latestIndicator(ctx, "cpts-coverage", department(d.code));
  }

  @FieldResolver(() => Measure, { nullable: true, description: "Share of patients with a long-term condition (ALD) who have a médecin traitant, latest (baromètre IND-312)." })
  aldWithMedecinTraitant(@Root() d: DepartmentKey, @Ctx() ctx: RequestContext): Promise<Measure | null> {
    return latestIndicator(ctx, "ald-with-medecin-traitant", department(d.code));
  }

  @FieldResolver(() => Measure, { nullable: true, description: "Number of assistants médicaux (medical assistants working alongside doctors), latest (baromètre IND-679)." })
  assistantsMedicaux(@Root() d: DepartmentKey, @Ctx() ctx: RequestContext): Promise<Measure | null> {
    return latestIndicator(ctx, "assistants-medicaux", department(d.code));
  }

  @FieldResolver(() => Measure, {
    nullable: true,
    description:
      "APL (accessibilité potentielle localisée) to GPs: consultations per year per standardised inhabitant, the DREES indicator behind " +
      "the zones rouges; the population-weighted mean of the communes' APL. Under 2.5 is commonly read as under-served.",
  })
  apl(@Root() d: DepartmentKey, @Ctx() ctx: RequestContext): Promise<Measure | null> {
    return aplOf(ctx, "DEPARTMENT", d.code);
  }

  @Directive(ZONE_PROVIDES)
  @FieldResolver(() => [CareOfferRefs.EpciRef], { description: "EPCI of the département designated as zones rouges, most populous first." })
  async zonesRouges(
    @Root() d: DepartmentKey,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Args() { includeUnconfirmed }: ZonesRougesArgs,
  ): Promise<(EpciKey | ProvidedEpci)[]> {
    const zones = await ctx.loaders.zoneRouge.byDepartment.with(includeUnconfirmed ?? false).load(d.code);
    return zoneEpcis(ctx, zones, info);
  }
}
