import { GraphQLJSONObject } from "graphql-scalars";
import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "../../context/request-context";
import { TrustedDocumentRegistration } from "../../entities/shared/trusted-document-registration.type";
import { registerTrustedDocuments } from "../../services/shared/trusted-documents.service";

@Resolver(() => TrustedDocumentRegistration)
export class TrustedDocumentsResolver {
  @Mutation(() => TrustedDocumentRegistration, {
    description:
      "Registers the trusted documents (persisted operations) a key may call by `documentId`: the manifest GraphQL Code Generator's client preset or gql.tada writes, " +
      '{ "<sha256 hex>": "<document>" }. Each document must hash to its key and be valid for this API; any wrong entry refuses the whole manifest. ' +
      "Idempotent. Needs a partner, territorial-admin or admin key; for a key of your organization (default: the key you send), or the public documents (admins).",
  })
  registerTrustedDocuments(
    @Arg("manifest", () => GraphQLJSONObject, { description: 'The manifest: { "<sha256 hex>": "<document>" } (a "sha256:" prefix on the keys is accepted).' }) manifest: Record<string, unknown>,
    @Ctx() ctx: RequestContext,
    @Arg("keyId", () => ID, { nullable: true, description: "The key the documents are for (one of your organization's keys); default: the key you send." }) keyId?: string | null,
    @Arg("public", () => Boolean, { nullable: true, description: "Register public documents, which anyone may call by id (admins only)." }) isPublic?: boolean | null,
  ): Promise<TrustedDocumentRegistration> {
    return registerTrustedDocuments(ctx, { keyId, public: isPublic }, manifest).then((r) => Object.assign(new TrustedDocumentRegistration(), r));
  }
}
