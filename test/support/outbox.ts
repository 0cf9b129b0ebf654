import { inject } from 'vitest';

/**
 * The newest code (sign-up confirmation, password reset…) the running store's local outbox holds
 * for this address: what Cognito would have emailed. The outbox lists newest first.
 */
export async function outboxCode(email: string): Promise<string> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const response = await fetch(`${inject('storeUrl')}/dev/outbox?to=${encodeURIComponent(email)}`);
    const [newest] = ((await response.json()) as { messages: { code?: string; text: string }[] }).messages;
    const code = newest?.code ?? /\b(\d{6})\b/.exec(newest?.text ?? '')?.[1];
    if (code) return code;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no code in the outbox for ${email}`);
}
