import type { EntraApp } from '../../../shared/entra/entra-views';

/** What the assistant knows of the enterprise app: its name and ids, and its template. */
export function AppEvidence({ app }: { app: EntraApp }) {
  return (
    <>
      <dl className="details">
        <dt>Name</dt>
        <dd>{app.displayName}</dd>
        <dt>Service principal (object) ID</dt>
        <dd className="mono">{app.servicePrincipalId}</dd>
        <dt>Application (client) ID</dt>
        <dd className="mono">{app.appId ?? '—'}</dd>
      </dl>
      {!app.nonGallery && (
        <p className="notice notice-warning">
          This app was not made from the non-gallery template (“Create your own application”), which
          Stytch’s guide asks for. Provisioning may not offer a SCIM Tenant URL: consider creating a
          new one.
        </p>
      )}
    </>
  );
}
