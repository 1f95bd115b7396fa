import { GRAPH_ACTIONS, type GraphActionName } from '../../../shared/entra/graph-permissions';
import { STEP_CONTENT } from '../../../shared/wizard/content';
import { stepIndex, type WizardStepId } from '../../../shared/wizard/steps';

/** The wizard steps whose panels run each Graph action. */
const ACTION_STEPS: Readonly<Record<GraphActionName, readonly WizardStepId[]>> = {
  'read-apps': ['create-entra-app'],
  'create-app': ['create-entra-app'],
  'read-provisioning': ['enable-provisioning', 'configure-credentials', 'provision-users'],
  'configure-provisioning': ['enable-provisioning', 'configure-credentials', 'provision-users'],
  'assign-users': ['provision-users'],
  'read-provisioning-logs': ['provision-users'],
  'count-users': ['provision-users'],
  'pick-users-and-groups': ['provision-users'],
};

/** One row of the "API permissions" table: a delegated permission and who uses it. */
export interface PermissionRow {
  permission: string;
  /** What the assistant does with it, e.g. "find the enterprise app already made for Stytch". */
  purposes: string[];
  /** "3. Create the Entra application", once each, in step order. */
  steps: string[];
  /** Entra roles that can use it; empty: any user. */
  roles: string[];
}

/** Every delegated permission in GRAPH_ACTIONS, once, with the steps and roles that need it. */
export function permissionRows(): PermissionRow[] {
  const rows = new Map<string, PermissionRow>();
  for (const [name, action] of Object.entries(GRAPH_ACTIONS) as [
    GraphActionName,
    (typeof GRAPH_ACTIONS)[GraphActionName],
  ][]) {
    for (const permission of action.permissions) {
      const row = rows.get(permission) ?? { permission, purposes: [], steps: [], roles: [] };
      row.purposes.push(action.purpose);
      row.steps.push(...ACTION_STEPS[name].map(stepLabel));
      row.roles.push(...action.roles);
      rows.set(permission, row);
    }
  }
  return [...rows.values()].map((row) => ({
    ...row,
    purposes: [...new Set(row.purposes)],
    steps: [...new Set(row.steps)].sort(),
    roles: [...new Set(row.roles)],
  }));
}

function stepLabel(step: WizardStepId): string {
  return `${stepIndex(step) + 1}. ${STEP_CONTENT[step].title}`;
}
