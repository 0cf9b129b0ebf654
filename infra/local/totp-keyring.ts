import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { otpauthUri } from '#shared/domain/accounts.ts';
import { secondsLeft, totp } from './totp.ts';

/**
 * The authenticator-app secrets the local store set up for its demo accounts (the demo operator
 * signs in with TOTP, as every operator must), kept beside cognito-local's data so that both go
 * together. The gateway shows their current codes at `GET /dev/totp` (JSON) and
 * `/dev/totp.html`, beside the outbox. Local only: in AWS nobody but the person's app has the secret.
 */
export interface TotpEntry {
  email: string;
  secret: string;
  /** The code now, and how many seconds it still lasts. */
  code: string;
  secondsLeft: number;
  otpauth: string;
}

export interface TotpKeyring {
  get(email: string): string | undefined;
  set(email: string, secret: string): void;
  /** Current codes, optionally of one account. */
  codes(filter?: { email?: string }, atMs?: number): TotpEntry[];
}

export function createTotpKeyring(file?: string): TotpKeyring {
  let secrets: Record<string, string> = file ? load(file) : {};
  return {
    get: (email) => secrets[email.toLowerCase()],
    set(email, secret) {
      secrets = { ...secrets, [email.toLowerCase()]: secret };
      if (file) save(file, secrets);
    },
    codes(filter = {}, atMs = Date.now()) {
      const only = filter.email?.toLowerCase();
      return Object.entries(secrets)
        .filter(([email]) => !only || email === only)
        .map(([email, secret]) => ({ email, secret, code: totp(secret, atMs), secondsLeft: secondsLeft(atMs), otpauth: otpauthUri(secret, email) }));
    },
  };
}

function load(file: string): Record<string, string> {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { secrets?: unknown };
    return data.secrets && typeof data.secrets === 'object' ? (data.secrets as Record<string, string>) : {};
  } catch {
    return {}; // absent (first start) or unreadable
  }
}

function save(file: string, secrets: Record<string, string>): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify({ secrets }, null, 2));
  renameSync(`${file}.tmp`, file);
}

/** A small page of the current codes; it reloads itself when they change (no script). */
export function totpHtml(entries: readonly TotpEntry[]): string {
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const rows = entries
    .map(
      (e) => `<article><header><strong>${escape(e.email)}</strong></header><p class="code">${escape(e.code)}</p>` +
        `<p>for ${e.secondsLeft} more seconds · secret <code>${escape(e.secret)}</code> · <a href="${escape(e.otpauth)}">add to an authenticator app</a></p></article>`,
    )
    .join('\n');
  const refresh = Math.max(1, Math.min(...entries.map((e) => e.secondsLeft), 30));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="refresh" content="${refresh}">
<title>Local TOTP codes — Dakhla Market</title>
<style>body{font:16px/1.4 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}article{border:1px solid #ccc;border-radius:8px;padding:.75rem 1rem;margin:1rem 0}
.code{font:700 2em monospace;letter-spacing:.2em;margin:.5rem 0}code{word-break:break-all}</style></head>
<body><h1>Local TOTP codes</h1><p>The authenticator-app codes of the local demo accounts (operators sign in with one). Local only (<a href="/dev/totp">JSON</a>, <a href="/dev/outbox.html">outbox</a>).</p>
${rows || '<p>No account has TOTP set up by the local store.</p>'}</body></html>`;
}
