import { EXPIRY_WARNING_DAYS } from '../../../shared/fleet/attention';

/**
 * What the overview and each of its actions do, folded under one summary: the admin reads it
 * once, and the toolbar above the list stays one or two lines high.
 */
export function OverviewHelp() {
  return (
    <details className="fleet-help">
      <summary>What do these actions do?</summary>
      <p>
        The list holds every organization of this Stytch project with a SCIM connection. The Entra
        job is shown where this app linked an enterprise app and you are signed in to its tenant.
      </p>
      <p>
        <strong>Health check</strong> sends Entra’s Test Connection query with the token this app
        keeps for each connection. Connections whose token is not on this computer get Stytch’s
        details checked only.
      </p>
      <p>
        <strong>Report</strong> saves every connection with its state, token expiry, last result and
        what to do next, as a CSV file or a printable page. It holds no token or secret.
      </p>
      <p>
        <strong>Token rotation</strong> rotates the tokens expiring within {EXPIRY_WARNING_DAYS}{' '}
        days (expired ones included), or the selected connections, in Stytch and Entra together.
        Sign in to Microsoft first: the assistant saves each new token in Entra for you. Connections
        whose Entra enterprise app this app did not link are rotated on their own page, which guides
        you through Entra by hand.
      </p>
    </details>
  );
}
