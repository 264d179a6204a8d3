/**
 * Checks a SARIF log against the parts of the OASIS SARIF 2.1.0 JSON schema (Schemata/
 * sarif-schema-2.1.0.json, errata 01) that cover the objects Sift writes: required properties,
 * no properties the schema does not define (it sets additionalProperties: false on every object
 * but property bags), enums and minimums. The official schema is not installed, so this is a
 * transcription of those definitions, narrowed to the properties Sift may emit.
 */
type Check =
  | 'string'
  | 'boolean'
  | 'uri'
  | 'uri-reference'
  | 'level'
  | 'line'
  | 'index'
  | 'rank'
  | 'bag'
  | 'strings';
type Child = Check | { kind: string; list?: true; minItems?: number };

interface Definition {
  readonly required?: readonly string[];
  readonly anyOf?: readonly (readonly string[])[];
  readonly properties: Readonly<Record<string, Child>>;
}

const one = (kind: string): Child => ({ kind });
const list = (kind: string, minItems = 0): Child => ({ kind, list: true, minItems });

const DEFINITIONS: Readonly<Record<string, Definition>> = {
  log: {
    required: ['version', 'runs'],
    properties: { $schema: 'uri', version: 'string', runs: list('run'), properties: 'bag' },
  },
  run: {
    required: ['tool'],
    properties: {
      tool: one('tool'),
      invocations: list('invocation'),
      versionControlProvenance: list('versionControlDetails'),
      results: list('result'),
      properties: 'bag',
    },
  },
  tool: { required: ['driver'], properties: { driver: one('toolComponent'), properties: 'bag' } },
  toolComponent: {
    required: ['name'],
    properties: {
      name: 'string',
      version: 'string',
      informationUri: 'uri',
      rules: list('reportingDescriptor'),
      properties: 'bag',
    },
  },
  reportingDescriptor: {
    required: ['id'],
    properties: {
      id: 'string',
      name: 'string',
      shortDescription: one('multiformatMessageString'),
      defaultConfiguration: one('reportingConfiguration'),
      properties: 'bag',
    },
  },
  multiformatMessageString: {
    required: ['text'],
    properties: { text: 'string', markdown: 'string', properties: 'bag' },
  },
  reportingConfiguration: { properties: { enabled: 'boolean', level: 'level', properties: 'bag' } },
  invocation: {
    required: ['executionSuccessful'],
    properties: {
      executionSuccessful: 'boolean',
      toolExecutionNotifications: list('notification'),
      properties: 'bag',
    },
  },
  notification: {
    required: ['message'],
    properties: { message: one('message'), level: 'level', locations: list('location'), properties: 'bag' },
  },
  versionControlDetails: {
    required: ['repositoryUri'],
    properties: { repositoryUri: 'uri', revisionId: 'string', branch: 'string', properties: 'bag' },
  },
  result: {
    required: ['message'],
    properties: {
      ruleId: 'string',
      ruleIndex: 'index',
      level: 'level',
      message: one('message'),
      locations: list('location'),
      partialFingerprints: 'strings',
      rank: 'rank',
      fixes: list('fix'),
      properties: 'bag',
    },
  },
  message: {
    anyOf: [['text'], ['id']],
    properties: { text: 'string', markdown: 'string', id: 'string', properties: 'bag' },
  },
  location: {
    properties: { physicalLocation: one('physicalLocation'), message: one('message'), properties: 'bag' },
  },
  physicalLocation: {
    anyOf: [['address'], ['artifactLocation']],
    properties: { artifactLocation: one('artifactLocation'), region: one('region'), properties: 'bag' },
  },
  artifactLocation: { properties: { uri: 'uri-reference', uriBaseId: 'string', properties: 'bag' } },
  region: {
    anyOf: [['startLine'], ['charOffset'], ['byteOffset']],
    properties: {
      startLine: 'line',
      startColumn: 'line',
      endLine: 'line',
      endColumn: 'line',
      properties: 'bag',
    },
  },
  fix: {
    required: ['artifactChanges'],
    properties: {
      description: one('message'),
      artifactChanges: list('artifactChange', 1),
      properties: 'bag',
    },
  },
  artifactChange: {
    required: ['artifactLocation', 'replacements'],
    properties: {
      artifactLocation: one('artifactLocation'),
      replacements: list('replacement', 1),
      properties: 'bag',
    },
  },
  replacement: {
    required: ['deletedRegion'],
    properties: { deletedRegion: one('region'), insertedContent: one('artifactContent'), properties: 'bag' },
  },
  artifactContent: { properties: { text: 'string', binary: 'string', properties: 'bag' } },
};

/** Every way `log` departs from those definitions, as `path: problem`; empty when it conforms. */
export function checkSarifShape(log: unknown): string[] {
  return checkObject(log, 'log', '$');
}

function checkObject(value: unknown, kind: string, path: string): string[] {
  const definition = DEFINITIONS[kind];
  if (!definition) return [`${path}: no definition for ${kind}`];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: not an object`];
  const object = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of definition.required ?? [])
    if (!(key in object)) problems.push(`${path}: ${key} is required`);
  if (definition.anyOf && !definition.anyOf.some((keys) => keys.every((key) => key in object))) {
    problems.push(`${path}: needs one of ${definition.anyOf.map((keys) => keys.join('+')).join(', ')}`);
  }
  for (const [key, child] of Object.entries(object)) {
    const rule = definition.properties[key];
    if (rule === undefined) problems.push(`${path}: ${kind} has no property ${key}`);
    else problems.push(...checkChild(child, rule, `${path}.${key}`));
  }
  return problems;
}

function checkChild(value: unknown, rule: Child, path: string): string[] {
  if (typeof rule === 'object') {
    if (!rule.list) return checkObject(value, rule.kind, path);
    if (!Array.isArray(value)) return [`${path}: not an array`];
    if (value.length < (rule.minItems ?? 0)) return [`${path}: needs at least ${rule.minItems} items`];
    return value.flatMap((item, index) => checkObject(item, rule.kind, `${path}[${index}]`));
  }
  const ok: Record<Check, (v: unknown) => boolean> = {
    string: (v) => typeof v === 'string',
    boolean: (v) => typeof v === 'boolean',
    uri: (v) => typeof v === 'string' && URL.canParse(v),
    // A relative reference: no scheme-like first segment, nothing a URI must escape.
    'uri-reference': (v) =>
      typeof v === 'string' &&
      !/^[a-z][a-z0-9+.-]*:/i.test(v) &&
      !/[\s\\%]/.test(v.replace(/%[0-9A-F]{2}/g, '')),
    level: (v) => v === 'none' || v === 'note' || v === 'warning' || v === 'error',
    line: (v) => Number.isInteger(v) && (v as number) >= 1,
    index: (v) => Number.isInteger(v) && (v as number) >= -1,
    rank: (v) => typeof v === 'number' && v >= -1 && v <= 100,
    bag: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    strings: (v) =>
      typeof v === 'object' && v !== null && Object.values(v).every((item) => typeof item === 'string'),
  };
  return ok[rule](value) ? [] : [`${path}: not a valid ${rule} (${JSON.stringify(value)})`];
}
