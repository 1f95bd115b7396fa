import type { RotationLeft } from '../../shared/rotation/rotation';

/**
 * Where a failed rotation leaves the tokens, in the words main returns (rotate-across.ts): the
 * flags, and the sentence that begins the failure's hint. A sentence says only what the app knows.
 */

/** Nothing changed: the run stopped before Stytch started a rotation, or before Entra saw one. */
export function unchanged(): RotationLeft {
  return {
    rotationPending: false,
    completed: false,
    entraHasOldToken: true,
    summary: 'Nothing was changed in Stytch or Entra.',
  };
}

/** Undone before Complete: the old token in Entra (kept or put back), the rotation cancelled. */
export function cancelled(): RotationLeft {
  return {
    rotationPending: false,
    completed: false,
    entraHasOldToken: true,
    summary:
      'Nothing changed for Entra: the rotation was cancelled, and the current token works in Stytch and Entra as before.',
  };
}

/**
 * The undo stopped with the rotation still pending at Stytch (known: Complete did not land), so
 * Stytch accepts both tokens and the new one stays here. `entraHasOldToken`: whether Entra holds
 * the old token (the cancel failed) or may hold the new one (it could not be put back).
 */
export function leftPending(entraHasOldToken: boolean): RotationLeft {
  return {
    rotationPending: true,
    completed: false,
    entraHasOldToken,
    summary: entraHasOldToken
      ? 'The current token still works in Stytch and Entra. The rotation is still pending at Stytch and its new token stays on this computer: try again, or cancel the rotation.'
      : 'Entra may hold the new token and the old one could not be put back, so the rotation is left pending at Stytch (it still accepts the token Entra holds); its new token stays on this computer. Try the rotation again, or cancel it once Entra has the old token again.',
  };
}

/** Stytch completed: what is left when an Entra step after it failed. */
export function afterComplete(entraSaved: boolean): RotationLeft {
  return {
    rotationPending: false,
    completed: true,
    entraHasOldToken: !entraSaved,
    summary: entraSaved
      ? 'Stytch accepts only the new token now, and Entra holds it, but Entra’s Test Connection did not pass. Run Test Connection in Entra; the new token is kept on this computer.'
      : 'Stytch accepts only the new token now, and Entra still holds the old one, so provisioning fails until Entra gets the new one. Save it in Entra now (Save in Entra again, or copy it into Entra’s Secret Token field); it is kept on this computer.',
  };
}

/**
 * Complete failed and Stytch could not be read back: the rotation may have completed or may still
 * be pending, and the app does not know which, so it says so and never claims either. Which token
 * Entra holds is known: the new one when Entra went first (Stytch accepts it either way), else
 * the old one (refused if Complete landed).
 */
export function completeUnknown(entraHasOldToken: boolean): RotationLeft {
  const unknown =
    'Stytch did not confirm Complete and could not be read back, so the app does not know whether the rotation completed or is still pending; the new token stays on this computer.';
  const entra = entraHasOldToken
    ? 'Entra holds the old token, which Stytch refuses if the rotation completed.'
    : 'Entra holds the new token, which Stytch accepts either way.';
  return {
    rotationPending: null,
    completed: null,
    entraHasOldToken,
    summary: `${unknown} ${entra} Read the connection again (or check it in Stytch), then rotate again: a rotation still pending is finished with the kept token, a completed one is followed by a new rotation that leaves Stytch and Entra with the same token.`,
  };
}
