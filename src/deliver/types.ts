import type { BriefModel } from '../model/index.js';

/** A brief's `delivery:` with paths resolved: where each built PDF goes. */
export interface Delivery {
  email?: { to: string[]; cc: string[]; bcc: string[]; subject?: string };
  webhook?: { url: string; includePdf: boolean };
  /** Absolute folder the PDF is copied into. */
  folder?: { path: string };
  /** Address told when the brief fails to build. */
  onFailure?: string;
}

export type Channel = 'email' | 'webhook' | 'folder';
export const CHANNELS: readonly Channel[] = ['email', 'webhook', 'folder'];

/** One built brief, ready to be delivered: its model and the PDF written for it. */
export interface Edition {
  model: BriefModel;
  /** Absolute path of the PDF. */
  pdf: string;
  /** The PDF's path as the user sees it (relative to the current folder). */
  shownPdf: string;
}

/** Where settings and secrets come from, and how patient a webhook is (tests shorten it). */
export interface DeliveryEnvironment {
  env: Record<string, string | undefined>;
  /** Waits before each webhook retry, in ms. */
  retryDelaysMs?: readonly number[];
  /** Give up on one webhook call after this long. */
  timeoutMs?: number;
}

export type ChannelResult = { channel: Channel; ok: true } | { channel: Channel; error: Error };

export function channelsOf(delivery: Delivery | undefined): Channel[] {
  return CHANNELS.filter((channel) => delivery?.[channel] !== undefined);
}
