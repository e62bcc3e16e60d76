import { afterEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { deliverEdition } from '../../src/deliver/index.js';
import { useTempDirs } from '../helpers/tempDirs.js';
import { sampleEdition } from './edition.js';

const tmp = useTempDirs('briefgen-email-');
const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

/** A real SMTP server that wants a user name and password. */
async function authenticatingServer(user: string, password: string) {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) callback(null, { user });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => server.close());
  return { port: (server.server.address() as AddressInfo).port, received };
}

const email = { to: ['desk@example.org'], cc: [], bcc: [], subject: '{{title}} for {{asOf}}' };

describe('e-mail delivery', () => {
  it('logs in with the user and password of BRIEFGEN_SMTP_URL and sends the subject template, marking first', async () => {
    const server = await authenticatingServer('briefgen', 'p@ss:word');
    const edition = await sampleEdition(await tmp());
    const env = {
      BRIEFGEN_SMTP_URL: `smtp://briefgen:${encodeURIComponent('p@ss:word')}@127.0.0.1:${server.port}`,
      BRIEFGEN_SMTP_FROM: 'briefs@example.org',
    };
    const results = await deliverEdition({ email }, ['email'], edition, { env });
    expect(results).toEqual([{ channel: 'email', ok: true }]);
    expect(server.received.map((m) => m.subject)).toEqual([
      '[TLP:RED] Weekly overview for 2026-11-23',
    ]);
  });

  it('a refused login fails naming the server, never its password', async () => {
    const server = await authenticatingServer('briefgen', 'right');
    const edition = await sampleEdition(await tmp());
    const env = {
      BRIEFGEN_SMTP_URL: `smtp://briefgen:wrong-secret@127.0.0.1:${server.port}`,
      BRIEFGEN_SMTP_FROM: 'briefs@example.org',
    };
    const [result] = await deliverEdition({ email }, ['email'], edition, { env });
    const message = result && 'error' in result ? result.error.message : '';
    expect(message).toContain(`the SMTP server smtp://briefgen:***@127.0.0.1:${server.port}`);
    expect(message).toContain('Invalid username or password');
    expect(message).not.toContain('wrong-secret');
    expect(server.received).toHaveLength(0);
  });
});
