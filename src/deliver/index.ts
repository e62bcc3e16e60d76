import { BriefError } from '../shared/errors.js';
import { sendEmail } from './email.js';
import { copyToFolder } from './folder.js';
import type { Channel, ChannelResult, Delivery, DeliveryEnvironment, Edition } from './types.js';
import { postWebhook } from './webhook.js';

export { sendFailureNotice } from './email.js';
export { emailSubject, subjectProblem } from './subject.js';
export { signature, WEBHOOK_RETRY_DELAYS_MS } from './webhook.js';
export { channelsOf, CHANNELS } from './types.js';
export type { Channel, ChannelResult, Delivery, DeliveryEnvironment, Edition } from './types.js';

/**
 * Deliver an edition on the channels named (each at most once); one failing does not stop the
 * others, so a retry only repeats what failed.
 */
export async function deliverEdition(
  delivery: Delivery,
  channels: readonly Channel[],
  edition: Edition,
  environment: DeliveryEnvironment,
): Promise<ChannelResult[]> {
  const results: ChannelResult[] = [];
  for (const channel of channels) {
    try {
      await deliverOn(channel, delivery, edition, environment);
      results.push({ channel, ok: true });
    } catch (error) {
      results.push({ channel, error: error as Error });
    }
  }
  return results;
}

async function deliverOn(
  channel: Channel,
  delivery: Delivery,
  edition: Edition,
  environment: DeliveryEnvironment,
): Promise<void> {
  const { email, webhook, folder } = delivery;
  if (channel === 'email' && email) return sendEmail(email, edition, environment);
  if (channel === 'webhook' && webhook) return postWebhook(webhook, edition, environment);
  if (channel === 'folder' && folder) return copyToFolder(folder, edition);
  throw new BriefError('DELIVERY_FAILED', `the brief no longer has a ${channel} delivery`, {
    hint: `it was due from an earlier run; add delivery.${channel} back, or brief schedule --reset the brief`,
  });
}

/** Tests shorten the webhook's retries with BRIEFGEN_WEBHOOK_RETRY_MS (comma-separated ms). */
export function deliveryEnvironment(env: Record<string, string | undefined>): DeliveryEnvironment {
  const retry = env.BRIEFGEN_WEBHOOK_RETRY_MS;
  const delays = retry?.split(',').map(Number);
  const timeout = Number(env.BRIEFGEN_DELIVERY_TIMEOUT_MS);
  return {
    env,
    ...(delays && delays.every((d) => Number.isFinite(d) && d >= 0)
      ? { retryDelaysMs: delays }
      : {}),
    ...(Number.isFinite(timeout) && timeout > 0 ? { timeoutMs: timeout } : {}),
  };
}
