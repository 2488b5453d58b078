/**
 * The camera and microphone streams and the object URLs this page holds, so that the booth's
 * privacy wipe can release them all before the next citizen sits down. Kept at module level on
 * purpose: they belong to the page, not to a React tree (a call, the check and the documents
 * dialog each open their own, and any of them may be on screen when the wipe comes).
 */
const streams = new Set<MediaStream>();
const objectUrls = new Set<string>();

/** Records a stream from getUserMedia; returns it, so a call site wraps its acquisition. */
export function holdStream<T extends MediaStream>(stream: T): T {
  streams.add(stream);
  return stream;
}

/** Records an object URL (a photographed page, a document shown) until it is revoked. */
export function holdObjectUrl(blob: Blob): string {
  const url = URL.createObjectURL(blob);
  objectUrls.add(url);
  return url;
}

export function releaseObjectUrl(url: string): void {
  URL.revokeObjectURL(url);
  objectUrls.delete(url);
}

/** The tracks of held streams (and of any media element on the page) still capturing. */
export function liveTracks(): MediaStreamTrack[] {
  const fromElements = [...document.querySelectorAll<HTMLMediaElement>('video, audio')]
    .map((el) => el.srcObject)
    .filter((src): src is MediaStream => src instanceof MediaStream);
  const all = new Set([...streams, ...fromElements].flatMap((s) => s.getTracks()));
  return [...all].filter((track) => track.readyState === 'live');
}

/** Stops every held track and revokes every held object URL. */
export function releaseAll(): void {
  liveTracks().forEach((track) => track.stop());
  streams.clear();
  objectUrls.forEach((url) => URL.revokeObjectURL(url));
  objectUrls.clear();
}
