import { NestedStack, type CfnResource, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';

type Json = Record<string, any>;

/**
 * One template for a stack and its nested stacks, as if they were one stack: each nested stack's
 * resources with its parameters replaced by what the parent passes them, and the parent's reads
 * of a nested stack's outputs replaced by the outputs' values. The template tests assert on "the
 * API stack" however many nested stacks its routes are split into (infra/stacks/api-stack.ts
 * ROUTE_STACKS); `templatesOf` gives each real template, for CloudFormation's per-stack limits.
 */
export function flatTemplate(stack: Stack): Template {
  return Template.fromJSON(flatJson(stack), { skipCyclicalDependenciesCheck: true });
}

/** The stack's own template and each nested stack's, as CloudFormation receives them. */
export function templatesOf(stack: Stack): Array<{ path: string; template: Json }> {
  return [{ path: stack.node.path, template: Template.fromStack(stack).toJSON() }, ...nestedIn(stack).flatMap(templatesOf)];
}

const nestedIn = (stack: Stack): NestedStack[] =>
  stack.node.findAll().filter((c): c is NestedStack => NestedStack.isNestedStack(c) && c.nestedStackParent === stack);

function flatJson(stack: Stack): Json {
  const own = structuredClone(Template.fromStack(stack).toJSON()) as Json; // a copy: the assembly keeps the original
  for (const nested of nestedIn(stack)) {
    const id = stack.resolve((nested.nestedStackResource as CfnResource).logicalId) as string;
    const passed: Json = own.Resources[id]?.Properties?.Parameters ?? {};
    const inner = replace(flatJson(nested), (node) => (isRef(node) && node.Ref in passed ? { found: passed[node.Ref] } : undefined));
    delete own.Resources[id];
    // Depending on a nested stack is depending on everything in it.
    for (const resource of Object.values<Json>(own.Resources)) {
      const on = [resource.DependsOn ?? []].flat() as string[];
      if (on.includes(id)) resource.DependsOn = [...on.filter((d) => d !== id), ...Object.keys(inner.Resources)];
    }
    Object.assign(own.Resources, inner.Resources);
    const outputs: Json = inner.Outputs ?? {};
    const read = (node: Json) => {
      const getAtt = node['Fn::GetAtt'];
      if (!Array.isArray(getAtt) || getAtt[0] !== id || typeof getAtt[1] !== 'string' || !getAtt[1].startsWith('Outputs.')) return undefined;
      return { found: outputs[getAtt[1].slice('Outputs.'.length)].Value };
    };
    Object.assign(own, replace(own, read));
  }
  return own;
}

const isRef = (node: Json): node is { Ref: string } => Object.keys(node).length === 1 && typeof node.Ref === 'string';

/** A deep copy of `value` with each object `swap` finds replaced. */
function replace(value: any, swap: (node: Json) => { found: unknown } | undefined): any {
  if (Array.isArray(value)) return value.map((v) => replace(v, swap));
  if (value && typeof value === 'object') {
    const swapped = swap(value);
    if (swapped) return swapped.found;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v, swap)]));
  }
  return value;
}
