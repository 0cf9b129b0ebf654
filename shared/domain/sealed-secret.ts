/**
 * A secret kept so that only the holder of a passphrase can read it back: AES-256-GCM under a
 * key derived (HKDF-SHA-256) from the passphrase and a context, the context also bound as
 * additional data. What is stored is `v1.<iv>.<ciphertext+tag>` (base64url): without the
 * passphrase, the database alone cannot reveal the secret.
 *
 * Used for the idempotency record of a checkout: the order link's secret is sealed under the
 * client's own Idempotency-Key (which the table does not keep, only its hash), so a replay of the
 * checkout gets the secret back and nobody reading the table does.
 */
const SALT = new TextEncoder().encode('dakhla-market/sealed-secret/v1');
const encoder = new TextEncoder();

async function keyFor(passphrase: string, context: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: SALT, info: encoder.encode(context) }, material, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

const toBase64Url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '='));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export async function sealSecret(secret: string, passphrase: string, context: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(context) }, await keyFor(passphrase, context), encoder.encode(secret));
  return `v1.${toBase64Url(iv)}.${toBase64Url(new Uint8Array(sealed))}`;
}

/** The secret back, or undefined when the passphrase or context is not the one it was sealed with (or it was tampered with). */
export async function openSecret(sealed: string, passphrase: string, context: string): Promise<string | undefined> {
  const [version, ivText, dataText, ...rest] = sealed.split('.');
  const iv = ivText === undefined ? undefined : fromBase64Url(ivText);
  const data = dataText === undefined ? undefined : fromBase64Url(dataText);
  if (version !== 'v1' || rest.length > 0 || !iv || iv.length !== 12 || !data) return undefined;
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(context) }, await keyFor(passphrase, context), data);
    return new TextDecoder().decode(plain);
  } catch {
    return undefined;
  }
}
