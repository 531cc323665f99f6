import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType("TrustedDocumentRegistration", {
  simpleResolvers: true,
  description:
    "What registering a manifest of trusted documents did: the key they are for, how many the manifest held and how many were new. " +
    "Clients then send `documentId` (sha256:<hex>) instead of the query text (docs/partners.md).",
})
export class TrustedDocumentRegistration {
  @Field(() => ID, { description: 'The API key id the documents were registered for, or "public" (anyone may call them by id).' })
  owner: string;

  @Field(() => Int, { description: "Documents in the manifest." })
  registered: number;

  @Field(() => Int, { description: "Of them, documents not registered before (registering the same manifest again adds none)." })
  added: number;

  @Field(() => [String], { description: 'Their ids, as clients send them: "sha256:" and the hex SHA-256 of the document\'s text.' })
  documentIds: string[];
}
