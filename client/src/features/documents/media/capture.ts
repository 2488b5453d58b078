/** Chromium's ImageCapture (not in TypeScript's DOM library yet). */
interface ImageCaptureLike {
  takePhoto(settings?: { imageWidth?: number; imageHeight?: number }): Promise<Blob>;
  getPhotoCapabilities?(): Promise<{ imageWidth?: { max?: number }; imageHeight?: { max?: number } }>;
}
type ImageCaptureCtor = new (track: MediaStreamTrack) => ImageCaptureLike;

/**
 * A still of the document at the camera's best resolution: ImageCapture.takePhoto() where the
 * browser has it (the sensor's full still resolution, often above the video's), otherwise the
 * current video frame at the track's own size (never the size it is displayed at).
 */
export async function capturePhoto(track: MediaStreamTrack, video: HTMLVideoElement): Promise<Blob> {
  const ImageCapture = (globalThis as { ImageCapture?: ImageCaptureCtor }).ImageCapture;
  if (ImageCapture && track.readyState === 'live') {
    try {
      const capture = new ImageCapture(track);
      const capabilities = await capture.getPhotoCapabilities?.().catch(() => undefined);
      const width = capabilities?.imageWidth?.max;
      const height = capabilities?.imageHeight?.max;
      const photo = await capture.takePhoto(width && height ? { imageWidth: width, imageHeight: height } : undefined);
      if (photo.size > 0) return photo;
    } catch {
      // Some cameras (and fake devices) refuse stills: the frame below is the fallback.
    }
  }
  return grabFrame(video);
}

function grabFrame(video: HTMLVideoElement): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d');
  if (!context || canvas.width === 0) return Promise.reject(new Error('no video frame'));
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no frame'))), 'image/jpeg', 0.92));
}

/** The file name of a photographed page, from its type. */
export const pageName = (blob: Blob, page: number) => `page-${page}.${blob.type === 'image/png' ? 'png' : 'jpg'}`;
