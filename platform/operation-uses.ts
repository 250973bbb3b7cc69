import { Kind, visit, type ASTNode, type DocumentNode, type FragmentDefinitionNode } from 'graphql';

/** The fragment definitions of a document, by name. */
export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
}

/**
 * The variables and fragments some nodes of an operation use, through the fragments they spread: what a
 * part of the operation (some root fields, one field read again as a query) must take along.
 */
export function usesOf(nodes: readonly ASTNode[], fragments: ReadonlyMap<string, FragmentDefinitionNode>): { variables: Set<string>; fragments: Set<string> } {
  const found = { variables: new Set<string>(), fragments: new Set<string>() };
  const collect = (node: ASTNode) =>
    visit(node, {
      FragmentSpread(spread) {
        if (found.fragments.has(spread.name.value)) return;
        found.fragments.add(spread.name.value);
        const fragment = fragments.get(spread.name.value);
        if (fragment) collect(fragment);
      },
      Variable(v) {
        found.variables.add(v.name.value);
      },
    });
  for (const node of nodes) collect(node);
  return found;
}
