import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * zod for every schema of the project: `zod/mini`'s functional API (a function carries only the
 * schemas and checks it uses, ~30 KB, where classic `zod`'s chained methods bring all of it,
 * ~90 KB), with the English messages classic `zod` gives by default (mini loads no locale), so a
 * 400 names each field with the same words. Import it, never 'zod' itself: one import of classic
 * `zod` anywhere in a function's graph brings the whole of it back.
 */
z.config(en());

export * from 'zod/mini';

/**
 * An issue from inside `z.transform` (mini's transform context has no `addIssue`): what classic
 * zod's `ctx.addIssue` records there, a custom issue on the transform's input that, unlike a
 * refinement's, stops the checks of the schemas around it.
 */
export function transformIssue(ctx: z.core.ParsePayload, issue: { message: string; path?: PropertyKey[] }): void {
  ctx.issues.push({ code: 'custom', input: ctx.value, ...issue });
}
