import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../precall/media/acquire-media';
import { CallEngine } from '../media/call-engine';
import { INITIAL_SNAPSHOT } from '../media/call-state';

/** Starts a call engine for the consultation for as long as the view is mounted. */
export function useCall(consultationId: string) {
  const [engine] = useState(() => new CallEngine(consultationId));
  const snapshot = useSyncExternalStore(engine.subscribe, engine.getSnapshot, () => INITIAL_SNAPSHOT);
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // Only opening the camera and the microphone can fail here (the rest retries by itself).
    engine.start().catch((e: unknown) => setError(t(`call.startError.${problemOf(e)}`)));
    return () => {
      engine.stop();
    };
  }, [engine, t]);
  return { engine, snapshot, error };
}
