import { z } from 'zod';

import { GRAPH_ERROR_CODES, GraphCallError } from './graph-errors';
import { isExistingAssignment, pickerFilter } from './graph-queries';
import {
  AppRoleAssignmentSchema,
  collectionOf,
  GroupSchema,
  NoContentSchema,
  UserSchema,
  type AppRoleAssignment,
  type GraphGroup,
  type GraphUser,
} from './graph-schemas';
import type { GraphCaller } from './graph-caller';

/** An assignment's outcome; an existing one is not an error (reference §3). */
export type AssignOutcome =
  { alreadyAssigned: false; assignment: AppRoleAssignment } | { alreadyAssigned: true };

/** `GET /users/$count`'s answer: a bare number (text/plain, e.g. `893`). */
const UserCountSchema = z.number().int().nonnegative();

/** Page size of the pickers: a person reads a short list and types more. */
const PICKER_TOP = 25;

/** Who is assigned to the app, and the pickers that choose whom to assign (reference §3, §5). */
export class GraphDirectoryClient {
  constructor(private readonly caller: GraphCaller) {}

  /** `GET /servicePrincipals/{id}/appRoleAssignedTo`, every page (within the default bound). */
  async listAssignments(spId: string): Promise<AppRoleAssignment[]> {
    const read = await this.caller.collect(
      'appRoleAssignedTo.list',
      { spId },
      AppRoleAssignmentSchema,
    );
    return read.items;
  }

  /**
   * `POST /servicePrincipals/{id}/appRoleAssignedTo` (reference §3): assigns a user or group to
   * the app's role (the "User" role, see userAppRoleId). A duplicate is success.
   */
  async assign(spId: string, principalId: string, appRoleId: string): Promise<AssignOutcome> {
    const body = { principalId, resourceId: spId, appRoleId };
    try {
      const assignment = await this.caller.call(
        'appRoleAssignedTo.create',
        { spId },
        AppRoleAssignmentSchema,
        { body },
      );
      return { alreadyAssigned: false, assignment };
    } catch (error) {
      const facts = error instanceof GraphCallError ? error.facts : null;
      if (facts && isExistingAssignment(facts.graphCode, facts.graphMessage))
        return { alreadyAssigned: true };
      throw error;
    }
  }

  /**
   * `DELETE /servicePrincipals/{id}/appRoleAssignedTo/{assignmentId}` (Graph v1.0 "Delete
   * appRoleAssignedTo", 204). A 404 `Request_ResourceNotFound` means the assignment is already
   * gone (removed in the portal meanwhile, or a retried delete whose first answer was lost), which
   * is what the caller wanted: `alreadyGone` rather than an error. Only here: elsewhere a 404 is
   * news.
   */
  async unassign(spId: string, assignmentId: string): Promise<{ alreadyGone: boolean }> {
    try {
      await this.caller.call('appRoleAssignedTo.delete', { spId, assignmentId }, NoContentSchema);
      return { alreadyGone: false };
    } catch (error) {
      const facts = error instanceof GraphCallError ? error.facts : null;
      if (facts?.status === 404 && facts.graphCode === GRAPH_ERROR_CODES.notFound)
        return { alreadyGone: true };
      throw error;
    }
  }

  /** Users whose name, UPN or mail starts with `text`. */
  async searchUsers(text: string): Promise<GraphUser[]> {
    const query = {
      $filter: pickerFilter('users', text),
      $top: PICKER_TOP,
      $select: 'id,displayName,userPrincipalName,mail',
    };
    return (await this.caller.call('users.list', {}, collectionOf(UserSchema), { query })).value;
  }

  /**
   * How many users the tenant has: `GET /users/$count` (Graph v1.0 user-list.md, "Get only a
   * count of users"), its `text/plain` number read as JSON, which it is.
   */
  countUsers(): Promise<number> {
    return this.caller.call('users.count', {}, UserCountSchema);
  }

  /** Groups whose name or mail starts with `text`. */
  async searchGroups(text: string): Promise<GraphGroup[]> {
    const query = {
      $filter: pickerFilter('groups', text),
      $top: PICKER_TOP,
      $select: 'id,displayName,description',
    };
    return (await this.caller.call('groups.list', {}, collectionOf(GroupSchema), { query })).value;
  }
}
