/**
 * The most users and groups one assignment request may carry. No zod here, so the renderer's
 * picker can use it without shipping zod.
 */
export const MAX_ASSIGN_PRINCIPALS = 50;
