import type { RehearsalView } from '../../../shared/provisioning/rehearsal';

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** The simulated Entra's side: who is in the demo directory, assigned, and provisioned. */
export function DemoDirectory({ view }: { view: RehearsalView }) {
  return (
    <>
      <table className="members">
        <caption>Demo directory in the simulated Entra</caption>
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">User principal name</th>
            <th scope="col">Assigned to the app</th>
            <th scope="col">Provisioned by the simulated job</th>
          </tr>
        </thead>
        <tbody>
          {view.users.map((user) => (
            <tr key={user.objectId}>
              <td>{user.displayName}</td>
              <td>{user.userPrincipalName}</td>
              <td>{yesNo(user.assigned)}</td>
              <td>{yesNo(user.provisioned)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul aria-label="Groups in the demo directory">
        {view.groups.map((group) => (
          <li key={group.objectId}>
            Group {group.displayName}
            {group.assigned ? ' (assigned)' : ' (not assigned)'}:{' '}
            {group.members.join(', ') || 'no members'}
          </li>
        ))}
      </ul>
    </>
  );
}
