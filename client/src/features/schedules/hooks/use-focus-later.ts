import { useCallback, useEffect, useState } from 'react';

/**
 * Focus an element by id once the next render is drawn: the control that had the focus is going
 * away (a closed panel) and the one to return to may only be enabled or shown by that render.
 */
export function useFocusLater(): (id: string) => void {
  const [target, setTarget] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (target) document.getElementById(target.id)?.focus();
  }, [target]);
  // A new object each time: asking twice for the same id focuses twice.
  return useCallback((id: string) => setTarget({ id }), []);
}
