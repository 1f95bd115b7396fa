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

describe('the parsed Graph answers are what @microsoft/microsoft-graph-types 2.43.1 types (checked by tsc)', () => {
  it('reads apps and service principals as the SDK types them', () => {
    expectTypeOf<Out<typeof ServicePrincipalSchema>>().toExtend<ServicePrincipal>();
    expectTypeOf<Out<typeof ApplicationSchema>>().toExtend<Application>();
    expectTypeOf<Out<typeof InstantiateResponseSchema>>().toExtend<ApplicationServicePrincipal>();
  });

  it('reads synchronization jobs, their executions, quarantine and schema as the SDK types them', () => {
    expectTypeOf<Out<typeof SynchronizationJobSchema>>().toExtend<SynchronizationJob>();
    expectTypeOf<Out<typeof TaskExecutionSchema>>().toExtend<SynchronizationTaskExecution>();
    expectTypeOf<Out<typeof QuarantineSchema>>().toExtend<SynchronizationQuarantine>();
    expectTypeOf<
      Pick<Out<typeof SynchronizationSchemaSchema>, 'id'>
    >().toExtend<SynchronizationSchema>();
    expectTypeOf<Out<typeof OnDemandResponseSchema>>().toExtend<StringKeyStringValuePair>();
  });

  it('reads assignments, provisioning logs, users and groups as the SDK types them', () => {
    expectTypeOf<Out<typeof AppRoleAssignmentSchema>>().toExtend<AppRoleAssignment>();
    expectTypeOf<
      Out<typeof ProvisioningObjectSummarySchema>
    >().toExtend<ProvisioningObjectSummary>();
    expectTypeOf<Out<typeof UserSchema>>().toExtend<User>();
    expectTypeOf<Out<typeof GroupSchema>>().toExtend<Group>();
  });

  it('hands callers the SDK-compatible types from every client method', () => {
    expectTypeOf<Resolved<GraphClient['getJob']>>().toExtend<SynchronizationJob>();
    expectTypeOf<Resolved<GraphClient['findServicePrincipals']>>().toExtend<ServicePrincipal[]>();
    expectTypeOf<Resolved<GraphClient['listProvisioningLogs']>>().toExtend<
      ProvisioningObjectSummary[]
    >();
    expectTypeOf<Resolved<GraphDirectoryClient['listAssignments']>>().toExtend<
      AppRoleAssignment[]
    >();
  });
});
