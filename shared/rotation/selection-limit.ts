// No zod here (rotation.ts holds the schemas), so the renderer can use the bound without
// shipping zod.

/**
 * The most connections one rotation of a selection may name: they run one after the other, each
 * with about ten calls to Stytch and Graph, so a larger batch is better split.
 */
export const MAX_ROTATION_SELECTION = 200;
