// Relative: next.config.ts imports this module, and its loader knows no path aliases.
import { env } from '../env';

// Upload limits from the configuration, in bytes, with the messages users meet. next.config.ts
// lets request bodies through with some room above the larger one, so these are what refuse.

const MB = 1024 * 1024;

export const mediaLimit = { maxMb: env.MEDIA_MAX_MB, maxBytes: Math.floor(env.MEDIA_MAX_MB * MB), message: `图片不能超过 ${env.MEDIA_MAX_MB} MB。` };

export const attachmentLimit = {
  maxMb: env.ATTACHMENT_MAX_MB,
  maxBytes: Math.floor(env.ATTACHMENT_MAX_MB * MB),
  message: `附件不能超过 ${env.ATTACHMENT_MAX_MB} MB。`,
};

/** Largest request body accepted at all: the larger upload limit plus room for the form. */
export const requestBodyLimitMb = Math.ceil(Math.max(env.MEDIA_MAX_MB, env.ATTACHMENT_MAX_MB)) + 5;
export const requestBodyLimitBytes = requestBodyLimitMb * MB;
