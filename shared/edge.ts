/**
 * What the edge (CloudFront in AWS, the local gateway with `npm start`) adds to every request it
 * forwards to the API. The functions trust these only because the API is reached through the
 * edge alone (the origin-verify header proves it).
 */
export const EDGE_HEADERS = {
  /** The viewer's IP and source port, e.g. `198.51.100.10:46532` or `2001:db8::1:443` (CloudFront's origin request policy). */
  viewerAddress: 'cloudfront-viewer-address',
  /** The viewer's country, two letters (CloudFront's origin request policy). */
  viewerCountry: 'cloudfront-viewer-country',
  /** A secret only the edge knows (a CloudFront origin custom header): requests without it did not come through the edge. */
  originVerify: 'x-dakhla-origin-verify',
} as const;

/** The viewer's IP from `CloudFront-Viewer-Address` ("ip:port"; the last colon separates the port), or undefined. */
export function viewerIp(headers: Readonly<Record<string, string | undefined>>): string | undefined {
  const value = headers[EDGE_HEADERS.viewerAddress]?.trim();
  if (!value) return undefined;
  const colon = value.lastIndexOf(':');
  const ip = (colon > 0 ? value.slice(0, colon) : value).replace(/^\[|\]$/g, '');
  return /^[0-9a-f.:]{2,45}$/i.test(ip) ? ip.toLowerCase() : undefined;
}
