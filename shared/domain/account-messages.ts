import { DEFAULT_LOCALE, isLocale, RTL_LOCALES, type Locale } from './locales.ts';
import { PASSWORD_POLICY } from './accounts.ts';

/**
 * What Cognito e-mails about an account (sign-up codes, password resets, invitations, changed
 * addresses), in the person's language: the custom-message trigger (functions/auth/
 * custom-message.ts) answers Cognito with these, in AWS and locally. Cognito puts the code where
 * `{####}` is and, in an invitation, the address where `{username}` is; the message is HTML (the
 * code isolated left to right, the whole right to left in Arabic).
 */

/** Why Cognito sends a message: its CustomMessage trigger sources, without the `CustomMessage_` prefix. */
export type AccountMessageKind = 'SignUp' | 'ResendCode' | 'ForgotPassword' | 'AdminCreateUser' | 'UpdateUserAttribute' | 'VerifyUserAttribute' | 'Authentication';

export const CODE_PARAMETER = '{####}';
export const USERNAME_PARAMETER = '{username}';

interface Texts {
  subject: string;
  /** Paragraphs; the code and the address go where CODE / USERNAME are. */
  lines: string[];
}

const CODE = '\u0000code';
const USERNAME = '\u0000username';
const days = PASSWORD_POLICY.temporaryPasswordDays;

const TEXTS: Record<Locale, Record<'verify' | 'reset' | 'invite' | 'contact' | 'signIn', Texts>> = {
  fr: {
    verify: { subject: 'Votre code Dakhla Market', lines: ['Bienvenue sur Dakhla Market !', `Votre code de confirmation : ${CODE}`, 'Saisissez-le sur la page d’inscription pour confirmer votre adresse e-mail.'] },
    reset: { subject: 'Nouveau mot de passe Dakhla Market', lines: [`Votre code pour choisir un nouveau mot de passe : ${CODE}`, 'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.'] },
    invite: {
      subject: 'Votre invitation à la console des opérateurs de Dakhla Market',
      lines: [
        'Vous êtes invité(e) à gérer Dakhla Market avec l’équipe du centre régional d’investissement.',
        `Ouvrez la boutique, choisissez « Vendre sur Dakhla Market » puis « Se connecter », avec votre adresse ${USERNAME} et ce mot de passe provisoire : ${CODE}`,
        'Choisissez ensuite votre mot de passe et installez une application d’authentification (TOTP), obligatoire pour les opérateurs.',
        `Le mot de passe provisoire est valable ${days} jours.`,
      ],
    },
    contact: { subject: 'Confirmez votre adresse Dakhla Market', lines: [`Votre code de confirmation : ${CODE}`] },
    signIn: { subject: 'Votre code de connexion Dakhla Market', lines: [`Votre code de connexion : ${CODE}`] },
  },
  ar: {
    verify: { subject: 'رمزكم في سوق الداخلة', lines: ['مرحبًا بكم في سوق الداخلة!', `رمز التأكيد: ${CODE}`, 'اكتبوه في صفحة التسجيل لتأكيد بريدكم الإلكتروني.'] },
    reset: { subject: 'كلمة مرور جديدة في سوق الداخلة', lines: [`رمزكم لاختيار كلمة مرور جديدة: ${CODE}`, 'إذا لم تطلبوا شيئًا فتجاهلوا هذه الرسالة: كلمة مروركم لن تتغير.'] },
    invite: {
      subject: 'دعوتكم إلى لوحة مشغلي سوق الداخلة',
      lines: [
        'أنتم مدعوون إلى تسيير سوق الداخلة مع فريق المركز الجهوي للاستثمار.',
        `افتحوا المتجر، واختاروا «البيع في سوق الداخلة» ثم «تسجيل الدخول»، بعنوانكم ${USERNAME} وكلمة المرور المؤقتة هذه: ${CODE}`,
        'ثم اختاروا كلمة مروركم وثبّتوا تطبيق مصادقة (TOTP)، وهو إلزامي للمشغلين.',
        `كلمة المرور المؤقتة صالحة ${days} أيام.`,
      ],
    },
    contact: { subject: 'أكدوا عنوانكم في سوق الداخلة', lines: [`رمز التأكيد: ${CODE}`] },
    signIn: { subject: 'رمز الدخول إلى سوق الداخلة', lines: [`رمز الدخول: ${CODE}`] },
  },
  en: {
    verify: { subject: 'Your Dakhla Market code', lines: ['Welcome to Dakhla Market!', `Your confirmation code: ${CODE}`, 'Enter it on the sign-up page to confirm your e-mail address.'] },
    reset: { subject: 'A new Dakhla Market password', lines: [`Your code to choose a new password: ${CODE}`, 'If you did not ask for it, ignore this message: your password stays as it is.'] },
    invite: {
      subject: 'Your invitation to the Dakhla Market operator console',
      lines: [
        'You are invited to run Dakhla Market with the team of the regional investment centre.',
        `Open the store, choose "Sell on Dakhla Market", then "Sign in", with your address ${USERNAME} and this temporary password: ${CODE}`,
        'Then choose your own password and set up an authenticator app (TOTP), which operators must use.',
        `The temporary password works for ${days} days.`,
      ],
    },
    contact: { subject: 'Confirm your Dakhla Market address', lines: [`Your confirmation code: ${CODE}`] },
    signIn: { subject: 'Your Dakhla Market sign-in code', lines: [`Your sign-in code: ${CODE}`] },
  },
  es: {
    verify: { subject: 'Su código de Dakhla Market', lines: ['¡Bienvenido a Dakhla Market!', `Su código de confirmación: ${CODE}`, 'Escríbalo en la página de registro para confirmar su correo electrónico.'] },
    reset: { subject: 'Nueva contraseña de Dakhla Market', lines: [`Su código para elegir una contraseña nueva: ${CODE}`, 'Si no lo ha pedido, ignore este mensaje: su contraseña no cambia.'] },
    invite: {
      subject: 'Su invitación a la consola de operadores de Dakhla Market',
      lines: [
        'Está invitado(a) a gestionar Dakhla Market con el equipo del centro regional de inversión.',
        `Abra la tienda, elija «Vender en Dakhla Market» y luego «Iniciar sesión», con su dirección ${USERNAME} y esta contraseña provisional: ${CODE}`,
        'Después elija su propia contraseña e instale una aplicación de autenticación (TOTP), obligatoria para los operadores.',
        `La contraseña provisional vale ${days} días.`,
      ],
    },
    contact: { subject: 'Confirme su dirección de Dakhla Market', lines: [`Su código de confirmación: ${CODE}`] },
    signIn: { subject: 'Su código de acceso a Dakhla Market', lines: [`Su código de acceso: ${CODE}`] },
  },
};

const TEXT_OF: Record<AccountMessageKind, keyof (typeof TEXTS)['fr']> = {
  SignUp: 'verify',
  ResendCode: 'verify',
  ForgotPassword: 'reset',
  AdminCreateUser: 'invite',
  UpdateUserAttribute: 'contact',
  VerifyUserAttribute: 'contact',
  Authentication: 'signIn',
};

export const isAccountMessageKind = (value: string): value is AccountMessageKind => value in TEXT_OF;

/** The language to write in: the page the person is on (the call's ClientMetadata), else the account's `locale`, else French. */
export function messageLocale(clientMetadata: Record<string, string> | undefined, userAttributes: Record<string, string> | undefined): Locale {
  for (const candidate of [clientMetadata?.locale, userAttributes?.locale]) if (isLocale(candidate)) return candidate;
  return DEFAULT_LOCALE;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The message with Cognito's placeholders (`{####}`, `{username}`) in it, as HTML and as plain text. */
export function accountMessage(kind: AccountMessageKind, locale: Locale): { subject: string; html: string; text: string } {
  const { subject, lines } = TEXTS[locale][TEXT_OF[kind]];
  const dir = RTL_LOCALES.has(locale) ? 'rtl' : 'ltr';
  const html = lines
    .map((line) => `<p>${escapeHtml(line).replace(CODE, `<b dir="ltr" style="font-size:1.25em;letter-spacing:.1em">${CODE_PARAMETER}</b>`).replace(USERNAME, `<span dir="ltr">${USERNAME_PARAMETER}</span>`)}</p>`)
    .join('');
  // In plain text the code and address sit between Unicode isolates, so Arabic around them keeps its order.
  const text = lines.map((line) => line.replace(CODE, `\u2066${CODE_PARAMETER}\u2069`).replace(USERNAME, `\u2066${USERNAME_PARAMETER}\u2069`)).join('\n\n');
  return { subject, html: `<div dir="${dir}" lang="${locale}">${html}</div>`, text };
}
