import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from "graphql";
import { Kind } from "graphql";

/**
 * Whether the field being resolved asks for `wanted` among its own subfields (fragments
 * included): one field name (whether `initiatives { … }` asks for `carriers`, so that a loader
 * reads them in the same statement), or any of a set of names (whether a list of references
 * asks for a field only the loaded entity has). Known once per field of an operation and per
 * `wanted` (a name, or the set itself): the answers are kept by the operation's field node,
 * which lives as long as the parsed operation.
 */
export function asksFor(info: GraphQLResolveInfo, wanted: string | ReadonlySet<string>): boolean {
  const node = info.fieldNodes[0];
  let answers = known.get(node);
  if (!answers) {
    answers = new Map();
    known.set(node, answers);
  }
  let answer = answers.get(wanted);
  if (answer === undefined) {
    const matches = typeof wanted === "string" ? (field: string) => field === wanted : (field: string) => wanted.has(field);
    answer = info.fieldNodes.some((n) => n.selectionSet !== undefined && selectsField(n.selectionSet, matches, info.fragments, new Set()));
    answers.set(wanted, answer);
  }
  return answer;
}
const known = new WeakMap<FieldNode, Map<string | ReadonlySet<string>, boolean>>();

/** Whether a selection set (its fragments followed, each once) holds a field `matches` accepts. */
function selectsField(
  set: SelectionSetNode,
  matches: (field: string) => boolean,
  fragments: GraphQLResolveInfo["fragments"],
  seen: Set<string>,
): boolean {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (matches(selection.name.value)) return true;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (selectsField(selection.selectionSet, matches, fragments, seen)) return true;
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (fragment && !seen.has(name)) {
        seen.add(name);
        if (selectsField(fragment.selectionSet, matches, fragments, seen)) return true;
      }
    }
  }
  return false;
}
