import { BriefError } from '../shared/errors.js';

/** A setting that must come from the environment (never from a brief, which is shared). */
export function requiredSetting(
  env: Record<string, string | undefined>,
  name: string,
  purpose: string,
  example: string,
): string {
  const value = env[name];
  if (value !== undefined && value.trim() !== '') return value.trim();
  throw new BriefError('DELIVERY_FAILED', `the environment variable ${name} is not set`, {
    hint: `${purpose}: set it, e.g. ${name}=${example}`,
  });
}

export interface SmtpSettings {
  url: string;
  from: string;
}

export function smtpSettings(env: Record<string, string | undefined>): SmtpSettings {
  const url = requiredSetting(
    env,
    'BRIEFGEN_SMTP_URL',
    'e-mail delivery needs the SMTP server',
    'smtp://user:password@mail.example.org:587',
  );
  if (!/^smtps?:\/\//i.test(url)) {
    throw new BriefError('DELIVERY_FAILED', 'BRIEFGEN_SMTP_URL is not an smtp:// or smtps:// URL', {
      hint: 'write it as smtp://user:password@host:port (smtps:// for TLS from the start)',
    });
  }
  const from = requiredSetting(
    env,
    'BRIEFGEN_SMTP_FROM',
    'e-mail delivery needs a sender address',
    '"Briefgen <briefs@example.org>"',
  );
  return { url, from };
}

/** An SMTP URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unreadable URL)';
  }
}
