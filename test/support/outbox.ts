import { inject } from 'vitest';

/** The newest sign-up code the running store's local outbox holds for this address (Cognito's email, locally). */
export async function codeFor(email: string): Promise<string> {
  const storeUrl = inject('storeUrl');
  for (let attempt = 0; attempt < 40; attempt++) {
    const response = await fetch(`${storeUrl}/dev/outbox`);
    const { messages } = (await response.json()) as { messages: { to: string; code?: string; text: string; sentAt: string }[] };
    const mine = messages.filter((m) => m.to.toLowerCase() === email.toLowerCase());
    const last = mine.at(-1);
    const code = last?.code ?? /\b(\d{6})\b/.exec(last?.text ?? '')?.[1];
    if (code) return code;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no code in the outbox for ${email}`);
}
