import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverEdition, signature } from '../../src/deliver/index.js';
import { useTempDirs } from '../helpers/tempDirs.js';
import { sampleEdition } from './edition.js';

const tmp = useTempDirs('briefgen-webhook-');
const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

/** A receiver that never answers its first call, then accepts. */
async function slowThenFine() {
  const bodies: string[] = [];
  let calls = 0;
  const server = createServer((request, response) => {
    calls++;
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (calls === 1) return; // hangs: the sender's timeout must give up on it
      bodies.push(`${String(request.headers['x-briefgen-signature'])} ${body}`);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => {
    server.closeAllConnections();
    server.close();
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, bodies, calls: () => calls };
}

describe('webhook delivery', () => {
  it('tries again after a call that times out, and signs the body it sends', async () => {
    const receiver = await slowThenFine();
    const edition = await sampleEdition(await tmp());
    const results = await deliverEdition(
      { webhook: { url: receiver.url, includePdf: false } },
      ['webhook'],
      edition,
      { env: { BRIEFGEN_WEBHOOK_SECRET: 's3cret' }, retryDelaysMs: [10, 10], timeoutMs: 300 },
    );
    expect(results).toEqual([{ channel: 'webhook', ok: true }]);
    expect(receiver.calls()).toBe(2);
    const [sent] = receiver.bodies;
    const body = sent!.slice(sent!.indexOf(' ') + 1);
    expect(sent).toBe(`${signature(body, 's3cret')} ${body}`);
    expect(JSON.parse(body)).toEqual({
      id: 'weekly',
      asOf: '2026-11-23',
      title: 'Weekly overview',
      marking: 'TLP:RED',
      keyPoints: ['Talks resumed.'],
      pdf: 'out/weekly/weekly-2026-11-23.pdf',
    });
  });

  it('needs BRIEFGEN_WEBHOOK_SECRET, and says so', async () => {
    const edition = await sampleEdition(await tmp());
    const [result] = await deliverEdition(
      { webhook: { url: 'http://127.0.0.1:1/', includePdf: false } },
      ['webhook'],
      edition,
      { env: {} },
    );
    expect(result && 'error' in result ? result.error.message : '').toBe(
      'the environment variable BRIEFGEN_WEBHOOK_SECRET is not set',
    );
  });
});
