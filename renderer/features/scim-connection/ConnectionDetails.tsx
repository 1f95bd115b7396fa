import { identityProviderWords } from '../../../shared/stytch/identity-provider';
import type { ScimConnectionView, TokenStatus } from '../../../shared/stytch/views';
import { expiryNow } from './TokenExpiry';

const STORAGE_TEXT: Record<TokenStatus['storage'], string> = {
  keychain: 'saved in the system keychain',
  memory: 'held in memory until the app quits (the keychain refused it)',
  none: 'not saved on this computer',
};

/** How a token is described: where it is kept and how it ends. */
export function describeToken(token: TokenStatus): string {
  const ending = token.last4 ? `ending in ${token.last4}, ` : '';
  return `${ending}${STORAGE_TEXT[token.storage]}`;
}

/** A sentence about a connection's token: "Its token ends in k9Zq and is saved in the system keychain." */
export function tokenSentence(token: TokenStatus): string {
  const ending = token.last4 ? `ends in ${token.last4} and is` : 'is';
  return `Its token ${ending} ${STORAGE_TEXT[token.storage]}.`;
}

/** Everything the app knows about the connection, none of it secret. */
export function ConnectionDetails({ connection }: { connection: ScimConnectionView }) {
  const rows: [string, string][] = [
    ['Display name', connection.displayName],
    ['Connection ID', connection.connectionId],
    ['Status', connection.status],
    ['Identity provider', identityProviderWords(connection.identityProvider)],
    ['Base URL', connection.baseUrl],
    ['Token', describeToken(connection.token)],
    ['Token expiry', expiryNow(connection.bearerTokenExpiresAt).phrase],
  ];
  if (connection.rotating && connection.nextToken) {
    rows.push(['New token (rotation)', describeToken(connection.nextToken)]);
    rows.push(['New token expiry', expiryNow(connection.nextBearerTokenExpiresAt).phrase]);
  }
  return (
    <dl className="details">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
