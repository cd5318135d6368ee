// A provider's MIME type as the messages table keeps it: `type/subtype` only (WhatsApp sends voice
// notes as `audio/ogg; codecs=opus`: the parameters are dropped), or undefined when it is not one.
const MEDIA_TYPE = /^[a-z0-9.+-]{1,64}\/[A-Za-z0-9.+-]{1,128}$/;

export function mediaType(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const bare = raw.split(";", 1)[0].trim().toLowerCase();
  return MEDIA_TYPE.test(bare) ? bare : undefined;
}
