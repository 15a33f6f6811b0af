/**
 * CloudFormation intrinsics of a synthesized template resolved to strings, for the deploy
 * rehearsal (test/rehearsal/): one fixed account and region, each resource's physical name
 * given by the caller (the local stack's table, the local gateway's function names) or else its
 * logical id, and ARNs in the format each service documents.
 */

// biome-ignore lint/suspicious/noExplicitAny: synthesized templates are untyped JSON, walked by key
export type Json = Record<string, any>;

export const ACCOUNT_ID = '123456789012';

/** The pseudo parameters (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html). */
export function pseudoParameters(region: string): Record<string, string> {
  return {
    'AWS::Partition': 'aws',
    'AWS::Region': region,
    'AWS::AccountId': ACCOUNT_ID,
    'AWS::URLSuffix': 'amazonaws.com',
    'AWS::StackName': 'TaskApi',
  };
}

export interface Resolver {
  /** The value as the deployed stack would see it. */
  resolve(value: unknown): string;
  /** The logical id a `Ref` or `Fn::GetAtt` names, else undefined. */
  target(value: unknown): string | undefined;
}

/**
 * `names` maps logical ids to physical names (what `Ref` returns for a table or a function),
 * and `<id>.<attribute>` to what `Fn::GetAtt` returns;
 * `Fn::GetAtt ... Arn` builds the ARN in the service's documented format: `table/<name>` for
 * DynamoDB (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazondynamodb.html#amazondynamodb-resources-for-iam-policies),
 * `function:<name>` for Lambda (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awslambda.html#awslambda-resources-for-iam-policies).
 */
export function resolver(
  template: Json,
  options: { region: string; names?: Record<string, string> },
): Resolver {
  const resources = template.Resources as Record<string, Json>;
  const pseudo = pseudoParameters(options.region);
  const nameOf = (id: string) => options.names?.[id] ?? id;
  const typeOf = (id: string) => {
    const resource = resources[id];
    if (!resource) throw new Error(`the template has no resource ${id}`);
    return resource.Type as string;
  };
  const arn = (id: string) => {
    const { region } = options;
    switch (typeOf(id)) {
      case 'AWS::DynamoDB::Table':
        return `arn:aws:dynamodb:${region}:${ACCOUNT_ID}:table/${nameOf(id)}`;
      case 'AWS::Lambda::Function':
        return `arn:aws:lambda:${region}:${ACCOUNT_ID}:function:${nameOf(id)}`;
      case 'AWS::IAM::Role':
        return `arn:aws:iam::${ACCOUNT_ID}:role/${nameOf(id)}`;
      default:
        return `arn:aws:cloudformation:${region}:${ACCOUNT_ID}:resource/${id}`;
    }
  };

  const resolve = (value: unknown): string => {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    const v = value as Json;
    if (v && typeof v.Ref === 'string') {
      if (v.Ref in pseudo) return pseudo[v.Ref] as string;
      typeOf(v.Ref);
      return nameOf(v.Ref);
    }
    if (v && Array.isArray(v['Fn::GetAtt'])) {
      const [id, attribute] = v['Fn::GetAtt'] as [string, string];
      if (attribute === 'Arn') return arn(id);
      typeOf(id);
      const named = options.names?.[`${id}.${attribute}`];
      if (named !== undefined) return named;
      // A host name such as a distribution's: a valid one, so code that parses URLs takes it.
      if (attribute.endsWith('DomainName')) return `${id.toLowerCase()}.example.com`;
      return `${id}.${attribute}`;
    }
    if (v && Array.isArray(v['Fn::Join'])) {
      const [separator, parts] = v['Fn::Join'] as [string, unknown[]];
      return parts.map(resolve).join(separator);
    }
    if (v && typeof v['Fn::Sub'] === 'string') {
      return (v['Fn::Sub'] as string).replace(/\$\{([^}]+)\}/g, (_, name: string) =>
        resolve({ Ref: name }),
      );
    }
    throw new Error(`cannot resolve ${JSON.stringify(value)}`);
  };

  const target = (value: unknown): string | undefined => {
    const v = value as Json;
    if (v && typeof v.Ref === 'string' && !(v.Ref in pseudo)) return v.Ref;
    if (v && Array.isArray(v['Fn::GetAtt'])) return v['Fn::GetAtt'][0];
    return undefined;
  };

  return { resolve, target };
}

export function resourcesOf(template: Json, type: string): [string, Json][] {
  return Object.entries(template.Resources as Record<string, Json>).filter(
    ([, r]) => r.Type === type,
  );
}

/**
 * IAM's wildcards: `*` any run of characters, `?` one character
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards).
 * Actions match case-insensitively
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).
 */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}
