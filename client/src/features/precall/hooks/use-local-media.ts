import { useCallback, useEffect, useState } from 'react';
import { acquireMedia, type Acquired, stopStream } from '../media/acquire-media';

export type DeviceState = Acquired | { stream: null; problem: null };

const PENDING: DeviceState = { stream: null, problem: null };

/** Camera and microphone streams for this check, stopped on unmount and before each retry. */
export function useLocalMedia() {
  const [camera, setCamera] = useState<DeviceState>(PENDING);
  const [microphone, setMicrophone] = useState<DeviceState>(PENDING);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    let opened: MediaStream[] = [];
    void acquireMedia().then((result) => {
      opened = [result.camera.stream, result.microphone.stream].filter((s): s is MediaStream => s !== null);
      // Unmounted while the permission prompt was open: nobody will stop these tracks but us.
      if (!live) return opened.forEach(stopStream);
      setCamera(result.camera);
      setMicrophone(result.microphone);
    });
    return () => {
      live = false;
      opened.forEach(stopStream);
      setCamera(PENDING);
      setMicrophone(PENDING);
    };
  }, [attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { camera, microphone, retry };
}
