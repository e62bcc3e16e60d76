import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { BriefError } from '../shared/errors.js';
import { requiredSetting } from './settings.js';
import type { Delivery, DeliveryEnvironment, Edition } from './types.js';

/** Three retries after 0.5, 1 and 2 s: a receiver restarting is back within that. */
export const WEBHOOK_RETRY_DELAYS_MS = [500, 1000, 2000];
const WEBHOOK_TIMEOUT_MS = 30_000;

export function signature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export async function webhookBody(
  webhook: NonNullable<Delivery['webhook']>,
  edition: Edition,
): Promise<string> {
  const { brief, keyPoints } = edition.model;
  return JSON.stringify({
    id: brief.id,
    asOf: brief.asOf,
    title: brief.title,
    ...(brief.marking ? { marking: brief.marking } : {}),
    keyPoints: keyPoints.map((p) => p.text),
    pdf: edition.shownPdf,
    ...(webhook.includePdf ? { pdfBase64: (await readFile(edition.pdf)).toString('base64') } : {}),
  });
}

/**
 * POST the signed summary. A 5xx, a refused connection or a timeout is tried again after each
 * delay; a 4xx is the receiver refusing this delivery, and fails at once.
 */
export async function postWebhook(
  webhook: NonNullable<Delivery['webhook']>,
  edition: Edition,
  environment: DeliveryEnvironment,
): Promise<void> {
  const secret = requiredSetting(
    environment.env,
    'BRIEFGEN_WEBHOOK_SECRET',
    'webhook deliveries are signed (X-Briefgen-Signature) with a secret the receiver shares',
    '$(openssl rand -hex 32)',
  );
  const body = await webhookBody(webhook, edition);
  const headers = {
    'content-type': 'application/json',
    'x-briefgen-signature': signature(body, secret),
  };
  const delays = environment.retryDelaysMs ?? WEBHOOK_RETRY_DELAYS_MS;
  for (let attempt = 0; ; attempt++) {
    const problem = await postOnce(webhook.url, body, headers, environment);
    if (problem === undefined) return;
    const delay = delays[attempt];
    if (!problem.retry || delay === undefined) {
      const tries = attempt === 0 ? '' : ` after ${attempt + 1} attempts`;
      throw new BriefError('DELIVERY_FAILED', `${webhook.url} ${problem.message}${tries}`, {
        hint: problem.retry
          ? 'check that the receiver is up; the next brief run --due posts it again'
          : 'the receiver refused the delivery: check its URL and BRIEFGEN_WEBHOOK_SECRET',
      });
    }
    await sleep(delay);
  }
}

async function postOnce(
  url: string,
  body: string,
  headers: Record<string, string>,
  environment: DeliveryEnvironment,
): Promise<{ message: string; retry: boolean } | undefined> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(environment.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.ok) return undefined;
    return {
      message: `answered ${response.status} ${response.statusText}`.trim(),
      retry: response.status >= 500,
    };
  } catch (error) {
    return { message: `could not be reached (${describeFetchError(error)})`, retry: true };
  }
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
