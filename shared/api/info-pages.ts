import * as z from '../zod.ts';
import { INFO_PAGES } from '../domain/info-pages/index.ts';

/** The public information pages' API: `GET /api/info-pages/{slug}` (shared/domain/info-pages/). */
export const infoPagePath = z.strictObject({ slug: z.enum(INFO_PAGES, { error: `must be one of ${INFO_PAGES.join(', ')}` }) });
export type { InfoPageView } from '../domain/info-pages/index.ts';
