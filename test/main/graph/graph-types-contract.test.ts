import type {
  AppRoleAssignment,
  Application,
  ApplicationServicePrincipal,
  Group,
  ProvisioningObjectSummary,
  ServicePrincipal,
  StringKeyStringValuePair,
  SynchronizationJob,
  SynchronizationQuarantine,
  SynchronizationSchema,
  SynchronizationTaskExecution,
  User,
} from '@microsoft/microsoft-graph-types';
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';

import type { GraphClient } from '../../../main/graph/graph-client';
import type { GraphDirectoryClient } from '../../../main/graph/graph-directory-client';
import {
  AppRoleAssignmentSchema,
  ApplicationSchema,
  GroupSchema,
  InstantiateResponseSchema,
  OnDemandResponseSchema,
  ProvisioningObjectSummarySchema,
  QuarantineSchema,
  ServicePrincipalSchema,
  SynchronizationJobSchema,
  SynchronizationSchemaSchema,
  TaskExecutionSchema,
  UserSchema,
} from '../../../main/graph/graph-schemas';

type Out<S extends z.ZodType> = z.output<S>;
type Resolved<F> = F extends (...args: never[]) => Promise<infer R> ? R : never;

/**
 * The SDK's type with every enum (a union of string literals) widened to string: the app reads
 * Graph's enums as text (graphEnum in graph-schemas.ts), so a value Microsoft adds or spells in
 * another case is kept, not refused. Everything else (structure, ids, numbers, nullability) is
 * checked as the SDK types it.
 */
type Widened<T> = T extends string
  ? string
  : T extends (infer E)[]
    ? Widened<E>[]
    : T extends object
      ? { [K in keyof T]: Widened<T[K]> }
      : T;

describe('the parsed Graph answers are what @microsoft/microsoft-graph-types 2.43.1 types, enums read as text (checked by tsc)', () => {
  it('reads apps and service principals as the SDK types them', () => {
    expectTypeOf<Out<typeof ServicePrincipalSchema>>().toExtend<ServicePrincipal>();
    expectTypeOf<Out<typeof ApplicationSchema>>().toExtend<Application>();
    expectTypeOf<Out<typeof InstantiateResponseSchema>>().toExtend<ApplicationServicePrincipal>();
  });

  it('reads synchronization jobs, their executions, quarantine and schema as the SDK types them', () => {
    expectTypeOf<Out<typeof SynchronizationJobSchema>>().toExtend<Widened<SynchronizationJob>>();
    expectTypeOf<Out<typeof TaskExecutionSchema>>().toExtend<
      Widened<SynchronizationTaskExecution>
    >();
    expectTypeOf<Out<typeof QuarantineSchema>>().toExtend<Widened<SynchronizationQuarantine>>();
    expectTypeOf<
      Pick<Out<typeof SynchronizationSchemaSchema>, 'id'>
    >().toExtend<SynchronizationSchema>();
    expectTypeOf<Out<typeof OnDemandResponseSchema>>().toExtend<StringKeyStringValuePair>();
  });

  it('reads assignments, provisioning logs, users and groups as the SDK types them', () => {
    expectTypeOf<Out<typeof AppRoleAssignmentSchema>>().toExtend<AppRoleAssignment>();
    expectTypeOf<Out<typeof ProvisioningObjectSummarySchema>>().toExtend<
      Widened<ProvisioningObjectSummary>
    >();
    expectTypeOf<Out<typeof UserSchema>>().toExtend<User>();
    expectTypeOf<Out<typeof GroupSchema>>().toExtend<Group>();
  });

  it('hands callers the SDK-compatible types from every client method', () => {
    expectTypeOf<Resolved<GraphClient['getJob']>>().toExtend<Widened<SynchronizationJob>>();
    expectTypeOf<Resolved<GraphClient['findServicePrincipals']>>().toExtend<ServicePrincipal[]>();
    expectTypeOf<Resolved<GraphClient['listProvisioningLogs']>['entries']>().toExtend<
      Widened<ProvisioningObjectSummary>[]
    >();
    expectTypeOf<Resolved<GraphDirectoryClient['listAssignments']>>().toExtend<
      AppRoleAssignment[]
    >();
  });
});
