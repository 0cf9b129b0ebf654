import { describe, expect, it } from 'vitest';
import { cmiPageHtml, CMI_PAGE_SCRIPT } from '../payments/cmi-page.ts';
import { sandboxPageHtml } from '../payments/sandbox-page.ts';
import { cspAllows, originOf, parseCsp, paymentOrigins, scriptHash, securityHeaderPolicy, securityHeaders, styleHash } from './security-headers.ts';

const aws = { authEndpoint: 'https://cognito-idp.eu-west-3.amazonaws.com/', uploadOrigin: 'https://images-abc.s3.eu-west-3.amazonaws.com' };

describe('the security-header policy', () => {
  it('lets the browser connect to this origin, the user pool and the upload bucket only', () => {
    const csp = parseCsp(securityHeaderPolicy(aws).contentSecurityPolicy);
    expect(csp.get('connect-src')).toEqual(["'self'", 'https://cognito-idp.eu-west-3.amazonaws.com', 'https://images-abc.s3.eu-west-3.amazonaws.com']);
    expect(cspAllows(csp.get('connect-src')!, aws.authEndpoint, 'https://d1.cloudfront.net')).toBe(true);
    expect(cspAllows(csp.get('connect-src')!, 'https://cognito-idp.us-east-1.amazonaws.com/', 'https://d1.cloudfront.net')).toBe(false);
    expect(cspAllows(csp.get('connect-src')!, 'https://d1.cloudfront.net/api/me', 'https://d1.cloudfront.net')).toBe(true);
  });

  it('runs no inline script, allows no framing, and no inline style but the sandbox page\'s own, by hash', () => {
    const csp = parseCsp(securityHeaderPolicy(aws).contentSecurityPolicy);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    const page = sandboxPageHtml({ sessionId: 'sbx_abcdefgh12', orderId: 'ord-1', amount: 100, status: 'open', returnUrl: '/orders/ord-1' }, 'fr');
    const inline = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]!);
    expect(inline).toHaveLength(1);
    expect(csp.get('style-src')).toEqual(["'self'", styleHash(inline[0]!)]);
    expect(page).not.toMatch(/ style=|<script| on[a-z]+=/);
  });

  it("with CMI: its gate in form-action and the redirect page's one inline script by hash, nothing else inline", () => {
    expect(paymentOrigins('sandbox')).toEqual({});
    expect(() => paymentOrigins('cmi')).toThrow(/cmiGatewayUrl/);
    const csp = parseCsp(securityHeaderPolicy({ ...aws, paymentProvider: paymentOrigins('cmi', { cmiGatewayUrl: 'https://payment.cmi.co.ma/fim/est3Dgate' }) }).contentSecurityPolicy);
    expect(csp.get('form-action')).toEqual(["'self'", 'https://payment.cmi.co.ma']);
    expect(csp.get('script-src')).toEqual(["'self'", scriptHash(CMI_PAGE_SCRIPT)]);
    const page = cmiPageHtml({ open: true, orderId: 'ord-1', amount: 18500, gatewayUrl: 'https://payment.cmi.co.ma/fim/est3Dgate', fields: { oid: 'o"1', BillToName: '<b>' } }, 'ar');
    expect([...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1])).toEqual([CMI_PAGE_SCRIPT]);
    expect([...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => styleHash(m[1]!))).toEqual(csp.get('style-src')!.slice(1));
    expect(page).toContain('value="o&#34;1"');
    expect(page).not.toContain('<b>');
    expect(page).toContain('dir="rtl"');
    expect(page).toMatch(/<button class="approve" type="submit">/);
  });

  it("takes a card provider's form and script hosts (a CMI gateway posts a form to its own host)", () => {
    const csp = parseCsp(
      securityHeaderPolicy({ ...aws, paymentProvider: { formAction: ['https://payment.cmi.co.ma/fim/est3Dgate'], connectSrc: ['https://payment.cmi.co.ma'] } }).contentSecurityPolicy,
    );
    expect(csp.get('form-action')).toEqual(["'self'", 'https://payment.cmi.co.ma']);
    expect(csp.get('connect-src')).toContain('https://payment.cmi.co.ma');
  });

  it('refuses an origin that would break out of a source list', () => {
    expect(() => securityHeaderPolicy({ authEndpoint: "https://x.example; script-src 'unsafe-inline'" })).toThrow(/authEndpoint/);
    expect(() => securityHeaderPolicy({ ...aws, paymentProvider: { formAction: ['javascript:alert(1)'] } })).toThrow(/paymentProvider.formAction/);
    expect(originOf('http://localhost:9229/', 'x')).toBe('http://localhost:9229');
    // A CDK token (the region) passes as text.
    expect(originOf('https://cognito-idp.${Token[AWS.Region.9]}.amazonaws.com/', 'x')).toBe('https://cognito-idp.${Token[AWS.Region.9]}.amazonaws.com');
  });

  it('sends no referrer, HSTS for two years, nosniff, DENY, COOP and a Permissions-Policy, as headers CloudFront writes', () => {
    const headers = securityHeaders(securityHeaderPolicy(aws));
    expect(headers).toMatchObject({
      'referrer-policy': 'no-referrer',
      'strict-transport-security': 'max-age=63072000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(headers['permissions-policy']).toMatch(/^(\w[\w-]*=\(\)(, )?)+$/);
    expect(Object.keys(headers).every((name) => name === name.toLowerCase())).toBe(true);
  });
});
