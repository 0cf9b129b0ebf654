import { inject } from 'vitest';

/** A Cognito JSON call as the browser makes it (no signature), from the store's origin, to the running store's cognito-local. */
export async function cognitoJson<T = Record<string, any>>(target: string, body: unknown): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await fetch(inject('cognitoEndpoint'), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${target}`,
      origin: inject('storeUrl'),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}
