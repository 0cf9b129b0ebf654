import { request as httpRequest } from 'node:http';

/**
 * Requests from distinct clients. The store counts clients by address (per-client limits), and
 * every test runs on one machine: each connection here leaves from its own loopback address
 * (127.x.y.z: Linux routes all of 127/8 to the loopback interface), so the store sees distinct
 * shoppers exactly as it would on the Internet — by the socket, with no header to trust.
 */
let last = 0;
const worker = 1 + (process.pid % 250);

/** A loopback address no other connection of this test process has used (127.<process>.x.y). */
export function newConnection(): string {
  last = (last % 65_000) + 1;
  return `127.${worker}.${last >> 8}.${(last & 255) || 1}`;
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One HTTP request to `url` from the loopback address `from`. Redirects are not followed. */
export function sendFrom(from: string, method: string, url: string, options: { headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = httpRequest(
      // The store listens on 127.0.0.1 ("localhost" might resolve to ::1, which a 127.x source cannot reach).
      { host: target.hostname === 'localhost' ? '127.0.0.1' : target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method, localAddress: from, headers: { ...options.headers, ...(options.body !== undefined ? { 'content-length': String(Buffer.byteLength(options.body)) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A shopper's own contact details: a new e-mail and Moroccan mobile each time (limits count them too). */
export function newShopperContact(label = 'shopper'): { email: string; phone: string } {
  const n = `${Date.now() % 1e8}${Math.floor(Math.random() * 1e4)}`.padStart(12, '0');
  return { email: `${label}-${n}@example.ma`, phone: `+2126${n.slice(-8)}` };
}
