import { useEffect, useRef } from 'react';

/**
 * A <video> bound to a stream; muted for the local preview (no echo), mirrored like a mirror.
 * `videoOff` covers the picture with `placeholder` but keeps the element playing: a remote
 * stream's sound plays through it. `fill`: the tile takes the height its container gives (the
 * call's main picture, as large as the screen allows) and shows the picture whole within it.
 */
export function MediaTile({
  stream,
  label,
  local = false,
  kind = 'camera',
  placeholder,
  videoOff = false,
  indicators = [],
  onRenderedHeight,
  fill = false,
}: {
  stream: MediaStream | null;
  label: string;
  local?: boolean;
  /** A shared screen is shown whole (letterboxed), a camera fills its tile. */
  kind?: 'camera' | 'screen';
  placeholder: string;
  videoOff?: boolean;
  /** Short states shown on the tile and read by screen readers, e.g. "Micro coupé". */
  indicators?: string[];
  /** Called with the on-screen height of the video, so the sender's layer can follow it. */
  onRenderedHeight?: (height: number) => void;
  fill?: boolean;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== stream) ref.current.srcObject = stream;
  }, [stream]);
  useEffect(() => {
    const video = ref.current;
    if (!video || !onRenderedHeight) return;
    const observer = new ResizeObserver(([entry]) => entry && onRenderedHeight(Math.round(entry.contentRect.height)));
    observer.observe(video);
    return () => observer.disconnect();
  }, [stream, onRenderedHeight]);
  const cover = !stream || videoOff;
  const size = fill ? { height: '100%', aspectRatio: undefined } : { aspectRatio: '16 / 9' };
  return (
    <figure className="fr-m-0" style={{ position: 'relative', background: '#161616', borderRadius: 8, overflow: 'hidden', height: fill ? '100%' : undefined }}>
      {stream && (
        <video
          ref={ref}
          autoPlay
          playsInline
          muted={local}
          data-testid={local ? 'local-video' : kind === 'screen' ? 'remote-screen' : 'remote-video'}
          style={{
            width: '100%',
            display: 'block',
            transform: local ? 'scaleX(-1)' : undefined,
            ...size,
            objectFit: kind === 'screen' || fill ? 'contain' : 'cover',
            visibility: videoOff ? 'hidden' : 'visible',
          }}
        />
      )}
      {cover && (
        <div style={{ position: stream || fill ? 'absolute' : 'static', inset: 0, aspectRatio: fill ? undefined : '16 / 9', display: 'grid', placeItems: 'center', color: '#fff' }}>
          {placeholder}
        </div>
      )}
      <figcaption className="fr-text--sm fr-m-0 fr-px-1w" style={{ position: 'absolute', left: 8, bottom: 8, background: 'rgba(0,0,0,.6)', color: '#fff', borderRadius: 4 }}>
        {label}
        {indicators.length > 0 && (
          <span data-testid={local ? 'local-indicators' : 'remote-indicators'} role="status">
            {indicators.map((text) => ` · ${text}`).join('')}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
