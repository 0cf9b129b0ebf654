import * as z from '../../zod.ts';
import { text } from '../text.ts';

/** The `artisan-help` setting's value as an edit sends it (help-contact.ts says what it is). */
const phone = z.union([z.literal(''), z.string().check(z.trim(), z.regex(/^\+[1-9]\d{7,14}$/, 'must be an international number such as +212528000000'))]);
export const artisanHelpSchema = z.strictObject({
  contact: z.strictObject({
    phone,
    whatsapp: phone,
    email: z.union([z.literal(''), z.email('must be an e-mail address').check(z.maxLength(254))]),
    address: text({ max: 300, multiline: true }),
    hours: text({ max: 200, multiline: true }),
  }),
});

