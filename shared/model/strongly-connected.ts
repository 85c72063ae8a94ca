/**
 * The groups of nodes that reach each other (Tarjan's strongly connected components), each
 * group once; a node on no cycle is a group of one.
 */
export function stronglyConnected(ids: readonly string[], successors: (id: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (id: string) => {
    index.set(id, index.size);
    lowLink.set(id, index.get(id) as number);
    stack.push(id);
    onStack.add(id);
    for (const to of successors(id)) {
      if (!index.has(to)) {
        visit(to);
        lowLink.set(id, Math.min(lowLink.get(id) as number, lowLink.get(to) as number));
      } else if (onStack.has(to)) {
        lowLink.set(id, Math.min(lowLink.get(id) as number, index.get(to) as number));
      }
    }
    if (lowLink.get(id) !== index.get(id)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== id);
    components.push(component);
  };
  for (const id of ids) if (!index.has(id)) visit(id);
  return components;
}
