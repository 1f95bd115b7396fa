import { createHash } from 'node:crypto';

import { z } from 'zod';

import type { ExternalIdMapping } from '../../shared/entra/entra-views';
import type { SynchronizationSchemaDocument } from '../graph/graph-schemas';
import { noUserMapping } from './entra-errors';

/**
 * Stytch matches and keeps members by externalId, and expects Entra's objectId there
 * (stytch-and-entra.md); a non-gallery app's default user mapping sends mailNickname instead
 * (reference §2, Schema). This reads the one attribute mapping that matters and changes only it.
 */

/** The source the fix sets (reference §2, the objectId → externalId entry). */
export const OBJECT_ID_SOURCE = {
  expression: '[objectId]',
  name: 'objectId',
  type: 'Attribute',
  parameters: [],
} as const;

/** The entry added when the user mapping has no externalId at all (reference §2). */
const NEW_EXTERNAL_ID_MAPPING = {
  targetAttributeName: 'externalId',
  source: OBJECT_ID_SOURCE,
  matchingPriority: 0,
  flowType: 'Always',
  flowBehavior: 'FlowWhenChanged',
  defaultValue: null,
  exportMissingReferences: false,
};

// Loose at every level: the document goes back whole with PUT, which replaces it (reference §2).
const SourceSchema = z.looseObject({
  expression: z.string().nullable().optional(),
  name: z.string().nullable().optional(),
  type: z.string().nullable().optional(),
});
const AttributeMappingSchema = z.looseObject({
  targetAttributeName: z.string().nullable().optional(),
  source: SourceSchema.nullable().optional(),
});
const ObjectMappingSchema = z.looseObject({
  name: z.string().nullable().optional(),
  sourceObjectName: z.string().nullable().optional(),
  attributeMappings: z.array(AttributeMappingSchema).nullable().optional(),
});
const RuleSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullable().optional(),
  objectMappings: z.array(ObjectMappingSchema).nullable().optional(),
});
const DocumentSchema = z.looseObject({ synchronizationRules: z.array(RuleSchema) });
type Document = z.output<typeof DocumentSchema>;
type Rule = z.output<typeof RuleSchema>;
type ObjectMapping = z.output<typeof ObjectMappingSchema>;

const isUserMapping = (mapping: ObjectMapping) =>
  mapping.sourceObjectName?.toLowerCase() === 'user';

/** The document's own copy, navigable; everything Graph sent is kept. */
function documentOf(schema: SynchronizationSchemaDocument): Document {
  const parsed = DocumentSchema.safeParse(structuredClone(schema));
  if (!parsed.success) throw noUserMapping();
  return parsed.data;
}

/**
 * The rule that provisions users: the one with a User object mapping; else one named for users
 * (the `scim` template's rule names are [unconfirmed], reference §2); else the first.
 */
export function userRule(schema: SynchronizationSchemaDocument): Rule | null {
  const rules = documentOf(schema).synchronizationRules;
  return (
    rules.find((rule) => rule.objectMappings?.some(isUserMapping)) ??
    rules.find((rule) => /user/i.test(rule.name ?? '')) ??
    rules[0] ??
    null
  );
}

/** Names the schema document a mapping was read from, so a fix applies to exactly that one. */
export function schemaFingerprint(schema: SynchronizationSchemaDocument): string {
  return createHash('sha256').update(JSON.stringify(schema)).digest('hex');
}

function locate(document: Document) {
  for (const rule of document.synchronizationRules) {
    const objectMapping = rule.objectMappings?.find(isUserMapping);
    if (objectMapping === undefined) continue;
    const attribute = objectMapping.attributeMappings?.find(
      (mapping) => mapping.targetAttributeName === 'externalId',
    );
    return { rule, objectMapping, attribute: attribute ?? null };
  }
  throw noUserMapping();
}

/** What the user mapping sends as externalId today, and whether it is objectId. */
export function readExternalIdMapping(schema: SynchronizationSchemaDocument): ExternalIdMapping {
  const { rule, objectMapping, attribute } = locate(documentOf(schema));
  const source = attribute?.source ?? null;
  const currentSource = source?.expression ?? (source?.name == null ? null : `[${source.name}]`);
  // Either spelling names objectId: the expression, or an Attribute source by name.
  const correct =
    source?.expression === OBJECT_ID_SOURCE.expression ||
    (source?.type === 'Attribute' && source.name === OBJECT_ID_SOURCE.name);
  return {
    ruleId: rule.id,
    objectMappingName: objectMapping.name ?? 'User',
    currentSource,
    proposedSource: '[objectId]',
    correct,
    fingerprint: schemaFingerprint(schema),
  };
}

/**
 * The same document with the user mapping's externalId sourced from objectId (added when
 * absent); every other key as it was.
 */
export function withObjectIdExternalId(
  schema: SynchronizationSchemaDocument,
): SynchronizationSchemaDocument {
  const document = documentOf(schema);
  const { objectMapping, attribute } = locate(document);
  if (attribute !== null) attribute.source = structuredClone(OBJECT_ID_SOURCE);
  else {
    objectMapping.attributeMappings = [
      ...(objectMapping.attributeMappings ?? []),
      structuredClone(NEW_EXTERNAL_ID_MAPPING),
    ];
  }
  return document;
}
