import type { ComponentProps } from 'react';

import type { EntraSetupView } from '../../../shared/entra/entra-views';
import { TEST_USER_NAME } from '../../../shared/wizard/entra-steps';
import { Busy } from '../../components/Busy';
import { useEntraStore } from '../../state/entra-store';
import { useStepViewStore } from '../../state/step-view-store';
import { useWatchFacts } from '../../state/watch-store';
import { OpFailure } from './OpFailure';
import { UnassignAction } from './UnassignAction';
import { useGraphSandbox } from './use-microsoft-status';

/** The test user is assigned: unassign it here, beside what that proves. */
function UnassignTestUser(props: ComponentProps<typeof UnassignAction>) {
  return (
    <>
      <p>
        “{TEST_USER_NAME}” is assigned to the app. Once its member appears in Members in Stytch,
        unassign it: Entra deactivates its member at its next cycle, and the optional checklist item
        ticks itself when the watch sees it.
      </p>
      <div className="actions">
        <UnassignAction {...props} />
      </div>
    </>
  );
}

/** In the sandbox, before the test user is assigned: the assistant creates and assigns it. */
function CreateTestUser() {
  const busy = useEntraStore((s) => s.busy);
  const createTestUser = useEntraStore((s) => s.createTestUser);
  return (
    <>
      <p>
        The assistant can create “{TEST_USER_NAME}” in the sandbox tenant and assign it to the app.
        Once its member appears in Stytch, unassign it and watch the member become deactivated.
      </p>
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={() => void createTestUser()}
        >
          Create and assign the test user
        </button>
        {busy === 'sandbox:createTestUser' && <Busy label="Creating the test user…" />}
        {busy === 'entra:assign' && <Busy label="Assigning in Entra…" />}
      </div>
    </>
  );
}

/** In a real tenant: the assistant suggests a test user by name and creates nothing. */
function RealTenantTestUser() {
  return (
    <ol>
      <li>
        {`In the Microsoft Entra admin center, create a dedicated test user, for example “${TEST_USER_NAME}”.`}{' '}
        The assistant does not create users in your tenant.
      </li>
      <li>
        Assign it in part 1, “Assign users and groups”, and wait for its member to appear in Members
        in Stytch (part 4).
      </li>
      <li>
        Come back to this part to unassign it: Entra deactivates its member at its next cycle (about
        every 40 minutes).
      </li>
    </ol>
  );
}

/**
 * Step 7's optional deprovisioning proof. The step is done once a member arrives; seeing Entra
 * deactivate one is worth doing only with a test user, since unassigning a person removes their
 * access.
 */
export function TestUserProof({ view }: { view: EntraSetupView }) {
  const sandbox = useGraphSandbox();
  const unassigned = useStepViewStore((s) => s.testUserUnassigned[view.organizationId] ?? null);
  const setUnassigned = (name: string) =>
    useStepViewStore.getState().noteTestUserUnassigned(view.organizationId, name);
  const seen = useWatchFacts();
  const assignment = view.assignments?.find((a) => a.displayName === TEST_USER_NAME) ?? null;
  const step = () => {
    if (assignment) {
      return (
        <UnassignTestUser
          assignment={assignment}
          interval={view.job?.interval ?? null}
          onDone={setUnassigned}
        />
      );
    }
    if (unassigned !== null) {
      return (
        <p className="notice notice-success" role="status">
          {seen.deactivated
            ? `Unassigned ${unassigned}, and its member is now deactivated in Stytch: deprovisioning works.`
            : `Unassigned ${unassigned}. Entra deactivates its member in Stytch at its next cycle; the optional checklist item ticks itself when the watch sees it.`}
        </p>
      );
    }
    return sandbox ? <CreateTestUser /> : <RealTenantTestUser />;
  };
  return (
    <section className="entra-test-user" aria-labelledby="entra-test-user-heading">
      <h3 id="entra-test-user-heading">Optional: see deprovisioning with a test user</h3>
      <p>
        This step is done once a member appears in Stytch. To also see Entra deactivate a member,
        use a test user, never a real person: unassigning someone removes their access to the app
        and deactivates their member in Stytch.
      </p>
      {step()}
      <OpFailure ops={['sandbox:createTestUser']} title="The test user was not created." />
    </section>
  );
}
