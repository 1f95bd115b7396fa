/** Microsoft's description of four codes it lists together. */
const NOT_AUTHORIZED =
  "Microsoft Entra authenticated with the target application but wasn't authorized to perform the update. Review any instructions that the target application provided, along with the respective application tutorial.";

/**
 * PROVISIONING LOGS ONLY. Error codes Entra writes to its provisioning logs during provisioning
 * cycles, with Microsoft's description of each, word for word (typos included): MicrosoftDocs/
 * entra-docs docs/identity/monitoring-health/howto-analyze-provisioning-logs.md, "Error codes"
 * (links reduced to their text; codes Microsoft lists together share one description).
 * Test Connection does not show these codes (it shows the …CredentialValidation… codes in
 * `entra-texts.ts`), so no probe verdict may use them; they are kept for a provisioning watch
 * that reads the logs. Only the codes a SCIM endpoint can cause are listed.
 */
export const PROVISIONING_LOG_CODES: Readonly<Record<string, string>> = {
  TooManyRequests:
    "The target app rejected this attempt to update the user because it's overloaded and receiving too many requests. There's nothing to do. This attempt is automatically retired. Microsoft has also been notified of this issue.",
  InternalServerError:
    'The target app returned an unexpected error. A service issue with the target application might be preventing it from working. This attempt is automatically retried in 40 minutes.',
  InsufficientRights: NOT_AUTHORIZED,
  MethodNotAllowed: NOT_AUTHORIZED,
  NotPermitted: NOT_AUTHORIZED,
  Unauthorized: NOT_AUTHORIZED,
  UnprocessableEntity:
    'The target application returned an unexpected response. The configuration of the target application might not be correct, or a service issue with the target application might be preventing it from working.',
  WebExceptionProtocolError:
    "An HTTP protocol error occurred in connecting to the target application. There's nothing to do. This attempt is automatically retried in 40 minutes.",
  NotImplemented:
    'The target app returned an unexpected response. The configuration of the app might not be correct, or a service issue with the target app might be preventing it from working. Review any instructions that the target application provided, along with the respective application tutorial.',
  Timeout:
    "The operation couldn't be completed because the target application took too long to respond. There's nothing to do. This attempt is automatically retried in 40 minutes.",
  DuplicateTargetEntries:
    "The operation couldn't be completed because more than one user in the target application was found with the configured matching attributes. Remove the duplicate user from the target application, or reconfigure your attribute mappings.",
  SchemaAttributeNotFound:
    "The operation couldn't be performed because an attribute was specified that doesn't exist in the target application. See the documentation on attribute customization and ensure that your configuration is correct.",
  SystemForCrossDomainIdentityManagementMultipleEntriesInResponse:
    'A GET request to retrieve a user or group received multiple users or groups in the response. The system expects to receive only one user or group in the response. For example, if you do a GET Group request to retrieve a group, provide a filter to exclude members, and your System for Cross-Domain Identity Management (SCIM) endpoint returns the members, this error appears.',
  SystemForCrossDomainIdentityManagementServiceIncompatible:
    'The Microsoft Entra provisioning service is unable to parse the response from the third party application. Work with the application developer to ensure that the SCIM server is compatible with the Microsoft Entra SCIM client.',
};
