import { MICROSOFT_REDIRECT_URI } from '../../../shared/settings/microsoft-app';
import { permissionRows } from './permission-rows';

/**
 * How to register the public client app the assistant signs in with: the app cannot ship a
 * publisher registration, so the admin makes one in their tenant and consents to these scopes.
 * Kept consistent with main: single tenant (sign-in goes to the tenant entered below), and the
 * redirect URI main's loopback listener answers on (MICROSOFT_REDIRECT_URI).
 */
export function ClientIdGuide() {
  return (
    <div className="client-id-guide">
      <h4>Register the app the assistant signs in with</h4>
      <p>
        To act in your tenant, the assistant signs in as an app registration you create once. In the
        Microsoft Entra admin center:
      </p>
      <ol className="instructions">
        <li>Browse to Entra ID &gt; App registrations and select + New registration.</li>
        <li>
          Name it (for example “SCIM Setup Assistant”) and under Supported account types choose
          “Accounts in this organizational directory only”.
        </li>
        <li>
          Under Redirect URI, choose the platform “Mobile and desktop applications” and enter{' '}
          <code>{MICROSOFT_REDIRECT_URI}</code> (no port: Microsoft ignores the port of a localhost
          address, and the assistant picks a free one each time). Select Register.
        </li>
        <li>Under Authentication, set “Allow public client flows” to Yes and save.</li>
        <li>
          Under API permissions, select + Add a permission &gt; Microsoft Graph &gt; Delegated
          permissions, and add each permission in the table below.
        </li>
        <li>Select “Grant admin consent” for your organization.</li>
        <li>
          From the Overview page, copy the Application (client) ID and your tenant (the primary
          domain, like contoso.onmicrosoft.com, or the Directory (tenant) ID) into the fields below.
          Sign-in goes to that tenant only, so a guest admin from another organization signs in to
          yours.
        </li>
      </ol>
      <table className="members permissions">
        <caption>Delegated Microsoft Graph permissions the assistant asks for</caption>
        <thead>
          <tr>
            <th scope="col">Permission</th>
            <th scope="col">What for</th>
            <th scope="col">Steps</th>
            <th scope="col">Entra roles that can use it</th>
          </tr>
        </thead>
        <tbody>
          {permissionRows().map((row) => (
            <tr key={row.permission}>
              <td>
                <code>{row.permission}</code>
              </td>
              <td>{row.purposes.join('; ')}</td>
              <td>{row.steps.join(', ')}</td>
              <td>{row.roles.length > 0 ? row.roles.join(', ') : 'Any user'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="field-hint">
        Sign-in asks only for the permissions of the step you are on, so each token is as narrow as
        that step.
      </p>
    </div>
  );
}
