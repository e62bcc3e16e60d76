import { basename } from 'node:path';
import { createTransport } from 'nodemailer';
import { renderEmailHtml, renderEmailText } from '../render/html/index.js';
import { BriefError } from '../shared/errors.js';
import { redactUrl, smtpSettings } from './settings.js';
import { emailSubject } from './subject.js';
import type { Delivery, DeliveryEnvironment, Edition } from './types.js';

/** Mail the brief: subject led by its marking, text and HTML bodies, the PDF attached. */
export async function sendEmail(
  email: NonNullable<Delivery['email']>,
  edition: Edition,
  environment: DeliveryEnvironment,
): Promise<void> {
  const { model, pdf } = edition;
  const name = basename(pdf);
  await send(environment, {
    to: email.to,
    ...(email.cc.length > 0 ? { cc: email.cc } : {}),
    ...(email.bcc.length > 0 ? { bcc: email.bcc } : {}),
    subject: emailSubject(model, email.subject),
    text: renderEmailText(model, name),
    html: renderEmailHtml(model, name),
    attachments: [{ filename: name, path: pdf, contentType: 'application/pdf' }],
  });
}

/** Tell `on_failure` that a scheduled brief did not build, and why. */
export async function sendFailureNotice(
  to: string,
  notice: { id: string; title: string; asOf: string; marking?: string; reason: string },
  environment: DeliveryEnvironment,
): Promise<void> {
  const marking = notice.marking ? `[${notice.marking}] ` : '';
  await send(environment, {
    to: [to],
    subject: `${marking}FAILED: ${notice.title} — ${notice.asOf}`,
    text: [
      `The scheduled brief "${notice.id}" (as of ${notice.asOf}) failed to build:`,
      '',
      notice.reason,
      '',
      'Its schedule state is unchanged, so the next brief run --due tries it again.',
      '',
    ].join('\n'),
  });
}

interface Message {
  to: string[];
  cc?: string[];
  bcc?: string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; path: string; contentType: string }[];
}

async function send(environment: DeliveryEnvironment, message: Message): Promise<void> {
  const { url, from } = smtpSettings(environment.env);
  const timeout = environment.timeoutMs ?? 30_000;
  const transport = createTransport({
    url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  try {
    await transport.sendMail({ from, ...message });
  } catch (error) {
    throw new BriefError(
      'DELIVERY_FAILED',
      `the SMTP server ${redactUrl(url)} did not take the mail: ${(error as Error).message}`,
      {
        hint: 'check BRIEFGEN_SMTP_URL and that the server is up; the next brief run --due sends it again',
        cause: error,
      },
    );
  } finally {
    transport.close();
  }
}
