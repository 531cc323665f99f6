import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from "graphql";
import { Kind } from "graphql";

/**
 * Whether the field being resolved asks for `name` among its own subfields (fragments
 * included), e.g. whether `initiatives { … }` asks for `carriers`: a loader can then read them
 * in the same statement. Known once per field of an operation: the answer is kept by the
 * operation's field node, which lives as long as the parsed operation.
 */
export function asksFor(info: GraphQLResolveInfo, name: string): boolean {
  const node = info.fieldNodes[0];
  let answers = known.get(node);
  if (!answers) {
    answers = new Map();
    known.set(node, answers);
  }
  let answer = answers.get(name);
  if (answer === undefined) {
    answer = info.fieldNodes.some((n) => n.selectionSet !== undefined && selectsField(n.selectionSet, (field) => field === name, info.fragments, new Set()));
    answers.set(name, answer);
  }
  return answer;
}
const known = new WeakMap<FieldNode, Map<string, boolean>>();

/** Whether a selection set (its fragments followed, each once) holds a field `matches` accepts. */
export function selectsField(
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
